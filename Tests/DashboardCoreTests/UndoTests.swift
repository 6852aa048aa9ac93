import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// `u` puts back what the last action changed, for those still there and unchanged since.
@Suite("Undo")
struct UndoTests {
    typealias F = Fixtures

    /// Answers every action among `effects` done, with the participants as they now are, and polls that.
    static func answer(_ effects: [Effect], _ state: inout DashboardState, at seconds: Double) -> [Participant] {
        var people = state.table.liveInOrder
        for sent in F.sent(effects) {
            guard let sid = sent.action.callSid, let i = people.firstIndex(where: { $0.callSid == sid }) else { continue }
            switch sent.action {
            case .mute(_, let on): people[i].muted = on
            case .hold(_, let on, _, _): people[i].hold = on
            case .coach(_, let on, let target): (people[i].coaching, people[i].callSidToCoach) = (on, on ? target : nil)
            default: break
            }
            F.send(&state, .actionFinished(id: sent.id, .done(people[i]), at: F.start.addingTimeInterval(seconds)))
        }
        F.send(&state, .polled(participants: people, conference: nil, latency: 0, at: F.start.addingTimeInterval(seconds)))
        return people
    }

    @Test func muteAllThenUndoGivesBackExactlyTheEarlierMutedSet() {
        var state = F.watching()
        let before = Set(state.table.live.filter(\.muted).map(\.callSid))
        _ = F.keys(&state, "M")
        _ = Self.answer(F.keys(&state, "y"), &state, at: 1)
        #expect(Set(state.table.live.filter(\.muted).map(\.callSid)).count == 5)
        let undo = F.keys(&state, "u")
        #expect(F.sent(undo).map(\.action) == [3, 5, 4, 6].map { .mute(callSid: F.sid($0), false) })
        #expect(state.events.entries.last?.text == "you: undo mute all (4) …")
        _ = Self.answer(undo, &state, at: 2)
        #expect(Set(state.table.live.filter(\.muted).map(\.callSid)) == before)
        #expect(state.events.entries.last(where: { $0.mine })?.text == "you: undo mute all ✓ all 4")
    }

    /// A poll sent before the answers arrive shows everyone as they were: it must not undo the mutes
    /// on screen, nor make undo think someone changed since.
    @Test func aPollSentBeforeTheAnswersDoesNotTakeThemBack() {
        var state = F.watching()
        let before = state.table.liveInOrder
        let beforeMuted = Set(before.filter(\.muted).map(\.callSid))
        _ = F.keys(&state, "M")
        for sent in F.sent(F.keys(&state, "y")) {
            var p = before.first { $0.callSid == sent.action.callSid }!
            p.muted = true
            F.send(&state, .actionFinished(id: sent.id, .done(p), at: F.start.addingTimeInterval(1)))
        }
        // Sent at 0.8, answered at 1.2: the list as it was before the mutes.
        F.send(&state, .polled(participants: before, conference: nil, latency: 0.4, at: F.start.addingTimeInterval(1.2)))
        #expect(state.table.live.filter(\.muted).count == 5, "the rows stay as the answers left them")
        #expect(!state.events.entries.contains { $0.text.contains("unmuted") })
        let undo = F.keys(&state, "u")
        #expect(F.sent(undo).count == 4, "nobody skipped as changed since")
        _ = Self.answer(undo, &state, at: 2)
        #expect(Set(state.table.live.filter(\.muted).map(\.callSid)) == beforeMuted)
        // A poll sent after an answer is applied as ever.
        var later = state.table.liveInOrder
        later[0].muted.toggle()
        F.send(&state, .polled(participants: later, conference: nil, latency: 0.1, at: F.start.addingTimeInterval(3)))
        #expect(state.table.liveInOrder[0].muted == later[0].muted)
    }

    @Test func undoSkipsWhoLeftAndWhatChangedSinceAndSaysSo() {
        var state = F.watching()
        _ = F.keys(&state, "M")
        var people = Self.answer(F.keys(&state, "y"), &state, at: 1)
        people.removeAll { $0.callSid == F.sid(3) }  // bruno left
        people[people.firstIndex { $0.callSid == F.sid(6) }!].muted = false  // dara unmuted herself
        F.send(&state, .polled(participants: people, conference: nil, latency: 0, at: F.start.addingTimeInterval(2)))
        let undo = F.keys(&state, "u")
        #expect(F.sent(undo).map(\.action) == [5, 4].map { .mute(callSid: F.sid($0), false) })
        #expect(state.events.entries.contains { $0.text == "undo mute all: skipped bruno (left), dara (changed since)" })
    }

    @Test func undoThenUndoWalksBackAndKickCannotBeUndone() {
        var state = F.watching()
        state.defaults.holdURL = "https://example.com/hold.mp3"
        _ = Self.answer(F.keys(&state, "m"), &state, at: 1)            // mute moderator
        _ = F.keys(&state, "j", "j")
        _ = Self.answer(F.keys(&state, "h"), &state, at: 2)            // hold bruno
        _ = F.keys(&state, "x")
        let kick = F.keys(&state, "y")                                 // kick bruno
        F.send(&state, .actionFinished(id: F.sent(kick)[0].id, .done(nil), at: F.start.addingTimeInterval(3)))
        #expect(F.keys(&state, "u").isEmpty)
        #expect(state.events.entries.last?.text == "cannot undo kick bruno: a kick cannot be undone; u again undoes the action before it")
        #expect(F.sent(F.keys(&state, "u")).isEmpty, "bruno has left: the hold's undo skips him")
        #expect(state.events.entries.contains { $0.text == "undo hold with music bruno: skipped bruno (left)" })
        #expect(F.sent(F.keys(&state, "u")).map(\.action) == [.mute(callSid: F.sid(1), false)])
        _ = F.keys(&state, "u")
        #expect(state.events.entries.last?.text.hasPrefix("nothing to undo") == true)
    }

    @Test func anUndoIsNotUndoneAndOldActionsAreForgotten() {
        var state = F.watching()
        _ = Self.answer(F.keys(&state, "m"), &state, at: 1)
        _ = Self.answer(F.keys(&state, "u"), &state, at: 2)
        _ = F.keys(&state, "u")
        #expect(state.events.entries.last?.text.hasPrefix("nothing to undo") == true, "undo then undo never redoes")
        _ = Self.answer(F.keys(&state, "m"), &state, at: 3)
        F.send(&state, .tick(F.start.addingTimeInterval(3 + 601)))
        _ = F.keys(&state, "u")
        #expect(state.events.entries.last?.text.hasPrefix("nothing to undo") == true, "older than ten minutes")
        #expect(UndoHistory.depth == 20)
    }

    @Test func coachingChangesAreUndoneToWhomTheyCoachedBefore() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j", "j")  // chen-wei, coaching bruno
        _ = Self.answer(F.keys(&state, "W"), &state, at: 1)  // out of coaching
        #expect(F.sent(F.keys(&state, "u")).map(\.action) == [.coach(callSid: F.sid(5), true, target: F.sid(3))])
    }
}
