import ConferenceSimulator
import DashboardCore
import Foundation
import Synchronization
import TestSupport
import Testing
import TwilioConferences
@testable import DashboardApp

/// Collects what the poller reports.
final class Inbox: Sendable {
    private let messages = Mutex<[(Date, Message)]>([])
    func post(_ message: Message) { messages.withLock { $0.append((Date(), message)) } }
    var all: [Message] { messages.withLock { $0.map(\.1) } }
    var polled: [[Participant]] {
        all.compactMap { if case .polled(let participants, _, _, _) = $0 { participants } else { nil } }
    }
    /// Successful polls, changed or not.
    var answered: Int {
        all.filter { if case .polled = $0 { true } else if case .pollUnchanged = $0 { true } else { false } }.count
    }
    var failures: [PollFailure] {
        all.compactMap { if case .pollFailed(let failure, _) = $0 { failure } else { nil } }
    }
}

@Suite("The poller: one request at a time, backoff, cancellation", .serialized)
struct PollerTests {
    @Test func neverMoreThanOneRequestInFlightWhenAnswersAreSlow() async throws {
        try await SimulatorHarness.run(faults: [try FaultRule.parse("latency=700")]) { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 0.25, post: inbox.post)
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            try await Task.sleep(for: .milliseconds(2600))
            poller.shutdown()
            #expect(h.simulator.maxConcurrentRequests == 1)
            let requests = h.simulator.requests().count
            #expect((2...5).contains(requests), "\(requests) requests in 2.6 s of 0.7 s answers")
            #expect(inbox.answered >= 2)
        }
    }

    @Test func switchingConferenceDropsTheAnswerInFlight() async throws {
        try await SimulatorHarness.run(conferences: 2, faults: [FaultRule(.hang, trigger: .count(1))]) { (h: SimulatorHarness) async throws -> Void in
            let conferences = h.simulator.conferences()
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 0.25, post: inbox.post)
            poller.watch(conferenceSid: conferences[0].sid, filter: .all)
            try await Task.sleep(for: .milliseconds(300))
            poller.watch(conferenceSid: conferences[1].sid, filter: .all)
            try await Task.sleep(for: .milliseconds(800))
            poller.shutdown()
            let seen = Set(inbox.polled.flatMap { $0.map(\.conferenceSid) })
            #expect(seen == [conferences[1].sid])
            #expect(inbox.failures.isEmpty, "a cancelled poll is not a failure")
        }
    }

    @Test func failuresBackOffAndRecoveryIsImmediate() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(503, retryAfter: nil))]) { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 0.25, backoffCap: 1, post: inbox.post)
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            try await Task.sleep(for: .milliseconds(3000))
            let failing = h.simulator.requests().count
            #expect(failing < 10, "backed off: \(failing) requests in 3 s at a 0.25 s interval")
            #expect(inbox.failures.allSatisfy { $0.kind == .other && $0.retryAt != nil })
            h.simulator.setFaults([])
            try await Task.sleep(for: .milliseconds(1400))
            poller.shutdown()
            #expect(inbox.answered > 0, "recovered within the cap and one interval")
        }
    }

    @Test func wrongCredentialsStopPolling() async throws {
        let wrong = Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret("wrong"))
        try await SimulatorHarness.run(credentials: wrong) { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 0.25, post: inbox.post)
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            try await Task.sleep(for: .milliseconds(1200))
            poller.shutdown()
            #expect(h.simulator.requests().count == 1)
            #expect(inbox.failures.map(\.kind) == [.unauthorized])
            #expect(inbox.failures.first?.message.contains("TWILIO_AUTH_TOKEN") == true)
        }
    }

    @Test func theServerFilterIsSentAsTheAPIsParameters() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 0.25, post: inbox.post)
            poller.watch(conferenceSid: h.firstConference.sid, filter: ListFilter.held.parameters)
            try await Task.sleep(for: .milliseconds(400))
            poller.shutdown()
            #expect(h.simulator.requests().first?.query.contains("Hold=true") == true)
        }
    }

    @Test func actionsEndInExactlyOneResult() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(500, retryAfter: nil), trigger: .count(1), methods: ["POST"])]) { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 10, post: inbox.post)
            let runner = EffectRunner(client: h.client, poller: poller, post: inbox.post)
            let sid = h.firstConference.sid
            let target = h.simulator.participants(conferenceSid: sid)[1].callSid
            _ = runner.run([.perform(id: 1, .mute(callSid: target, true)), .perform(id: 2, .mute(callSid: target, true)),
                            .perform(id: 3, .kick(callSid: "CA00000000000000000000000000000000"))],
                           names: [:], conferenceSid: sid)
            try await Task.sleep(for: .milliseconds(800))
            poller.shutdown()
            let results = inbox.all.compactMap { message -> (Int, ActionOutcome)? in
                if case .actionFinished(let id, let outcome, _) = message { (id, outcome) } else { nil }
            }
            #expect(results.map(\.0).sorted() == [1, 2, 3])
            #expect(results.filter { if case .failed = $0.1 { true } else { false } }.count == 2)
            #expect(results.contains { $0.0 == 3 && $0.1 == .failed("CA…000000 is not in the conference any more (already left; 20404)") })
        }
    }
}
