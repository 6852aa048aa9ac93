import ConferenceSimulator
import Foundation
import NIOCore
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Polls decode only what changed")
struct ParticipantsPollTests {
    @Test func anUnchangedAnswerIsNotDecodedAndOneChangeDecodesOne() async throws {
        try await SimulatorHarness.run(participants: 40) { (h: SimulatorHarness) async throws -> Void in
            let sid = h.firstConference.sid
            let poll = ParticipantsPoll()
            let first = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(first.changed && first.decoded == 40 && first.participants == h.simulator.participants(conferenceSid: sid))
            let second = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(!second.changed && second.decoded == 0 && second.participants == first.participants)
            let target = first.participants[7].callSid
            _ = try await h.client.updateParticipant(conferenceSid: sid, participant: target, ParticipantUpdate(muted: !first.participants[7].muted))
            let third = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(third.changed && third.decoded == 1)
            #expect(third.participants == h.simulator.participants(conferenceSid: sid))
            try await h.client.deleteParticipant(conferenceSid: sid, participant: first.participants[3].callSid)
            let fourth = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(fourth.changed && fourth.decoded == 0 && fourth.participants.count == 39, "a departure decodes nothing")
            #expect(h.simulator.requests().count == 6, "one request per poll")
        }
    }

    @Test func theAnswerIsTheSameAsAFullDecode() throws {
        let poll = ParticipantsPoll()
        let page = """
            { "participants" : [ {"call_sid": "CA1", "label": "a \\"quoted\\" {label} [x]", "muted": true},
            {"call_sid":"CA2","coaching":null,"status":"ringing"} ] , "page":0, "next_page_uri" : null, "x": {"y": [1, {"z": "}"}]}}
            """
        let (outcome, next) = try poll.decode(ByteBuffer(string: page))
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        let full = try decoder.decode(PageEnvelope<Participant>.self, from: Data(page.utf8)).page
        #expect(outcome.participants == full.items && next == nil)
        #expect(outcome.participants[0].label == "a \"quoted\" {label} [x]")
    }

    @Test func oddButValidJSONFallsBackToTheFullDecoder() throws {
        let poll = ParticipantsPoll()
        let escapedKey = #"{"partic\u0069pants": [{"call_sid": "CA9"}], "page": 0}"#
        let (outcome, _) = try poll.decode(ByteBuffer(string: escapedKey))
        #expect(outcome.participants.map(\.callSid) == ["CA9"])
    }

    @Test func brokenAnswersThrowAndAreNotRemembered() {
        let poll = ParticipantsPoll()
        for body in [#"{"participants": [{"call_sid": "CA1"}"#, #"{"participants": 42}"#, "", #"{"participants": [{"muted": true}]}"#] {
            #expect(throws: (any Error).self, "\(body)") { _ = try poll.decode(ByteBuffer(string: body)) }
        }
    }

    @Test func aPollFollowsFurtherPages() async throws {
        let small = ClientConfiguration(requestTimeout: 5, retryPolicy: SimulatorHarness.quickRetries, pageSize: 4)
        try await SimulatorHarness.run(participants: 10, client: small) { (h: SimulatorHarness) async throws -> Void in
            let sid = h.firstConference.sid
            let poll = ParticipantsPoll()
            let outcome = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(outcome.participants == h.simulator.participants(conferenceSid: sid))
            #expect(h.simulator.requests().count == 3)
        }
    }
}
