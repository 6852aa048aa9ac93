import ConferenceSimulator
import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

/// One deadline covers the whole exchange. Before it, a server that sent its headers and then
/// stalled, trickled or streamed for ever held a list or a mute for good; the suite's time limit
/// is what would catch that, and each case must instead end as a timeout.
@Suite("Every exchange has one deadline", .timeLimit(.minutes(1)))
struct DeadlineTests {
    static let slowBodies: [FaultRule.Kind] = [.stall, .trickle(bytesPerSecond: 1), .endlessBody]
    /// The harness's own client, for the requests that must pass: generous, so a loaded machine never fails them.
    static let patient = ClientConfiguration(requestTimeout: 60, retryPolicy: .never)

    /// A client with a short deadline, for the request meant to run out of time; shut down after `body`.
    static func quick(_ h: SimulatorHarness, timeout: Double = 1, _ body: (TwilioConferencesClient) async throws -> Void) async throws {
        let client = TwilioConferencesClient(
            credentials: Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret(SimulatorHarness.authToken)),
            endpoint: try APIEndpoint.parse(h.baseURL, source: "test"),
            configuration: ClientConfiguration(requestTimeout: timeout, retryPolicy: .never))
        do {
            try await body(client)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
    }

    static func isTimeout(_ error: any Error) -> Bool {
        if case .timeout = error as? TwilioError { return true }
        return false
    }

    @Test(arguments: slowBodies)
    func aListWhoseBodyNeverFinishesEndsAsATimeout(_ kind: FaultRule.Kind) async throws {
        try await SimulatorHarness.run(faults: [FaultRule(kind)], client: Self.patient) { h in
            try await Self.quick(h) { client in
                await #expect { _ = try await client.listConferences() } throws: { Self.isTimeout($0) }
            }
        }
    }

    @Test(arguments: slowBodies)
    func aMuteWhoseBodyNeverFinishesEndsAsATimeout(_ kind: FaultRule.Kind) async throws {
        try await SimulatorHarness.run(client: Self.patient) { h in
            let sid = h.firstConference.sid
            let someone = try await h.client.listParticipants(conferenceSid: sid)[0]
            h.simulator.setFaults([FaultRule(kind, methods: ["POST"])])
            try await Self.quick(h) { client in
                await #expect {
                    _ = try await client.updateParticipant(conferenceSid: sid, participant: someone.callSid, ParticipantUpdate(muted: true))
                } throws: { Self.isTimeout($0) }
            }
        }
    }

    @Test func aDialOutWhoseAnswerStallsEndsAsATimeout() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.stall, methods: ["POST"])], client: Self.patient) { h in
            try await Self.quick(h) { client in
                await #expect {
                    _ = try await client.createParticipant(conference: h.firstConference.sid, CreateParticipant(to: "+15558675310", from: "+15017122661"))
                } throws: { Self.isTimeout($0) }
            }
        }
    }

    /// After an exchange is abandoned, the next one goes out and is answered.
    @Test func theNextRequestAfterATimeoutIsAnswered() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.stall, trigger: .count(1))], client: Self.patient) { h in
            // The same client, so its pool must have let the abandoned connection go; 5 s is plenty for a
            // loaded machine to answer the second list.
            try await Self.quick(h, timeout: 5) { client in
                await #expect { _ = try await client.listConferences() } throws: { Self.isTimeout($0) }
                let listed = try await client.listConferences()
                #expect(listed.count == 2)
            }
        }
    }
}

/// A refused connection is an answer at once, not retried by the pool until the connect timeout.
@Suite("A refused connection", .timeLimit(.minutes(1)))
struct RefusedConnectionTests {
    @Test func thePoolDoesNotRetryConnecting() {
        #expect(TwilioConferencesClient.httpConfiguration(ClientConfiguration()).connectionPool.retryConnectionEstablishment == false)
    }

    /// With a 90 s connect timeout, the pool's own retries would end as a timeout after the
    /// suite's limit; the client reports the refusal itself.
    @Test func isReportedAsRefused() async throws {
        let endpoint = try APIEndpoint.parse("http://127.0.0.1:1", source: "test")
        let client = TwilioConferencesClient(
            credentials: Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret("t")),
            endpoint: endpoint,
            configuration: ClientConfiguration(requestTimeout: 90, connectTimeout: 90, retryPolicy: .never))
        await #expect {
            _ = try await client.listConferences()
        } throws: { error in
            if case .transport(.refused, _) = error as? TwilioError { return true }
            return false
        }
        await client.shutdown()
    }
}
