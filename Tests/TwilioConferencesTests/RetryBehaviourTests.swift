import ConferenceSimulator
import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

/// Retries counted by the requests the simulator saw.
@Suite("Retries on 429 and 503, and only where safe")
struct RetryBehaviourTests {
    @Test func retriesA503UntilItPasses() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(503, retryAfter: nil), trigger: .count(2))]) { (h: SimulatorHarness) async throws -> Void in
            #expect(try await h.client.listConferences().count == 2)
            #expect(h.simulator.requests().map(\.status) == [503, 503, 200])
        }
    }

    @Test func retriesA429WithAndWithoutRetryAfter() async throws {
        try await SimulatorHarness.run(faults: [
            FaultRule(.status(429, retryAfter: 0), trigger: .count(1)), FaultRule(.status(429, retryAfter: nil), trigger: .count(1)),
        ]) { h in
            _ = try await h.client.listParticipants(conferenceSid: h.firstConference.sid)
            #expect(h.simulator.requests().map(\.status) == [429, 429, 200])
        }
    }

    @Test func waitsAsLongAsRetryAfterSays() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(429, retryAfter: 1), trigger: .count(1))]) { h in
            let started = ContinuousClock.now
            _ = try await h.client.listConferences()
            #expect(ContinuousClock.now - started >= .milliseconds(950))
            #expect(h.simulator.requests().count == 2)
        }
    }

    @Test func givesUpAfterTheAttemptLimitWithTheLastError() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(503, retryAfter: nil))]) { h in
            await #expect {
                _ = try await h.client.listConferences()
            } throws: { error in (error as? TwilioError)?.httpStatus == 503 }
            #expect(h.simulator.requests().count == SimulatorHarness.quickRetries.maxAttempts)
        }
    }

    @Test func givesUpWhenRetryAfterExceedsTheBudget() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(429, retryAfter: 60))]) { h in
            await #expect {
                _ = try await h.client.listConferences()
            } throws: { error in (error as? TwilioError)?.code == 20429 }
            #expect(h.simulator.requests().count == 1)
        }
    }

    /// A 503, then a server that never answers, with a 1.5 s budget and a 60 s request timeout: the
    /// retry gets only what is left of the budget as its deadline, and when that runs out the 503 it
    /// was retrying is the answer. Without the cut it would wait the whole 60 s and end as a timeout.
    @Test func aRetryGetsOnlyTheRestOfTheBudget() async throws {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.05, maxDelay: 0.05, budget: 1.5)
        try await SimulatorHarness.run(
            faults: [FaultRule(.status(503, retryAfter: nil), trigger: .count(1)), FaultRule(.hang)],
            client: ClientConfiguration(requestTimeout: 60, retryPolicy: policy)
        ) { h in
            await #expect {
                _ = try await h.client.listConferences()
            } throws: { error in (error as? TwilioError)?.httpStatus == 503 }
            // The hung attempt is logged (with its fault) once the simulator sees it abandoned, or not yet.
            let seen = h.simulator.requests()
            #expect(seen.first?.status == 503 && seen.count <= 2 && seen.dropFirst().allSatisfy { $0.fault == "hang" })
        }
    }

    @Test func retriesUpdatesAndKicks() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(503, retryAfter: nil), trigger: .count(1), methods: ["POST"]),
                                                FaultRule(.status(429, retryAfter: 0), trigger: .count(1), methods: ["DELETE"])]) { h in
            let sid = h.firstConference.sid
            let muted = try await h.client.updateParticipant(conferenceSid: sid, participant: "moderator", ParticipantUpdate(muted: true))
            #expect(muted.muted)
            let target = h.simulator.participants(conferenceSid: sid)[1].callSid
            try await h.client.deleteParticipant(conferenceSid: sid, participant: target)
            #expect(h.simulator.requests().map { "\($0.method) \($0.status)" } == ["POST 503", "POST 200", "DELETE 429", "DELETE 204"])
        }
    }

    @Test(arguments: [(503, nil), (429, 0), (429, nil)] as [(Int, Int?)])
    func neverRetriesADialOut(status: Int, retryAfter: Int?) async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(status, retryAfter: retryAfter), trigger: .count(1), methods: ["POST"])]) { h in
            let sid = h.firstConference.sid
            let before = h.simulator.participants(conferenceSid: sid).count
            await #expect {
                _ = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661"))
            } throws: { error in (error as? TwilioError)?.httpStatus == status }
            #expect(h.simulator.requests().count == 1)
            #expect(h.simulator.participants(conferenceSid: sid).count == before)
        }
    }

    @Test func neverRepeatsAnAnnouncement() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(429, retryAfter: 0), trigger: .count(1), methods: ["POST"])]) { h in
            await #expect(throws: TwilioError.self) {
                _ = try await h.client.updateParticipant(
                    conferenceSid: h.firstConference.sid, participant: "moderator", ParticipantUpdate(announceUrl: "https://example.com/a.mp3"))
            }
            #expect(h.simulator.requests().count == 1)
        }
    }

    @Test func doesNotRetryOtherErrors() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(500, retryAfter: nil), trigger: .count(1))]) { h in
            await #expect(throws: TwilioError.self) { _ = try await h.client.listConferences() }
            #expect(h.simulator.requests().count == 1)
        }
    }
}
