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

    /// Presses `key`, checks a question was asked and nothing sent yet, answers `y`; the effects.
    static func confirmed(_ state: inout DashboardState, _ key: String) -> [Effect] {
        #expect(F.keys(&state, key).isEmpty, "nothing is sent before the answer")
        #expect(state.box is ConfirmLine, "\(key) asks first")
        return F.keys(&state, "y")
    }

    /// The question on the footer line.
    static func question(_ state: DashboardState) -> String {
        String(F.screen(state).split(separator: "\n").last ?? "")
    }

    @Test func muteAllAsksNamingTheCountAndWhoIsSparedThenMutes() {
        var state = F.watching()
        _ = F.keys(&state, "M")
        // alice (2) is muted already; the moderator (1) ends the conference on exit: spared.
        #expect(Self.question(state).hasPrefix("Mute 4 of 6? spared: moderator (ends the conference on exit)  y/N"), "\(Self.question(state))")
        let effects = F.keys(&state, "y")
        #expect(Self.targets(effects) == [3, 5, 4, 6].map(F.sid))
        #expect(F.sent(effects).allSatisfy { if case .mute(_, true) = $0.action { true } else { false } })
        #expect(state.events.entries.last?.text == "you: mute all (4) …")
        #expect(F.screen(state).contains("mute all: 0/4"))
        for sent in F.sent(effects).dropLast() {
            F.send(&state, .actionFinished(id: sent.id, .done(nil), at: F.start.addingTimeInterval(1)))
            #expect(state.table.rows[sent.action.callSid!]?.action?.phase == .done(at: F.start.addingTimeInterval(1)))
        }
        #expect(F.screen(state).contains("mute all: 3/4"))
        guard let last = F.sent(effects).last?.id else {
            Issue.record("no effects")
            return
        }
        F.send(&state, .actionFinished(id: last, .failed("20429 Too Many Requests"), at: F.start.addingTimeInterval(2)))
        #expect(state.events.entries.last?.text == "you: mute all: 3 done, 1 failed — dara: 20429 Too Many Requests")
        #expect(state.events.entries.last?.parts == ["bruno ✓", "chen-wei ✓", "CA…000004 ✓", "dara ✗ 20429 Too Many Requests"])
        #expect(state.table.rows[F.sid(6)]?.action?.phase == .failed(reason: "20429 Too Many Requests", at: F.start.addingTimeInterval(2)))
        #expect(state.actions.batches.isEmpty)
    }

    @Test func theSupervisorsOwnLineAndTheConfiguredSpareAreLeftAlone() {
        var state = F.watching()
        state.supervisor.callSid = F.sid(4)
        state.defaults.spare = ["bruno", "+15551230006"]
        var dara = Call(sid: F.sid(6), accountSid: "ACc0ffee00000000000000000000000000")
        (dara.from, dara.fromFormatted, dara.direction) = ("+15551230006", "(555) 123-0006", .inbound)
        F.send(&state, .callFetched(dara))
        _ = F.keys(&state, "M")
        #expect(Self.question(state).contains("Mute 1 of 6? spared:"))
        #expect((state.box as? ConfirmLine)?.spared == ["moderator (ends the conference on exit)", "bruno (spare list)", "you", "dara (spare list)"])
        #expect(Self.targets(F.keys(&state, "y")) == [F.sid(5)])
    }

    @Test func aLongSparedListIsShortenedToFitTheLine() {
        let line = ConfirmLine(question: "Mute 3 of 20", spared: (1...12).map { "person-\($0) (spare list)" }, verb: "mute all", actions: [])
        let text = line.text(width: 80)
        #expect(DisplayWidth.of(text) <= 80 && text.hasSuffix(" more  y/N") && text.hasPrefix("Mute 3 of 20? spared: person-1 (spare list)"), "\(text)")
    }

    @Test func anythingButYCancelsSaysSoAndClearsTheMarks() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j", "space", "space")  // bruno (3), chen-wei (5)
        #expect(F.keys(&state, "M").isEmpty)
        #expect(F.keys(&state, "n").isEmpty && state.box == nil)
        #expect(state.events.entries.last?.text == "mute the marked cancelled: nothing sent")
        #expect(state.table.marked.isEmpty, "cancelling clears the marks")
    }

    @Test func withMarksTheBulkKeysActOnTheMarkedOnly() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j", "space", "space")  // bruno (3), chen-wei (5)
        #expect(Self.targets(Self.confirmed(&state, "M")) == [F.sid(3), F.sid(5)])
        #expect(state.table.marked.isEmpty, "marks are used up by the action")
        #expect(state.events.entries.last?.text == "you: mute the marked (2) …")
    }

    @Test func muteAllExceptKeepsTheSelectedAndUnmutesThemIfNeeded() {
        var state = F.watching()
        _ = F.keys(&state, "j")  // alice, who is muted
        _ = F.keys(&state, "E")
        #expect(Self.question(state).hasPrefix("Mute 4 of 6 except alice? spared: moderator"))
        let actions = F.sent(F.keys(&state, "y")).map(\.action)
        #expect(actions.filter { $0 == .mute(callSid: F.sid(2), false) }.count == 1, "alice is unmuted")
        #expect(Set(actions.filter { if case .mute(_, true) = $0 { true } else { false } }.compactMap(\.callSid)) == Set([3, 4, 5, 6].map(F.sid)))
        #expect(state.events.entries.last?.text == "you: mute all except alice (5) …")
    }

    @Test func unmuteAllUnmutesOnlyTheMutedAndNeverTheSupervisorsListeningLine() {
        var state = F.watching()
        state.supervisor.callSid = F.sid(4)
        var next = F.meeting
        next[3].muted = true  // CA…4, the supervisor, listening
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        _ = F.keys(&state, "U")
        #expect(Self.question(state).hasPrefix("Unmute 1 of 6? spared: moderator (ends the conference on exit), you"))
        #expect(F.sent(F.keys(&state, "y")) == [F.Sent(1, .mute(callSid: F.sid(2), false))], "one target: a single action, no batch")
        #expect(state.actions.batches.isEmpty)
    }

    @Test func underAFilterAllMeansAllShownAndSaysSo() {
        var state = F.watching()
        _ = F.keys(&state, "/")
        _ = F.type(&state, "ra")  // moderator, dara
        _ = F.keys(&state, "enter")
        #expect(Self.targets(Self.confirmed(&state, "M")) == [F.sid(6)])
        #expect(state.events.entries.last?.text == "you: mute dara …")
    }

    @Test func nobodyToChangeSaysSo() {
        var state = F.watching(F.meeting.map { var p = $0; p.muted = true; return p })
        #expect(F.keys(&state, "M").isEmpty && state.box == nil)
        #expect(state.events.entries.last?.text == "mute all: nobody to change")
    }

    @Test func starMarksEveryShownRowThenClearsThem() {
        var state = F.watching()
        _ = F.keys(&state, "*")
        #expect(state.table.marked == Set((1...6).map(F.sid)))
        _ = F.keys(&state, "*")
        #expect(state.table.marked.isEmpty)
        _ = F.keys(&state, "space", "*")
        #expect(state.table.marked.count == 6, "with some marked, * marks all")
    }

    @Test func holdWithMarksHoldsThemAndResumesThemWhenAllAreHeld() {
        var state = F.watching()
        state.defaults.holdURL = "https://example.com/hold.mp3"
        _ = F.keys(&state, "j", "space", "space")  // alice, bruno
        #expect(F.sent(Self.confirmed(&state, "h")) == [
            F.Sent(1, .hold(callSid: F.sid(2), true, url: "https://example.com/hold.mp3", method: nil)),
            F.Sent(2, .hold(callSid: F.sid(3), true, url: "https://example.com/hold.mp3", method: nil)),
        ])
        var held = F.meeting
        held[1].hold = true
        held[2].hold = true
        // Both answered (a hold still pending would refuse the resume: `already pending`).
        F.send(&state, .actionFinished(id: 1, .done(held[1]), at: F.start.addingTimeInterval(1)))
        F.send(&state, .actionFinished(id: 2, .done(held[2]), at: F.start.addingTimeInterval(1)))
        F.send(&state, .polled(participants: held, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        _ = F.keys(&state, "g", "j", "space", "space")
        #expect(F.sent(Self.confirmed(&state, "h")) == [
            F.Sent(3, .hold(callSid: F.sid(2), false, url: nil, method: nil)),
            F.Sent(4, .hold(callSid: F.sid(3), false, url: nil, method: nil)),
        ])
        #expect(state.events.entries.last?.text == "you: resume the marked (2) …")
    }

    @Test func kickingTheMarkedAsksOnceNamingThemThenKicksEach() {
        var state = F.watching()
        _ = F.keys(&state, "j", "space", "space", "space")  // alice, bruno, chen-wei
        #expect(F.keys(&state, "x").isEmpty)
        #expect((state.box as? ConfirmLine)?.actions == [2, 3, 5].map { .kick(callSid: F.sid($0)) })
        #expect(Self.question(state).hasPrefix("Kick 3 marked: alice, bruno, chen-wei?  y/N"))
        let effects = F.keys(&state, "y")
        #expect(F.sent(effects) == [2, 3, 5].enumerated().map { F.Sent($0.offset + 1, .kick(callSid: F.sid($0.element))) })
        for id in F.sent(effects).map(\.id) { F.send(&state, .actionFinished(id: id, .done(nil), at: F.start.addingTimeInterval(1))) }
        #expect(state.events.entries.last?.text == "you: kick 3 ✓ all 3")
        #expect([2, 3, 5].allSatisfy { state.table.rows[F.sid($0)]?.departedAt != nil })
    }
}
