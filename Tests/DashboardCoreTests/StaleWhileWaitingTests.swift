import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// A server that stops answering is seen long before the request times out: once the data is older
/// than max(2 × interval, 1 s) with a poll still out, the header says STALE, the age and how long the
/// answer has been waited for. Time moves only by the ticks sent here.
@Suite("Stale while a poll is still waiting for its answer")
struct StaleWhileWaitingTests {
    typealias F = Fixtures

    /// Watching at `interval`, with the first poll answered at F.start.
    static func watching(interval: Double) -> DashboardState {
        var state = DashboardState(interval: interval, now: F.start)
        _ = Reducer.reduce(&state, .resized(width: 100, height: 24))
        _ = Reducer.start(&state, conference: F.conference)
        _ = Reducer.reduce(&state, .polled(participants: F.meeting, conference: F.conference, latency: 0.02, at: F.start))
        return state
    }

    static func header(_ state: DashboardState) -> String {
        String(F.screen(state).split(separator: "\n", omittingEmptySubsequences: false)[0])
    }

    static func at(_ seconds: Double) -> Message { .tick(F.start.addingTimeInterval(seconds)) }

    @Test func aPollUnansweredPastTheThresholdIsStaleAndSaysHowLongItWaits() {
        var state = Self.watching(interval: 0.5)
        F.send(&state, Self.at(0.9))
        #expect(!Self.header(state).contains("STALE"), "under a second old: fresh")
        // 1.2 s old: the poll sent at 0.5 s has waited 0.7 s.
        F.send(&state, Self.at(1.2))
        #expect(Self.header(state).contains("STALE 1s · waiting 1s for an answer"), "\(Self.header(state))")
        F.send(&state, Self.at(6.3))
        #expect(Self.header(state).contains("STALE 6s · waiting 6s for an answer"), "\(Self.header(state))")
        #expect(state.table.rows.count == 6, "the last snapshot stays")
        // The answer comes: fresh again.
        F.send(&state, .pollUnchanged(conference: nil, latency: 6, at: F.start.addingTimeInterval(6.5)))
        #expect(!Self.header(state).contains("STALE") && Self.header(state).contains("0s ago"), "\(Self.header(state))")
    }

    @Test func theThresholdIsTwiceTheIntervalWhenThatIsLonger() {
        var state = Self.watching(interval: 2)
        F.send(&state, Self.at(3.9))
        #expect(!Self.header(state).contains("STALE"))
        F.send(&state, Self.at(4.2))
        #expect(Self.header(state).contains("STALE 4s · waiting 2s for an answer"), "\(Self.header(state))")
    }

    @Test func aRetryUnansweredSaysSoInsteadOfRetryInZero() {
        var state = Self.watching(interval: 0.5)
        let retry = F.start.addingTimeInterval(3)
        F.send(&state, .pollFailed(PollFailure(kind: .other, message: "20503 Service Unavailable", retryAt: retry), at: F.start.addingTimeInterval(1.5)))
        F.send(&state, Self.at(2))
        #expect(Self.header(state).contains("STALE 2s · 1 failed · retry in 1s"), "backing off: nothing is out")
        F.send(&state, Self.at(4.4))
        #expect(Self.header(state).contains("STALE 4s · 1 failed · waiting 1s for an answer"), "\(Self.header(state))")
    }

    @Test func stoppedPollingWaitsForNothing() {
        var state = Self.watching(interval: 0.5)
        F.send(&state, .pollFailed(PollFailure(kind: .unauthorized, message: "20003 Authenticate", retryAt: nil), at: F.start.addingTimeInterval(1)))
        F.send(&state, Self.at(30))
        #expect(!Self.header(state).contains("waiting"), "\(Self.header(state))")
        // r starts again: from then on the new first answer is waited for.
        _ = F.keys(&state, "r")
        F.send(&state, Self.at(31.2))
        #expect(Self.header(state).contains("waiting 1s for an answer"), "\(Self.header(state))")
    }

    @Test func theFirstPollUnansweredSaysHowLongItWaits() {
        var state = DashboardState(interval: 1, now: F.start)
        _ = Reducer.reduce(&state, .resized(width: 100, height: 24))
        _ = Reducer.start(&state, conference: F.conference)
        F.send(&state, Self.at(1.5))
        #expect(Self.header(state).contains("waiting for the first poll"))
        F.send(&state, Self.at(3.2))
        #expect(Self.header(state).contains("every 1s · waiting 3s for an answer") && !Self.header(state).contains("STALE"), "no data yet: not stale")
    }
}
