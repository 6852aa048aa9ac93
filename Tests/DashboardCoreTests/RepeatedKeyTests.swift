import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// The same key pressed again while its action is pending does nothing and says so: 500 presses of
/// `m` send one request, `x y x y` one DELETE. Other participants, and other kinds of action, are
/// not held up by it.
@Suite("Repeated keys while an action is pending")
struct RepeatedKeyTests {
    typealias F = Fixtures

    static func note(_ state: DashboardState) -> String? { state.events.note?.text }

    @Test func fiveHundredPressesOfMSendOneMute() {
        var state = F.watching()
        _ = F.keys(&state, "j")  // alice, muted
        let effects = (0..<500).flatMap { _ in F.keys(&state, "m") }
        #expect(F.sent(effects) == [F.Sent(1, .mute(callSid: F.sid(2), false))])
        #expect(Self.note(state) == "unmute alice already pending")
        #expect(F.screen(state).contains("unmute alice already pending"), "said on the footer")
        #expect(state.events.entries.filter { $0.text.hasPrefix("you: unmute alice") }.count == 1, "one line in the log, not 500")
        // Once answered, m acts again: now she is unmuted, so it mutes.
        var alice = F.meeting[1]
        alice.muted = false
        F.send(&state, .actionFinished(id: 1, .done(alice), at: F.start.addingTimeInterval(1)))
        #expect(F.sent(F.keys(&state, "m")) == [F.Sent(2, .mute(callSid: F.sid(2), true))])
    }

    @Test func aKickPendingIsNotAskedAboutOrSentAgain() {
        var state = F.watching()
        _ = F.keys(&state, "j")
        #expect(F.sent(F.keys(&state, "x", "y")) == [F.Sent(1, .kick(callSid: F.sid(2)))])
        #expect(F.keys(&state, "x").isEmpty)
        #expect(state.box == nil, "no second question")
        #expect(Self.note(state) == "kick alice already pending")
        #expect(F.keys(&state, "y").isEmpty)
        // Even a confirmation already open when the first was sent sends nothing.
        state.box = KickConfirm(callSid: F.sid(2))
        #expect(F.keys(&state, "y").isEmpty)
    }

    @Test func otherParticipantsAndOtherKindsAreNotHeldUp() {
        var state = F.watching()
        _ = F.keys(&state, "j")
        _ = F.keys(&state, "m")
        #expect(F.sent(F.keys(&state, "h")) == [F.Sent(2, .hold(callSid: F.sid(2), true, url: nil, method: nil))], "a hold is another kind")
        _ = F.keys(&state, "j")  // bruno
        #expect(F.sent(F.keys(&state, "m")) == [F.Sent(3, .mute(callSid: F.sid(3), true))])
        #expect(F.sent(F.keys(&state, "x", "y")) == [F.Sent(4, .kick(callSid: F.sid(3)))], "a kick after a mute on the same participant goes")
    }

    @Test func aBulkActionLeavesOutWhoHasTheSameKindPendingAndGoesInItsOwnLane() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j")  // bruno
        let single = Reducer.perform(.mute(callSid: F.sid(3), true), &state)
        guard case .perform(let request)? = single.first else {
            Issue.record("nothing sent")
            return
        }
        #expect(request.lane == .interactive)
        _ = F.keys(&state, "M")
        let effects = F.keys(&state, "y")
        #expect(F.sent(effects).map(\.action.callSid) == [5, 4, 6].map(F.sid), "bruno's mute is on its way already")
        #expect(effects.allSatisfy { if case .perform(let r) = $0 { r.lane == .bulk } else { false } })
        #expect(state.events.entries.contains { $0.text == "mute all: skipped mute bruno already pending" })
    }

    @Test func listeningTwiceDialsOnce() {
        var state = F.watching()
        state.defaults.supervisorEndpoint = "client:sup"
        state.defaults.dialFrom = "+15005550006"
        #expect(F.keys(&state, "L").count == 1)
        #expect(F.keys(&state, "L").isEmpty)
        #expect(Self.note(state) == "dial yourself in to listen already pending")
        #expect(state.supervisor.dials == [1], "the refused one is not taken for the supervisor's line")
    }

    @Test func aDialOutToSomeoneElseIsNeverTakenForARepeat() {
        var state = F.watching()
        let first = Reducer.perform(.dial(CreateParticipant(to: "+15558675310", from: "+15017122661")), &state)
        let second = Reducer.perform(.dial(CreateParticipant(to: "+15558675310", from: "+15017122661")), &state)
        #expect(first.count == 1 && second.count == 1, "two dial-outs are two calls, each confirmed in its form")
    }
}
