import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// Dial-outs and departures: a call that never connects is not said to have joined; how it ended
/// stays on its row for a minute; a normal leave is a short tombstone.
@Suite("Call outcomes")
struct OutcomeTests {
    typealias F = Fixtures

    /// A dial-out to guest (7) seen ringing, then gone.
    static func dialled() -> DashboardState {
        var state = F.watching()
        F.send(&state, .polled(participants: F.meeting + [F.participant(7, label: "guest", status: .queued, joinedMinutesAgo: 0)],
                               conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        return state
    }

    @Test func aDialOutIsBeingCalledNotJoinedUntilItAnswers() {
        var state = Self.dialled()
        #expect(state.events.entries.last?.text == "guest is being called (queued)")
        var next = F.meeting + [F.participant(7, label: "guest", status: .connected, joinedMinutesAgo: 0)]
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(5)))
        #expect(state.events.entries.last?.text == "guest answered and joined")
        next.removeLast()
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(20)))
        #expect(state.events.entries.last?.text == "guest left")
        F.send(&state, .tick(F.start.addingTimeInterval(26)))
        #expect(state.table.rows[F.sid(7)] == nil, "a normal leave is a short tombstone")
    }

    @Test func noAnswerIsToldOnceAndStaysAMinute() {
        var state = Self.dialled()
        let ended = F.meeting + [F.participant(7, label: "guest", status: .complete, joinedMinutesAgo: 0)]
        let effects = F.send(&state, .polled(participants: ended, conference: nil, latency: 0, at: F.start.addingTimeInterval(31)))
        #expect(F.callReads(effects).contains(F.sid(7)) || state.calls.lookups[F.sid(7)] != nil, "the call is read again for its outcome")
        #expect(!state.events.entries.contains { $0.text.contains("complete") || $0.text.contains("joined") && $0.text.hasPrefix("guest") })
        var call = F.call(7, number: "+15005550011", formatted: nil, outbound: true, status: .noAnswer)
        (call.startTime, call.endTime) = (F.start.addingTimeInterval(1), F.start.addingTimeInterval(31))
        F.send(&state, .callFetched(call))
        #expect(state.events.entries.last?.text == "guest: no answer after 30 s")
        F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0, at: F.start.addingTimeInterval(35)))
        #expect(state.events.entries.filter { $0.text.hasPrefix("guest") }.count == 2, "no 'guest left' after the outcome")
        #expect(F.screen(state).contains("no-answer"))
        _ = F.keys(&state, "G")
        #expect(F.screen(state).contains("selected guest: ✗ no answer after 30 s"), "selected, told whole")
        F.send(&state, .tick(F.start.addingTimeInterval(35 + 59)))
        #expect(state.table.rows[F.sid(7)] != nil, "a minute")
        F.send(&state, .tick(F.start.addingTimeInterval(35 + 60)))
        #expect(state.table.rows[F.sid(7)] == nil)
    }

    @Test(arguments: [(CallStatus.busy, "guest: busy"), (.failed, "guest: call failed"), (.canceled, "guest: call canceled")])
    func otherEndsSayWhatHappened(status: CallStatus, line: String) {
        var state = Self.dialled()
        F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0, at: F.start.addingTimeInterval(8)))
        F.send(&state, .callFetched(F.call(7, outbound: true, status: status)))
        #expect(state.events.entries.last?.text == line)
        #expect(state.table.rows[F.sid(7)]?.outcome != nil)
    }

    @Test func aCallThatCannotBeReadStillGetsALineAfterAFewTries() {
        var state = Self.dialled()
        F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0, at: F.start.addingTimeInterval(8)))
        for i in 0..<3 {
            F.send(&state, .callFailed(callSid: F.sid(7), reason: "HTTP 500", retryAfter: nil), .tick(F.start.addingTimeInterval(Double(10 + 10 * i))))
        }
        #expect(state.events.entries.last?.text == "guest: ended before it was answered")
    }

    @Test func aRefusedDialOutLeavesARowSayingWhy() {
        var state = F.watching()
        state.defaults.dialFrom = "+15017122661"
        _ = F.keys(&state, "d")
        _ = F.type(&state, "+15005550001")
        _ = F.keys(&state, "tab", "tab")
        _ = F.type(&state, "guest")
        let id = try! #require(F.sent(F.keys(&state, "enter")).first?.id)
        F.send(&state, .actionFinished(id: id, .failed("21217 Phone number +15005550001 does not appear to be valid"), at: F.start.addingTimeInterval(1)))
        _ = F.keys(&state, "esc")
        _ = F.keys(&state, "G")
        let screen = F.screen(state)
        #expect(screen.contains("guest") && screen.contains("refused") && screen.contains("guest: ✗ refused: 21217 Phone number"))
        F.send(&state, .tick(F.start.addingTimeInterval(61)))
        #expect(!F.screen(state).contains("refused"))
    }
}
