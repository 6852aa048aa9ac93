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
        let read = try poll.read(page: 0, ByteBuffer(string: page))
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        let full = try decoder.decode(PageEnvelope<Participant>.self, from: Data(page.utf8)).page
        #expect(read.memory.participants == full.items && read.memory.nextPageURI == nil)
        #expect(read.memory.participants[0].label == "a \"quoted\" {label} [x]")
    }

    @Test func oddButValidJSONFallsBackToTheFullDecoder() throws {
        let poll = ParticipantsPoll()
        let escapedKey = #"{"partic\u0069pants": [{"call_sid": "CA9"}], "page": 0}"#
        let read = try poll.read(page: 0, ByteBuffer(string: escapedKey))
        #expect(read.memory.participants.map(\.callSid) == ["CA9"])
    }

    @Test func brokenAnswersThrowAndAreNotRemembered() {
        let poll = ParticipantsPoll()
        for body in [#"{"participants": [{"call_sid": "CA1"}"#, #"{"participants": 42}"#, ""] {
            #expect(throws: (any Error).self, "\(body)") { _ = try poll.read(page: 0, ByteBuffer(string: body)) }
        }
        #expect(poll.pageCount == 0)
    }

    /// One participant the API lists badly costs that field, or that participant, never the list.
    @Test func oneBadParticipantIsReadAroundAndNamed() throws {
        let poll = ParticipantsPoll()
        var page = Array(#"{"participants": [{"call_sid": "CA1", "label": 42, "date_created": "2026-11-29T10:00:00Z", "date_updated": "", "muted": "yes"}, "#.utf8)
        page += Array(#"{"call_sid": "CA2", "label": "a"#.utf8) + [0xFF, 0xFE] + Array(#"b", "muted": true}, {"muted": true}, {"call_sid": "CA4", "label": "fine"}]}"#.utf8)
        let read = try poll.read(page: 0, ByteBuffer(bytes: page))
        let people = read.memory.participants
        #expect(people.map(\.callSid) == ["CA1", "CA2", "CA4"])
        #expect(people[0].label == nil && people[0].dateCreated == nil && people[0].muted == false)
        #expect(people[0].unreadable == [
            "label": "a number, not text", "date_created": "'2026-11-29T10:00:00Z' is not an RFC 2822 date",
            "date_updated": "empty, not a date", "muted": "text, not true or false"])
        #expect(people[1].label == "a\u{FFFD}\u{FFFD}b" && people[1].muted && people[1].unreadable.keys.sorted() == ["label"])
        #expect(people[2].unreadable.isEmpty)
        #expect(read.problems.count == 1 && read.problems[0].contains("#3 on page 1") && read.problems[0].contains("call_sid"), "\(read.problems)")
    }

    /// A poll is whole or failed: a later page that fails once is asked for again, and what changed
    /// on it while it failed still arrives.
    @Test func aLaterPageThatFailedOnceIsReadAgain() async throws {
        try await SimulatorHarness.run(participants: 5, maxPageSize: 2) { (h: SimulatorHarness) async throws -> Void in
            let sid = h.firstConference.sid
            let poll = ParticipantsPoll()
            let first = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(first.participants.count == 5 && first.requests == 3)
            h.simulator.setFaults([FaultRule(.status(500, retryAfter: nil), trigger: .count(1), methods: ["GET"], queryContains: "PageToken")])
            await #expect(throws: TwilioError.self) { _ = try await h.client.pollParticipants(conferenceSid: sid, through: poll) }
            let last = first.participants[4]
            _ = try await h.client.updateParticipant(conferenceSid: sid, participant: last.callSid, ParticipantUpdate(muted: !last.muted))
            h.simulator.clearRequests()
            let third = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(third.changed && third.requests == 3 && h.simulator.requests().count == 3, "every page, every time")
            #expect(third.participants == h.simulator.participants(conferenceSid: sid))
            let fourth = try await h.client.pollParticipants(conferenceSid: sid, through: poll)
            #expect(!fourth.changed && fourth.decoded == 0 && fourth.requests == 3)
        }
    }

    /// A page naming itself, a cycle of pages, or a page outside the account: stopped at once.
    @Test(arguments: [FaultRule.Kind.pageLoop, .pageCycle, .pageEscape])
    func pagesThatLoopOrEscapeStopAtOnce(fault: FaultRule.Kind) async throws {
        try await SimulatorHarness.run(participants: 5, faults: [FaultRule(fault, methods: ["GET"])], maxPageSize: 2) { (h: SimulatorHarness) async throws -> Void in
            let sid = h.firstConference.sid
            for attempt in 0..<2 {
                h.simulator.clearRequests()
                await #expect { _ = try await h.client.pollParticipants(conferenceSid: sid, through: ParticipantsPoll()) } throws: { error in
                    guard case .decoding(let reason, _)? = error as? TwilioError else { return false }
                    return fault == .pageEscape ? reason.contains("outside this account") : reason.contains("already read")
                }
                #expect(h.simulator.requests().count <= 3, "attempt \(attempt): stopped at once, not at the page cap")
                await #expect(throws: TwilioError.self) { _ = try await h.client.listParticipants(conferenceSid: sid) }
            }
        }
    }

    @Test func aPathThatClimbsOutOfTheAccountIsRefused() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let account = "/2010-04-01/Accounts/\(SimulatorHarness.accountSid)"
            #expect(h.client.pageTarget("\(account)/Conferences.json?Page=1") != nil)
            for escape in ["\(account)/Conferences/../../ACother/Conferences.json", "\(account)/%2e%2e/ACother/Conferences.json",
                           "\(account)/Conferences/%2E%2E/x.json", "\(account)/./Conferences.json", "\(account)/a%2Fb/Conferences.json",
                           "/2010-04-01/Accounts/ACother/Conferences.json", "https://evil.example\(account)/Conferences.json"] {
                #expect(h.client.pageTarget(escape) == nil, "\(escape)")
            }
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
