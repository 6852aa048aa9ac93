import ConferenceSimulator
import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Every error shape becomes a clear, distinct error")
struct ErrorShapeTests {
    @Test func wrongTokenIsTwilios20003() async throws {
        let wrong = Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret("not-the-token-9f2"))
        try await SimulatorHarness.run(credentials: wrong) { h in
            do {
                _ = try await h.client.listConferences()
                Issue.record("expected 401")
            } catch let error as TwilioError {
                #expect(error.code == 20003 && error.httpStatus == 401)
                #expect(error.description.contains("TWILIO_AUTH_TOKEN"))
                #expect(!error.description.contains("not-the-token-9f2"))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func anAPIKeyIsAcceptedWhereItIsKnown() async throws {
        let key = "SK0123456789abcdef0123456789abcdef"
        let credentials = Credentials(accountSid: SimulatorHarness.accountSid, apiKey: key, apiSecret: Secret("key-secret"))
        try await SimulatorHarness.run(apiKeys: [key: "key-secret"], credentials: credentials) { (h: SimulatorHarness) async throws -> Void in
            #expect(try await h.client.listConferences().count == 2)
        }
    }

    @Test func aNonJSONErrorBodyIsItsOwnError() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(502, retryAfter: nil))]) { h in
            do {
                _ = try await h.client.listConferences()
                Issue.record("expected an error")
            } catch let error as TwilioError {
                guard case .http(let status, let snippet, _) = error else { Issue.record("got \(error)"); return }
                #expect(status == 502 && snippet.contains("<html>"))
                #expect(error.description.contains("not Twilio's error JSON"))
            }
        }
    }

    @Test(arguments: [FaultRule.Kind.truncate, .malformed, .wrongShape])
    func aBadSuccessfulBodyIsADecodingError(kind: FaultRule.Kind) async throws {
        try await SimulatorHarness.run(faults: [FaultRule(kind)]) { h in
            await #expect {
                _ = try await h.client.listParticipants(conferenceSid: h.firstConference.sid)
            } throws: { error in
                guard case .decoding(let reason, _)? = error as? TwilioError else { return false }
                return !reason.isEmpty
            }
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let impatient = ClientConfiguration(requestTimeout: 0.4, retryPolicy: .never)
        try await SimulatorHarness.run(faults: [FaultRule(.hang)], client: impatient) { h in
            await #expect {
                _ = try await h.client.listConferences()
            } throws: { error in
                guard case .timeout(let seconds, _)? = error as? TwilioError else { return false }
                return seconds == 0.4
            }
        }
    }

    @Test func aConnectionDroppedMidBodyIsATransportError() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.reset)]) { h in
            await #expect {
                _ = try await h.client.listParticipants(conferenceSid: h.firstConference.sid)
            } throws: { error in
                guard case .transport(let failure, _)? = error as? TwilioError else { return false }
                return failure == .closedEarly && failure.mayHaveReachedTheServer
            }
        }
    }

    @Test func aRefusedConnectionSaysSo() async throws {
        let endpoint = try APIEndpoint.parse("http://127.0.0.1:1", source: "test")
        let client = TwilioConferencesClient(
            credentials: Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret("x")), endpoint: endpoint,
            configuration: ClientConfiguration(requestTimeout: 2))
        defer { Task { await client.shutdown() } }
        do {
            _ = try await client.listConferences()
            Issue.record("expected an error")
        } catch let error as TwilioError {
            guard case .transport(let failure, _) = error else { Issue.record("got \(error)"); return }
            #expect(failure == .refused(host: "127.0.0.1:1") && !error.mayHaveTakenEffect, "\(failure)")
            #expect(failure.reason == "connection refused by 127.0.0.1:1 (is the server running?)")
        }
        await client.shutdown()
    }

    @Test func aTenMegabyteBodyIsReadOrRefusedByTheLimit() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.huge(bytes: 10_000_000))]) { (h: SimulatorHarness) async throws -> Void in
            #expect(try await h.client.listParticipants(conferenceSid: h.firstConference.sid).count == 5)
        }
        let small = ClientConfiguration(requestTimeout: 5, maxBodyBytes: 1 << 20)
        try await SimulatorHarness.run(faults: [FaultRule(.huge(bytes: 10_000_000))], client: small) { h in
            await #expect {
                _ = try await h.client.listParticipants(conferenceSid: h.firstConference.sid)
            } throws: { error in
                guard case .decoding(let reason, _)? = error as? TwilioError else { return false }
                return reason.contains("larger than 1 MB")
            }
        }
    }

    @Test func theUserAgentNamesConfwatchAndItsVersion() async throws {
        try await SimulatorHarness.run { h in
            _ = try await h.client.listConferences()
            let sent = try #require(h.simulator.requests().last?.userAgent)
            #expect(sent.hasPrefix("confwatch/\(ConfwatchVersion.current) "))
            #expect(sent == ConfwatchVersion.userAgent)
        }
    }

    @Test func theUserAgentNamesTheRealOperatingSystem() {
        #if os(Linux)
        #expect(ConfwatchVersion.userAgent.contains("(Linux; Swift)"))
        #elseif os(macOS)
        #expect(ConfwatchVersion.userAgent.contains("(macOS; Swift)"))
        #endif
        #expect(ConfwatchVersion.operatingSystem != "unknown OS")
    }
}
