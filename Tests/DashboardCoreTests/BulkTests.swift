import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// Marks with Space, then mute / unmute / hold / kick many at once, each with its own result.
@Suite("Bulk actions")
struct BulkTests {
    typealias F = Fixtures

    /// The sids of the `.perform` effects, in order.
    static func targets(_ effects: [Effect]) -> [String] {
        F.sent(effects).compactMap(\.action.callSid)
    }

    @Test func spaceMarksAndMovesDownAndTheHeaderCountsTheMarks() {
        var state = F.watching()
        _ = F.keys(&state, "space", "space")
        #expect(state.table.marked == [F.sid(1), F.sid(2)])
        #expect(state.table.selection.id == F.sid(3))
        _ = F.keys(&state, "k", "space")
        #expect(state.table.marked == [F.sid(1)], "space again unmarks")
        let screen = F.screen(state)
        #expect(screen.contains("1 marked"))
        #expect(screen.contains("● moderator"))
    }

    @Test func muteAllMutesEveryoneNotYetMutedAndReportsOnceWhenAllAnswered() {
        var state = F.watching()
        let effects = F.keys(&state, "M")
        // alice (2) is muted already; the others are not.
        #expect(Self.targets(effects) == [1, 3, 5, 4, 6].map(F.sid))
        #expect(F.sent(effects).allSatisfy { if case .mute(_, true) = $0.action { true } else { false } })
        #expect(state.events.entries.last?.text == "you: mute all (5) …")
        #expect(F.screen(state).contains("mute all: 0/5"))
        for sent in F.sent(effects).dropLast() {
            F.send(&state, .actionFinished(id: sent.id, .done(nil), at: F.start.addingTimeInterval(1)))
            #expect(state.table.rows[sent.action.callSid!]?.action?.phase == .done(at: F.start.addingTimeInterval(1)))
        }
        #expect(F.screen(state).contains("mute all: 4/5"))
        guard let last = F.sent(effects).last?.id else {
            Issue.record("no effects")
            return
        }
        F.send(&state, .actionFinished(id: last, .failed("20429 Too Many Requests"), at: F.start.addingTimeInterval(2)))
        #expect(state.events.entries.last?.text == "you: mute all: 4 done, 1 failed — dara: 20429 Too Many Requests")
        #expect(state.table.rows[F.sid(6)]?.action?.phase == .failed(reason: "20429 Too Many Requests", at: F.start.addingTimeInterval(2)))
        #expect(state.actions.batches.isEmpty)
    }

    @Test func withMarksTheBulkKeysActOnTheMarkedOnly() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j", "space", "space")  // bruno (3), chen-wei (5)
        #expect(Self.targets(F.keys(&state, "M")) == [F.sid(3), F.sid(5)])
        #expect(state.table.marked.isEmpty, "marks are used up by the action")
        #expect(state.events.entries.last?.text == "you: mute the marked (2) …")
    }

    @Test func muteAllExceptKeepsTheSelectedAndUnmutesThemIfNeeded() {
        var state = F.watching()
        _ = F.keys(&state, "j")  // alice, who is muted
        let effects = F.keys(&state, "E")
        let actions = F.sent(effects).map(\.action)
        #expect(actions.filter { $0 == .mute(callSid: F.sid(2), false) }.count == 1, "alice is unmuted")
        #expect(Set(actions.filter { if case .mute(_, true) = $0 { true } else { false } }.compactMap(\.callSid)) == Set([1, 3, 4, 5, 6].map(F.sid)))
        #expect(state.events.entries.last?.text == "you: mute all except alice (6) …")
    }

    @Test func unmuteAllUnmutesOnlyTheMutedAndNeverTheSupervisorsListeningLine() {
        var state = F.watching()
        state.supervisor.callSid = F.sid(4)
        var next = F.meeting
        next[3].muted = true  // CA…4, the supervisor, listening
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        let effects = F.keys(&state, "U")
        #expect(F.sent(effects) == [F.Sent(1, .mute(callSid: F.sid(2), false))], "one target: a single action, no batch")
        #expect(state.actions.batches.isEmpty)
    }

    @Test func underAFilterAllMeansAllShownAndSaysSo() {
        var state = F.watching()
        _ = F.keys(&state, "/")
        _ = F.type(&state, "ra")  // moderator, dara
        _ = F.keys(&state, "enter")
        #expect(Self.targets(F.keys(&state, "M")) == [F.sid(1), F.sid(6)])
        #expect(state.events.entries.last?.text == "you: mute all shown (2) …")
    }

    @Test func nobodyToChangeSaysSo() {
        var state = F.watching(F.meeting.map { var p = $0; p.muted = true; return p })
        #expect(F.keys(&state, "M").isEmpty)
        #expect(state.events.entries.last?.text == "mute all: nobody to change")
    }

    @Test func holdWithMarksHoldsThemAndResumesThemWhenAllAreHeld() {
        var state = F.watching()
        state.defaults.holdURL = "https://example.com/hold.mp3"
        _ = F.keys(&state, "j", "space", "space")  // alice, bruno
        #expect(F.sent(F.keys(&state, "h")) == [
            F.Sent(1, .hold(callSid: F.sid(2), true, url: "https://example.com/hold.mp3", method: nil)),
            F.Sent(2, .hold(callSid: F.sid(3), true, url: "https://example.com/hold.mp3", method: nil)),
        ])
        var held = F.meeting
        held[1].hold = true
        held[2].hold = true
        F.send(&state, .polled(participants: held, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        _ = F.keys(&state, "g", "j", "space", "space")
        #expect(F.sent(F.keys(&state, "h")) == [
            F.Sent(3, .hold(callSid: F.sid(2), false, url: nil, method: nil)),
            F.Sent(4, .hold(callSid: F.sid(3), false, url: nil, method: nil)),
        ])
        #expect(state.events.entries.last?.text == "you: resume the marked (2) …")
    }

    @Test func kickingTheMarkedAsksOnceListingThemThenKicksEach() {
        var state = F.watching()
        _ = F.keys(&state, "j", "space", "space", "space")  // alice, bruno, chen-wei
        #expect(F.keys(&state, "x").isEmpty)
        #expect((state.box as? BulkKickConfirm)?.callSids == [2, 3, 5].map(F.sid))
        let screen = F.screen(state)
        #expect(screen.contains("alice") && screen.contains("bruno") && screen.contains("chen-wei"))
        #expect(screen.contains("Kick 3"))
        let effects = F.keys(&state, "y")
        #expect(F.sent(effects) == [2, 3, 5].enumerated().map { F.Sent($0.offset + 1, .kick(callSid: F.sid($0.element))) })
        for id in F.sent(effects).map(\.id) { F.send(&state, .actionFinished(id: id, .done(nil), at: F.start.addingTimeInterval(1))) }
        #expect(state.events.entries.last?.text == "you: kick 3 ✓ all 3")
        #expect([2, 3, 5].allSatisfy { state.table.rows[F.sid($0)]?.departedAt != nil })
    }

    @Test func anyOtherKeyCancelsTheBulkKick() {
        var state = F.watching()
        _ = F.keys(&state, "space", "space")
        _ = F.keys(&state, "x")
        #expect(F.keys(&state, "n").isEmpty)
        #expect(state.box == nil && state.events.entries.last?.text == "kick of 2 participants cancelled")
        #expect(state.table.marked.count == 2, "the marks stay for another try")
    }
}
