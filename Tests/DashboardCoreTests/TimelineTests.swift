import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// The meeting's history: everything, full screen, filtered, searched, bulk lines opened, exported.
@Suite("The timeline")
struct TimelineTests {
    typealias F = Fixtures

    static func opened(_ state: inout DashboardState) -> String {
        _ = F.keys(&state, "l")
        return F.screen(state)
    }

    @Test func itHoldsJoinsChangesActionsAndFaultsEachWithItsTimeAndName() {
        var state = F.watching(width: 120, height: 40)
        var next = F.meeting
        next[1].muted = false
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(2)))
        F.send(&state, .pollFailed(PollFailure(kind: .other, message: "connection refused by 127.0.0.1:8089", retryAt: nil), at: F.start.addingTimeInterval(3)))
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(4)))
        let screen = Self.opened(&state)
        for text in ["16:00:02  alice unmuted", "16:00:03  poll failed: connection refused by 127.0.0.1:8089", "16:00:04  polling recovered after 1 failed poll",
                     "The meeting so far"] {
            #expect(screen.contains(text), "\(text)\n\(screen)")
        }
        let alice = state.events.entries.first { $0.text == "alice unmuted" }
        #expect(alice?.participantSid == F.sid(2) && alice?.participantName == "alice")
    }

    @Test func filtersCycleAllPeopleMineFailuresAndViewWhichAloneShowsViewLines() {
        var state = F.watching(width: 120, height: 40)
        _ = F.keys(&state, "s", "m")
        F.send(&state, .actionFinished(id: 1, .failed("20429 Too Many Requests"), at: F.start.addingTimeInterval(1)))
        #expect(!state.events.latest(10).contains { $0.text.hasPrefix("sort:") }, "a view switch does not flood the main pane")
        var screen = Self.opened(&state)
        #expect(!screen.contains("  sort: name") && screen.contains("6 participants"))
        for (filter, shown, hidden) in [("people", "16:00:00", "you: mute"), ("my actions", "you: mute moderator ✗", "6 participants"),
                                        ("failures", "✗ 20429", "you: mute moderator …"), ("view", "sort: name", "you: mute")] {
            _ = F.keys(&state, "f")
            screen = F.screen(state)
            #expect(screen.contains("f filter: \(filter)") && !screen.contains(hidden), "\(filter)\n\(screen)")
            if filter != "people" { #expect(screen.contains(shown), "\(filter)") }
        }
    }

    @Test func aBulkActionIsOneLineThatEnterOpens() {
        var state = F.watching(width: 120, height: 40)
        _ = F.keys(&state, "M")
        let effects = F.keys(&state, "y")
        for (i, sent) in F.sent(effects).enumerated() {
            F.send(&state, .actionFinished(id: sent.id, i == 0 ? .failed("20429 Too Many Requests") : .done(nil), at: F.start.addingTimeInterval(1)))
        }
        var screen = Self.opened(&state)
        #expect(!screen.contains("you: mute all (4) …"), "the bulk action's first line gives way to its last")
        #expect(screen.contains("you: mute all: 3 done, 1 failed — bruno: 20429 Too Many Requests  ▸ Enter: each one"))
        _ = F.keys(&state, "enter")
        screen = F.screen(state)
        for part in ["bruno ✗ 20429 Too Many Requests", "chen-wei ✓", "CA…000004 ✓", "dara ✓"] { #expect(screen.contains(part), "\(part)") }
    }

    @Test func slashSearchesAndTheCursorScrolls() {
        var state = F.watching(width: 100, height: 20)
        for i in 0..<50 {
            var next = F.meeting
            next[2].muted = i % 2 == 0
            F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(Double(i + 1))))
        }
        var screen = Self.opened(&state)
        #expect(screen.contains("16:00:50  bruno unmuted"), "opens at the newest")
        _ = F.keys(&state, "g")
        screen = F.screen(state)
        #expect(screen.contains("watching standup") && !screen.contains("16:00:50"), "g goes to the oldest")
        _ = F.keys(&state, "/")
        _ = F.type(&state, "watching")
        _ = F.keys(&state, "enter")
        screen = F.screen(state)
        #expect(screen.contains("The meeting so far: 1 event") && screen.contains("/watching"))
        _ = F.keys(&state, "esc")
        #expect(state.box == nil)
    }

    @Test func itIsBoundedAndSaysWhatWasDropped() {
        var state = F.watching(width: 120, height: 30)
        for i in 0..<(EventLog.capacity + 10) { state.events.append(.info, "line \(i)", at: F.start) }
        let screen = Self.opened(&state)
        #expect(state.events.entries.count <= EventLog.capacity)
        #expect(screen.contains("\(state.events.dropped) older events were dropped (the history keeps the newest 10000)"))
    }

    @Test func exportWritesOneJSONObjectPerLineWithTheAuditTrailsNames() throws {
        var state = F.watching()
        _ = F.keys(&state, "m")
        _ = F.keys(&state, ":")
        _ = F.type(&state, "export /tmp/meeting.jsonl")
        let effects = F.keys(&state, "enter")
        guard case .exportTimeline(let path, let lines)? = effects.first else {
            Issue.record("no export: \(effects)")
            return
        }
        #expect(path == "/tmp/meeting.jsonl" && lines.count == state.events.entries.count)
        let last = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any]
        #expect(last?["participant"] as? String == "moderator" && last?["participant_sid"] as? String == F.sid(1))
        #expect(last?["result"] as? String == "sent" && last?["conference_sid"] as? String == F.conferenceSid && last?["time"] as? String != nil)
        F.send(&state, .exported(path: "/tmp/meeting.jsonl", count: lines.count))
        #expect(state.events.entries.last?.text == "timeline written to /tmp/meeting.jsonl (\(lines.count) events, one JSON object per line)")
    }
}
