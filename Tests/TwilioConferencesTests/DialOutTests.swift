import ConferenceSimulator
import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Dial-out (participant create)")
struct DialOutTests {
    @Test func ringsThenConnects() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661", label: "guest"))
            #expect(created.status == .queued && created.queueTime == "0" && created.label == "guest")
            #expect(h.simulator.requests().last?.status == 201)
            h.clock.advance(by: 1.5)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: "guest").status == .ringing)
            h.clock.advance(by: 2)
            let connected = try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid)
            #expect(connected.status == .connected && connected.queueTime == nil)
        }
    }

    /// A dial-out whose answer is lost may still ring; one Twilio refused never does. The error says which.
    @Test func aLostAnswerMayHaveTakenEffectARefusalNot() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.reset, trigger: .count(1), methods: ["POST"]),
                                                FaultRule(.status(500, retryAfter: nil), trigger: .count(1), methods: ["POST"]),
                                                FaultRule(.status(503, retryAfter: nil), trigger: .count(1), methods: ["POST"])]) { h in
            let sid = h.firstConference.sid
            let before = h.simulator.participants(conferenceSid: sid).count
            await #expect {
                _ = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661"))
            } throws: { error in (error as? TwilioError)?.mayHaveTakenEffect == true }
            #expect(h.simulator.participants(conferenceSid: sid).count == before + 1, "it did ring")
            for (status, unclear) in [(500, true), (503, false)] {
                await #expect {
                    _ = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661"))
                } throws: { error in (error as? TwilioError).map { $0.httpStatus == status && $0.mayHaveTakenEffect == unclear } ?? false }
            }
            await #expect {
                _ = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15005550002", from: "+15017122661"))
            } throws: { error in (error as? TwilioError).map { $0.code == 21214 && !$0.mayHaveTakenEffect } ?? false }
        }
        // Nothing listens on port 1: refused before anything was sent.
        let closed = TwilioConferencesClient(
            credentials: Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret("x")),
            endpoint: try APIEndpoint.parse("http://127.0.0.1:1", source: "test"), configuration: ClientConfiguration(requestTimeout: 2))
        await #expect {
            _ = try await closed.createParticipant(conference: "CF" + String(repeating: "0", count: 32), CreateParticipant(to: "+15558675310", from: "+15017122661"))
        } throws: { error in (error as? TwilioError)?.mayHaveTakenEffect == false }
        await closed.shutdown()
    }

    @Test func joinsALiveConferenceByFriendlyName() async throws {
        try await SimulatorHarness.run { h in
            let target = h.firstConference
            let created = try await h.client.createParticipant(conference: target.friendlyName, CreateParticipant(to: "client:alice", from: "+15017122661"))
            #expect(created.conferenceSid == target.sid)
            #expect(h.simulator.participants(conferenceSid: target.sid).contains { $0.callSid == created.callSid })
        }
    }

    @Test func createsAConferenceForANewFriendlyName() async throws {
        try await SimulatorHarness.run { h in
            let created = try await h.client.createParticipant(conference: "AgentConf12", CreateParticipant(to: "+15624421212", from: "+18180021216"))
            let conference = try #require(h.conference(named: "AgentConf12"))
            #expect(created.conferenceSid == conference.sid)
            #expect(conference.status == .initializing)
            h.clock.advance(by: 5)
            #expect(try await h.client.fetchConference(sid: conference.sid).status == .inProgress)
        }
    }

    @Test func aConferenceSidMustExist() async throws {
        try await SimulatorHarness.run { h in
            await #expect {
                _ = try await h.client.createParticipant(conference: "CF00000000000000000000000000000000", CreateParticipant(to: "+15558675310", from: "+15017122661"))
            } throws: { error in (error as? TwilioError)?.code == 20404 }
        }
    }

    @Test func listingUnderAFriendlyNameIsNotAllowed() async throws {
        try await SimulatorHarness.run { h in
            // The client refuses to send it; the simulator answers as Twilio does when asked directly.
            await #expect {
                _ = try await h.client.send(APIRequest(
                    method: .GET, path: "\(h.client.accountPath)/Conferences/\(h.firstConference.friendlyName)/Participants.json",
                    operation: "raw list", retryable: false))
            } throws: { error in (error as? TwilioError).map { $0.code == 20004 && $0.httpStatus == 405 } ?? false }
        }
    }

    @Test(arguments: [("+15005550001", 21217), ("+15005550002", 21214), ("+15005550003", 21215), ("+15005550004", 21216)])
    func magicNumbersAreRefused(to: String, code: Int) async throws {
        try await SimulatorHarness.run { h in
            await #expect {
                _ = try await h.client.createParticipant(conference: h.firstConference.sid, CreateParticipant(to: to, from: "+15017122661"))
            } throws: { error in (error as? TwilioError)?.code == code && (error as? TwilioError)?.httpStatus == 400 }
        }
    }

    @Test func aFailingNumberRingsThenFailsThenLeaves() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: MagicNumbers.fails, from: "+15017122661"))
            h.clock.advance(by: 1.2)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status == .ringing)
            h.clock.advance(by: 2)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status == .failed)
            h.clock.advance(by: 5)
            await #expect(throws: TwilioError.self) { _ = try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid) }
        }
    }

    @Test func nobodyAnswersTheNoAnswerNumber() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            var request = CreateParticipant(to: MagicNumbers.noAnswer, from: "+15017122661")
            request.timeout = 6
            let created = try await h.client.createParticipant(conference: sid, request)
            h.clock.advance(by: 5)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status == .ringing)
            h.clock.advance(by: 1.5)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status == .complete)
        }
    }

    @Test func sendsEveryOptionalParameterAndTheSimulatorAcceptsThem() async throws {
        try await SimulatorHarness.run(timing: .instant) { h in
            let sid = h.firstConference.sid
            let coached = h.simulator.participants(conferenceSid: sid)[1].callSid
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant.everything(coaching: coached))
            #expect(created.muted && created.coaching == true && created.callSidToCoach == coached)
            #expect(created.startConferenceOnEnter == false && created.endConferenceOnExit == true)
            #expect(created.status == .connected)
            let extras = try #require(h.simulator.extras(conferenceSid: sid, participant: created.callSid))
            #expect(extras.waitUrl == "https://example.com/wait.xml" && extras.to == "sip:agent@example.com")
        }
    }

    /// Every value of every typed choice is accepted by the simulator, and a value outside the list is refused.
    @Test func theSimulatorAcceptsExactlyTheTypedChoices() async throws {
        try await SimulatorHarness.run(timing: .instant) { h in
            let sid = h.firstConference.sid
            var requests: [CreateParticipant] = []
            func each<T>(_ values: [T], _ set: (inout CreateParticipant, T) -> Void) {
                for value in values {
                    var p = CreateParticipant(to: "+15558675310", from: "+15017122661")
                    set(&p, value)
                    requests.append(p)
                }
            }
            each(ConferenceRecord.allCases) { $0.conferenceRecord = $1 }
            each(RecordingTrim.allCases) { $0.conferenceTrim = $1; $0.trim = $1 }
            each(RecordingChannels.allCases) { $0.recordingChannels = $1 }
            each(RecordingTrack.allCases) { $0.recordingTrack = $1 }
            each(MixingRegion.allCases) { $0.region = $1 }
            each(MachineDetection.allCases) { $0.machineDetection = $1 }
            each(JitterBufferSize.allCases) { $0.jitterBufferSize = $1 }
            each([()]) { p, _ in
                p.statusCallbackEvent = CallStatusEvent.allCases
                p.conferenceStatusCallbackEvent = ConferenceStatusEvent.allCases
                p.recordingStatusCallbackEvent = RecordingStatusEvent.allCases
                p.conferenceRecordingStatusCallbackEvent = ConferenceRecordingStatusEvent.allCases
            }
            for request in requests {
                _ = try await h.client.createParticipant(conference: sid, request)
            }
            let path = "\(h.client.accountPath)/Conferences/\(sid)/Participants.json"
            for field in ["ConferenceRecord", "ConferenceTrim", "Trim", "RecordingChannels", "RecordingTrack", "Region", "MachineDetection",
                          "JitterBufferSize", "StatusCallbackEvent", "ConferenceStatusCallbackEvent", "RecordingStatusCallbackEvent",
                          "ConferenceRecordingStatusCallbackEvent"] {
                let form = [("To", "+15558675310"), ("From", "+15017122661"), (field, "bogus-value")]
                await #expect {
                    _ = try await h.client.send(APIRequest(method: .POST, path: path, form: form, operation: "raw create", retryable: false))
                } throws: { error in
                    guard case .api(let body, _)? = error as? TwilioError else { return false }
                    return body.status == 400 && body.message.contains(field) && body.message.contains("bogus-value")
                }
            }
        }
    }

    @Test func invalidParametersAreRefusedBeforeSending() async throws {
        try await SimulatorHarness.run { h in
            h.simulator.clearRequests()
            var request = CreateParticipant(to: "+15558675310", from: "+15017122661")
            request.timeout = 601
            await #expect {
                _ = try await h.client.createParticipant(conference: h.firstConference.sid, request)
            } throws: { error in
                guard case .invalid(let problems, _)? = error as? TwilioError else { return false }
                return problems.map(\.field) == ["Timeout"]
            }
            #expect(h.simulator.requests().isEmpty)
        }
    }
}

