import ConferenceSimulator
import Foundation
import NIOHTTP1
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

@Suite("The simulator serves the Calls resource")
struct CallContractTests {
    let account = RawHTTP.accountPath()

    func fetch(_ raw: RawHTTP, _ sid: String) async throws -> [String: Any] {
        let answer = try await raw.send(.GET, "\(account)/Calls/\(sid).json")
        #expect(answer.status == 200, "\(sid): \(answer.body)")
        #expect(answer.headers.first(name: "Content-Type")?.contains("json") == true)
        return try #require(answer.json)
    }

    @Test func everyParticipantsCallHasEveryPropertyOfTheContract() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let documented = try ContractSchema.properties("api.v2010.account.call")
            let conference = try #require(h.conference(named: "standup"))
            for participant in h.simulator.participants(conferenceSid: conference.sid) {
                let call = try await fetch(raw, participant.callSid)
                #expect(Set(call.keys) == documented, "\(Set(call.keys).symmetricDifference(documented))")
                #expect(call["sid"] as? String == participant.callSid)
                #expect(call["account_sid"] as? String == SimulatorHarness.accountSid)
                #expect(call["status"] as? String == "in-progress")
                #expect(call["api_version"] as? String == "2010-04-01")
                #expect(call["uri"] as? String == "\(account)/Calls/\(participant.callSid).json")
                for field in ["date_created", "date_updated", "start_time"] {
                    #expect(RFC2822.date(from: try #require(call[field] as? String, "\(field)")) != nil, "\(field)")
                }
                #expect(call["start_time"] as? String == participant.dateCreated.map(RFC2822.string(from:)), "answered when they joined")
                // Up and running: no end, no duration, no price yet; the other nulls are there as nulls.
                for field in ["end_time", "duration", "price", "parent_call_sid", "answered_by", "group_sid", "trunk_sid", "forwarded_from"] {
                    #expect(call[field] is NSNull, "\(field) = \(String(describing: call[field]))")
                }
                let uris = try #require(call["subresource_uris"] as? [String: String])
                #expect(uris["recordings"] == "\(account)/Calls/\(participant.callSid)/Recordings.json")
                #expect(Set(uris.keys) == ["notifications", "recordings", "payments", "events", "siprec", "streams", "transcriptions",
                                           "user_defined_message_subscriptions", "user_defined_messages"])
            }
        }
    }

    /// Both directions, numbers formatted as Twilio formats them, caller-ID names on some incoming
    /// calls, and `client:` identities (the 4th and 8th participant of each conference).
    @Test func seededCallsLookLikeRealCallersBothWays() async throws {
        try await SimulatorHarness.run(conferences: 3, participants: 8) { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            var calls: [[String: Any]] = []
            for conference in h.simulator.conferences() {
                var twilioNumbers: Set<String> = []
                for participant in h.simulator.participants(conferenceSid: conference.sid) {
                    let call = try await fetch(raw, participant.callSid)
                    calls.append(call)
                    let direction = try #require(call["direction"] as? String)
                    let to = try #require(call["to"] as? String), from = try #require(call["from"] as? String)
                    #expect(["inbound", "outbound-api"].contains(direction))
                    // One side is the conference's Twilio number: called in inbound, calling out outbound.
                    twilioNumbers.insert(direction == "inbound" ? to : from)
                    for (number, formatted) in [(to, call["to_formatted"] as? String), (from, call["from_formatted"] as? String)] {
                        #expect(number.hasPrefix("+") || number.hasPrefix("client:"), "\(number)")
                        #expect(formatted == Self.twilioFormatted(number), "\(number) → \(String(describing: formatted))")
                    }
                    if let name = call["caller_name"] as? String {
                        #expect(direction == "inbound" && name == name.uppercased() && name.count <= 15 && name.contains(" "), "\(name)")
                    }
                    let pn = call["phone_number_sid"] as? String
                    #expect(pn.map { SID.isValid($0, prefix: "PN") } ?? false, "the conference's number has a SID")
                }
                #expect(twilioNumbers.count == 1, "one Twilio number per conference: \(twilioNumbers)")
            }
            let directions = calls.compactMap { $0["direction"] as? String }
            #expect(directions.contains("inbound") && directions.contains("outbound-api"))
            #expect(directions.filter { $0 == "inbound" }.count > directions.count / 2, "most called in")
            let named = calls.filter { $0["caller_name"] is String }.count
            #expect(named >= 6 && named <= 18, "about half have a caller name: \(named) of 24")
            let clients = calls.filter { ($0["from"] as? String)?.hasPrefix("client:") == true || ($0["to"] as? String)?.hasPrefix("client:") == true }
            #expect(clients.count == 6, "two client identities per conference")
            let formatted = calls.compactMap { $0["from_formatted"] as? String }
            #expect(formatted.contains { $0.hasPrefix("(") }, "North American numbers are formatted")
        }
    }

    /// `(415) 555-0142` for North American numbers; anything else (E.164 elsewhere, `client:`) as it is.
    static func twilioFormatted(_ number: String) -> String {
        let digits = number.dropFirst(2)
        guard number.hasPrefix("+1"), digits.count == 10, digits.allSatisfy(\.isNumber) else { return number }
        return "(\(digits.prefix(3))) \(digits.dropFirst(3).prefix(3))-\(digits.suffix(4))"
    }

    /// Calls draw from generators of their own: the seeded meeting (SIDs, labels, mutes) is the one it was before.
    @Test func callsLeaveTheSeededMeetingAsItWas() async throws {
        try await SimulatorHarness.run { h in
            let standup = try #require(h.conference(named: "standup"))
            let bridge = try #require(h.conference(named: "incident-bridge"))
            #expect(standup.sid == "CF301f662b333efe8225f9f03175762574" && bridge.sid == "CF80059eb6a8e5140342d2cc931bfa1872")
            let people = h.simulator.participants(conferenceSid: standup.sid)
            #expect(people.map(\.label) == ["moderator", "oscar", "quinn", "gustavo", "nadia"])
            #expect(people.map(\.muted) == [false, false, false, false, false])
            #expect(people.first?.callSid == "CA493ea4e0ff1ec1852f328442a585cb90")
            let others = h.simulator.participants(conferenceSid: bridge.sid)
            #expect(others.map(\.label) == ["moderator", "priya", "kofi", "ivan", "sofia"])
            #expect(others.map(\.muted) == [false, false, true, true, true])
            #expect(others.last?.callSid == "CA68ae5ca3b0f4df6f6439e9bb718f80c9")
        }
    }

    @Test func pathsWithoutJSONAnswerTheCallAsXML() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.simulator.participants(conferenceSid: h.firstConference.sid)[0].callSid
            let answer = try await raw.send(.GET, "\(account)/Calls/\(sid)")
            #expect(answer.status == 200)
            #expect(answer.headers.first(name: "Content-Type")?.contains("xml") == true)
            #expect(answer.body.contains("<TwilioResponse><Call><Sid>\(sid)</Sid>"))
            #expect(answer.body.contains("<Status>in-progress</Status>") && answer.body.contains("<Direction>inbound</Direction>"))
            #expect(answer.body.contains("<EndTime/>") && answer.body.contains("<ApiVersion>2010-04-01</ApiVersion>"))
            #expect(answer.body.contains("<Uri>\(account)/Calls/\(sid)</Uri>"))
            #expect(answer.body.contains("<SubresourceUris>") && answer.body.contains("<Recordings>\(account)/Calls/\(sid)/Recordings</Recordings>"))
            #expect(answer.body.hasSuffix("</Call></TwilioResponse>"))
        }
    }

    @Test func anUnknownCallIs404AndOnlyGETIsServed() async throws {
        try await SimulatorHarness.run { h in
            var raw = RawHTTP(baseURL: h.baseURL)
            for sid in ["CA00000000000000000000000000000000", "CAnotacall", h.firstConference.sid] {
                let missing = try await raw.send(.GET, "\(account)/Calls/\(sid).json")
                #expect(missing.status == 404 && missing.json?["code"] as? Int == 20404, "\(sid)")
                #expect(missing.json?["more_info"] as? String == "https://www.twilio.com/docs/errors/20404")
                #expect((missing.json?["message"] as? String)?.contains("/Calls/\(sid).json") == true)
            }
            let xml = try await raw.send(.GET, "\(account)/Calls/CA00000000000000000000000000000000")
            #expect(xml.status == 404 && xml.body.contains("<RestException><Code>20404</Code>"))
            #expect(try await raw.send(.GET, "\(account)/Calls.json").status == 404, "the list is not served")
            let sid = h.simulator.participants(conferenceSid: h.firstConference.sid)[0].callSid
            for method in [HTTPMethod.POST, .DELETE, .PUT] {
                let answer = try await raw.send(method, "\(account)/Calls/\(sid).json", form: "Status=completed")
                #expect(answer.status == 405 && answer.json?["code"] as? Int == 20004, "\(method)")
            }
            #expect(h.simulator.call(sid: sid)?.status == .inProgress, "nothing was hung up")
            raw.password = "wrong"
            let refused = try await raw.send(.GET, "\(account)/Calls/\(sid).json")
            #expect(refused.status == 401 && refused.json?["code"] as? Int == 20003)
        }
    }

    // MARK: Dial-outs

    @Test func aDialOutsCallFollowsTheParticipantUntilKicked() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            let created = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants.json", form: "To=%2B15558675310&From=%2B15017122661&Label=guest")
            let callSid = try #require(created.json?["call_sid"] as? String)
            var call = try await fetch(raw, callSid)
            #expect(call["status"] as? String == "queued" && call["direction"] as? String == "outbound-api")
            #expect(call["to"] as? String == "+15558675310" && call["to_formatted"] as? String == "(555) 867-5310")
            #expect(call["from"] as? String == "+15017122661" && call["from_formatted"] as? String == "(501) 712-2661")
            #expect(call["start_time"] is NSNull && call["caller_name"] is NSNull)
            h.clock.advance(by: 1.5)
            #expect(try await fetch(raw, callSid)["status"] as? String == "ringing")
            h.clock.advance(by: 2)
            call = try await fetch(raw, callSid)
            #expect(call["status"] as? String == "in-progress")
            #expect(call["start_time"] as? String == RFC2822.string(from: h.clock.now.addingTimeInterval(-0.5)), "answered 3 s after the dial")
            #expect(call["end_time"] is NSNull && call["duration"] is NSNull)
            h.clock.advance(by: 42)
            #expect(try await raw.send(.DELETE, "\(account)/Conferences/\(sid)/Participants/guest.json").status == 204)
            call = try await fetch(raw, callSid)
            #expect(call["status"] as? String == "completed")
            #expect(call["end_time"] as? String == RFC2822.string(from: h.clock.now))
            #expect(call["duration"] as? String == "42")
            h.clock.advance(by: 600)
            #expect(try await fetch(raw, callSid)["status"] as? String == "completed", "still there long after")
        }
    }

    @Test func theConferenceEndingCompletesEveryCall() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "client:guest", from: "+15017122661"))
            h.clock.advance(by: 5)
            #expect(h.simulator.call(sid: created.callSid)?.status == .inProgress)
            let ringing = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675311", from: "+15017122661"))
            h.clock.advance(by: 1.5)
            #expect(h.simulator.call(sid: ringing.callSid)?.status == .ringing)
            let present = h.simulator.participants(conferenceSid: sid).map(\.callSid)
            _ = try await h.client.updateConference(sid: sid, ConferenceUpdate(endConference: true))
            let calls = h.simulator.calls(conferenceSid: sid)
            #expect(Set(calls.map(\.sid)) == Set(present))
            for call in calls where call.sid != ringing.callSid {
                #expect(call.status == .completed && call.endTime == h.clock.now && call.duration != nil, "\(call.sid)")
            }
            let hungUp = try #require(h.simulator.call(sid: ringing.callSid))
            #expect(hungUp.status == .canceled && hungUp.endTime == nil && hungUp.duration == nil, "hung up while it rang")
            #expect(h.simulator.call(sid: created.callSid)?.duration == "3", "answered at 3 s, ended at 6.5 s: whole seconds")
        }
    }

    /// Each unanswered outcome: the participant rings, then fails or gives up and drops out after a
    /// while; the call ends busy, failed or no-answer, with no start, end or duration (the contract).
    @Test(arguments: [
        (MagicNumbers.busy, CallStatus.busy, ParticipantStatus.failed, 2.0),
        (MagicNumbers.fails, CallStatus.failed, ParticipantStatus.failed, 3.0),
        (MagicNumbers.noAnswer, CallStatus.noAnswer, ParticipantStatus.complete, 8.0),
    ])
    func unansweredCallsEndAsDialled(number: String, ending: CallStatus, participantEnding: ParticipantStatus, endsAt: Double) async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: number, from: "+15017122661"))
            h.clock.advance(by: 1)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status == .ringing)
            #expect(try await fetch(raw, created.callSid)["status"] as? String == "ringing")
            h.clock.advance(by: endsAt - 1.5)
            #expect(try await fetch(raw, created.callSid)["status"] as? String == "ringing", "still ringing just before")
            h.clock.advance(by: 0.5)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status == participantEnding)
            let call = try await fetch(raw, created.callSid)
            #expect(call["status"] as? String == ending.rawValue)
            for field in ["start_time", "end_time", "duration"] { #expect(call[field] is NSNull, "\(field)") }
            #expect(call["date_updated"] as? String == RFC2822.string(from: h.clock.now))
            h.clock.advance(by: 4)
            #expect(!h.simulator.participants(conferenceSid: sid).contains { $0.callSid == created.callSid }, "dropped out")
            #expect(try await fetch(raw, created.callSid)["status"] as? String == ending.rawValue, "the call stays")
        }
    }

    @Test func instantTimingAnswersTheDialOutWithItsCallUp() async throws {
        try await SimulatorHarness.run(timing: .instant) { h in
            let created = try await h.client.createParticipant(conference: h.firstConference.sid, CreateParticipant(to: "+442079460123", from: "+15017122661"))
            let call = try #require(h.simulator.call(sid: created.callSid))
            #expect(call.status == .inProgress && call.toFormatted == "+442079460123", "E.164 elsewhere stays E.164")
            #expect(h.simulator.call(sid: "CA00000000000000000000000000000000") == nil)
        }
    }
}