extension CreateParticipant {
    /// A dial-out with every documented optional parameter set to a valid value.
    static func everything(coaching callSid: String) -> CreateParticipant {
        var p = CreateParticipant(to: "sip:agent@example.com", from: "+15017122661", label: "everything")
        p.timeout = 30
        p.record = true
        p.muted = true
        p.beep = .onEnter
        p.startConferenceOnEnter = false
        p.endConferenceOnExit = true
        p.waitUrl = "https://example.com/wait.xml"
        p.waitMethod = .GET
        p.earlyMedia = false
        p.maxParticipants = 40
        p.statusCallback = "https://example.com/status"
        p.statusCallbackMethod = .POST
        p.statusCallbackEvent = [.initiated, .ringing, .answered, .completed]
        p.conferenceStatusCallback = "https://example.com/conference"
        p.conferenceStatusCallbackMethod = .GET
        p.conferenceStatusCallbackEvent = [.start, .end, .join, .leave, .mute, .hold, .speaker]
        p.conferenceRecord = .recordFromStart
        p.conferenceTrim = .doNotTrim
        p.recordingChannels = .dual
        p.recordingStatusCallback = "https://example.com/recording"
        p.recordingStatusCallbackMethod = .GET
        p.recordingStatusCallbackEvent = [.inProgress, .completed]
        p.conferenceRecordingStatusCallback = "https://example.com/conference-recording"
        p.conferenceRecordingStatusCallbackMethod = .POST
        p.conferenceRecordingStatusCallbackEvent = [.completed]
        p.region = .ie1
        p.sipAuthUsername = "agent"
        p.sipAuthPassword = "sip-password"
        p.coaching = true
        p.callSidToCoach = callSid
        p.jitterBufferSize = .small
        p.byoc = "BY0123456789abcdef0123456789abcdef"
        p.callerId = "+15017122661"
        p.callReason = "Supervisor check-in"
        p.recordingTrack = .both
        p.timeLimit = 3600
        p.machineDetection = .enable
        p.machineDetectionTimeout = 30
        p.machineDetectionSpeechThreshold = 2400
        p.machineDetectionSpeechEndThreshold = 1200
        p.machineDetectionSilenceTimeout = 5000
        p.amdStatusCallback = "https://example.com/amd"
        p.amdStatusCallbackMethod = .POST
        p.trim = .trimSilence
        p.callToken = "call-token"
        p.clientNotificationUrl = "https://example.com/push"
        p.callerDisplayName = "Supervisor"
        return p
    }
}
