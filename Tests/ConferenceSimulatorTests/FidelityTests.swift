import ConferenceSimulator
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

/// Where the simulator answers as Twilio's spec, twilio-python and Twilio's error pages say it does.
@Suite("The simulator behaves as Twilio does")
struct FidelityTests {
    let account = RawHTTP.accountPath()
    static let timing = CallTiming(ringAfter: 1, answerAfter: 3, noAnswerAfter: 8, linger: 4)

    private func code(_ answer: RawHTTP.Answer) -> Int? { answer.json?["code"] as? Int }
    private func message(_ answer: RawHTTP.Answer) -> String { answer.json?["message"] as? String ?? "" }

    @Test func listingConferencesWithoutStatusGivesTheOnesInProgress() async throws {
        try await SimulatorHarness.run(conferences: 2) { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let ended = h.firstConference.sid
            _ = try await raw.send(.POST, "\(account)/Conferences/\(ended).json", form: "Status=completed")
            // A conference still starting: its only participant does not start it.
            _ = try await raw.send(.POST, "\(account)/Conferences/lobby/Participants.json", form: "To=%2B15558675310&From=%2B15017122661&StartConferenceOnEnter=false")
            func sids(_ query: String) async throws -> [String] {
                let answer = try await raw.send(.GET, "\(account)/Conferences.json\(query)")
                return (answer.json?["conferences"] as? [[String: Any]] ?? []).compactMap { $0["sid"] as? String }
            }
            let byDefault = try await sids("")
            #expect(byDefault == (try await sids("?Status=in-progress")))
            #expect(byDefault.count == 1 && !byDefault.contains(ended))
            #expect(try await sids("?Status=completed") == [ended])
            #expect(try await sids("?Status=init").count == 1)
            #expect(try await h.client.listConferences().map(\.sid) == byDefault, "the client's default list is the same")
        }
    }

    @Test func anEmptyWaitUrlMeansPlayNothingOnCreateAndUpdate() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.firstConference.sid
            let created = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants.json", form: "To=%2B15558675310&From=%2B15017122661&WaitUrl=")
            #expect(created.status == 201, "\(created.body)")
            let participant = try #require(created.json?["call_sid"] as? String)
            #expect(h.simulator.extras(conferenceSid: sid, participant: participant)?.waitUrl == "")
            let member = h.simulator.participants(conferenceSid: sid)[0].callSid
            let updated = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants/\(member).json", form: "WaitUrl=")
            #expect(updated.status == 200, "\(updated.body)")
            // The client sends it too.
            var request = CreateParticipant(to: "+15558675311", from: "+15017122661")
            request.waitUrl = ""
            _ = try await h.client.createParticipant(conference: sid, request)
            _ = try await h.client.updateParticipant(conferenceSid: sid, participant: member, ParticipantUpdate(waitUrl: ""))
        }
    }

    @Test func aTwiMLAppIsAValidDialOutTarget() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let app = "app:AP0123456789abcdef0123456789abcdef"
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: app, from: "client:supervisor"))
            #expect(h.simulator.call(sid: created.callSid)?.to == app)
            let raw = RawHTTP(baseURL: h.baseURL)
            let notAnApp = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants.json", form: "To=app:AP12&From=%2B15017122661")
            #expect(notAnApp.status == 400 && code(notAnApp) == 21217)
        }
    }

    @Test func aParticipantWhoMayNotStartTheConferenceWaitsMutedUntilOneWhoMayJoins() async throws {
        try await SimulatorHarness.run(timing: Self.timing) { h in
            let waiting = try await h.client.createParticipant(conference: "town-hall", {
                var request = CreateParticipant(to: "+15558675310", from: "+15017122661", label: "early")
                request.startConferenceOnEnter = false
                return request
            }())
            let conference = waiting.conferenceSid
            h.clock.advance(by: 5)
            let early = try await h.client.fetchParticipant(conferenceSid: conference, participant: "early")
            #expect(early.status == .connected && early.muted && early.startConferenceOnEnter == false)
            #expect(try await h.client.fetchConference(sid: conference).status == .initializing)
            _ = try await h.client.createParticipant(conference: conference, CreateParticipant(to: "+15558675311", from: "+15017122661", label: "host"))
            h.clock.advance(by: 5)
            #expect(try await h.client.fetchConference(sid: conference).status == .inProgress)
            let started = try await h.client.fetchParticipant(conferenceSid: conference, participant: "early")
            #expect(started.muted == false, "hears the conference now, unmuted as they were dialled")
        }
    }

    @Test func errorCodesAreTheOnesTwiliosDocsGive() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.firstConference.sid
            let members = h.simulator.participants(conferenceSid: sid)
            let list = "\(account)/Conferences/\(sid)/Participants.json"
            let dial = "To=%2B15558675310&From=%2B15017122661"
            let outsider = "CA0123456789abcdef0123456789abcdef"
            let cases: [(String, String, Int)] = [
                ("duplicate label", "\(dial)&Label=\(members[0].label!)", 16026),
                ("coach of an outsider", "\(dial)&Coaching=true&CallSidToCoach=\(outsider)", 16028),
                ("bad status callback event", "\(dial)&StatusCallbackEvent=exploded", 21626),
                ("bad conference event", "\(dial)&ConferenceStatusCallbackEvent=start%20nonsense", 21626),
                ("slash in label", "\(dial)&Label=a%2Fb", 16024),
                ("%2F written in label", "\(dial)&Label=a%252Fb", 16024),
                ("display name too short", "To=sip:alice@example.com&From=bob&CallerDisplayName=x", 20001),
                ("client calling a phone", "To=%2B15558675310&From=client:alice", 21212),
                ("caller id not a number", "\(dial)&CallerId=client:alice", 21212),
                ("caller id not even a client", "To=client:bob&From=client:alice&CallerId=nobody%20here", 21212),
            ]
            for (what, form, expected) in cases {
                let answer = try await raw.send(.POST, list, form: form)
                #expect(answer.status == 400 && code(answer) == expected, "\(what): \(answer.body)")
            }
            let update = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants/\(members[1].callSid).json", form: "Coaching=true&CallSidToCoach=\(outsider)")
            #expect(update.status == 400 && code(update) == 16028)
            let longName = String(repeating: "n", count: 256)
            let tooLong = try await raw.send(.POST, list, form: "To=sip:alice@example.com&From=bob&CallerDisplayName=\(longName)")
            #expect(code(tooLong) == 20001)
            let fine = try await raw.send(.POST, list, form: "To=sip:alice@example.com&From=bob&CallerDisplayName=Bo&CallerId=bob")
            #expect(fine.status == 201, "a SIP user calls a SIP address: \(fine.body)")
        }
    }

    @Test func authenticationFailuresSayAuthenticateAndOtherAccountsAre401() async throws {
        try await SimulatorHarness.run { h in
            var raw = RawHTTP(baseURL: h.baseURL)
            let other = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Conferences.json"
            let foreign = try await raw.send(.GET, other)
            #expect(foreign.status == 401 && code(foreign) == 20003 && message(foreign) == "Authenticate")
            #expect(foreign.json?["more_info"] as? String == "https://www.twilio.com/docs/errors/20003")
            #expect(foreign.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic") == true)
            raw.password = "wrong"
            let wrong = try await raw.send(.GET, "\(account)/Conferences.json")
            #expect(wrong.status == 401 && code(wrong) == 20003 && message(wrong) == "Authenticate")
        }
    }

    @Test func readingParticipantsUnderAFriendlyNameIsMethodNotAllowed() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let name = h.firstConference.friendlyName
            let member = h.simulator.participants(conferenceSid: h.firstConference.sid)[0].callSid
            for path in ["\(account)/Conferences/\(name)/Participants.json", "\(account)/Conferences/\(name)/Participants/\(member).json"] {
                let answer = try await raw.send(.GET, path)
                #expect(answer.status == 405 && code(answer) == 20004, "\(path): \(answer.body)")
            }
            let dialled = try await raw.send(.POST, "\(account)/Conferences/\(name)/Participants.json", form: "To=%2B15558675310&From=%2B15017122661")
            #expect(dialled.status == 201 && dialled.json?["conference_sid"] as? String == h.firstConference.sid)
        }
    }

    @Test func aPageAfterTheFirstNeedsItsPageToken() async throws {
        try await SimulatorHarness.run(participants: 5) { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let list = "\(account)/Conferences/\(h.firstConference.sid)/Participants.json"
            let bare = try await raw.send(.GET, list + "?PageSize=2&Page=1")
            #expect(bare.status == 400 && code(bare) == 20001 && message(bare) == "PageToken is required for paging.")
            let first = try await raw.send(.GET, list + "?PageSize=2")
            let next = try #require(first.json?["next_page_uri"] as? String)
            #expect(next.contains("Page=1") && next.contains("PageToken="))
            #expect(try await raw.send(.GET, next).status == 200)
            #expect(try await raw.send(.GET, list + "?PageSize=2&Page=0").status == 200)
        }
    }

    @Test func aConferenceInXMLCarriesItsSubresourceUris() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.firstConference.sid
            let base = "\(account)/Conferences/\(sid)"
            let expected = "<SubresourceUris><Participants>\(base)/Participants</Participants><Recordings>\(base)/Recordings</Recordings></SubresourceUris>"
            let one = try await raw.send(.GET, base)
            let list = try await raw.send(.GET, "\(account)/Conferences")
            #expect(one.body.contains(expected), "\(one.body)")
            #expect(list.body.contains(expected), "\(list.body)")
        }
    }

    @Test func aDialOutPassesThroughConnecting() async throws {
        try await SimulatorHarness.run(timing: Self.timing) { h in
            let sid = h.firstConference.sid
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661"))
            var seen: [ParticipantStatus] = [created.status!]
            for _ in 0..<8 {
                h.clock.advance(by: 0.5)
                let status = try await h.client.fetchParticipant(conferenceSid: sid, participant: created.callSid).status!
                if status != seen.last { seen.append(status) }
            }
            #expect(seen == [.queued, .connecting, .ringing, .connected])
        }
    }

    @Test func recordingConfigurationIdAndPassportsAreAcceptedAndChecked() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let list = "\(account)/Conferences/\(h.firstConference.sid)/Participants.json"
            let dial = "To=%2B15558675310&From=%2B15017122661"
            let accepted = try await raw.send(.POST, list, form: "\(dial)&RecordingConfigurationId=RC-standard_1&Passports=eyJhbGciOiJFUzI1NiJ9.eyJ4Ijp0cnVlfQ.c2ln,eyJhIjoxfQ")
            #expect(accepted.status == 201, "\(accepted.body)")
            for bad in ["RecordingConfigurationId=", "RecordingConfigurationId=has%20space", "Passports=", "Passports=a,b,c,d,e,f", "Passports=not%20base64"] {
                let answer = try await raw.send(.POST, list, form: "\(dial)&\(bad)")
                #expect(answer.status == 400 && code(answer) == 20001, "\(bad): \(answer.body)")
            }
            var request = CreateParticipant(to: "+15558675311", from: "+15017122661")
            request.recordingConfigurationId = "RC-standard_1"
            request.passports = "eyJhIjoxfQ"
            let fields = Dictionary(request.formFields, uniquingKeysWith: { a, _ in a })
            #expect(fields["RecordingConfigurationId"] == "RC-standard_1" && fields["Passports"] == "eyJhIjoxfQ")
            _ = try await h.client.createParticipant(conference: h.firstConference.sid, request)
            #expect(h.simulator.requests().last?.status == 201)
            request.passports = "a,b,c,d,e,f"
            await #expect { _ = try await h.client.createParticipant(conference: h.firstConference.sid, request) } throws: { error in
                guard case .invalid(let problems, _)? = error as? TwilioError else { return false }
                return problems.map(\.field) == ["Passports"]
            }
        }
    }

    /// A URL without a scheme (the original page's `www.myapp.com/hold`) is refused by both, in the same words.
    @Test func aURLWithoutASchemeIsRefusedByBothInTheSameWords() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.firstConference.sid
            let member = h.simulator.participants(conferenceSid: sid)[0].callSid
            let answer = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants/\(member).json", form: "Hold=true&HoldUrl=www.example.com/hold")
            #expect(answer.status == 400 && code(answer) == 21205)
            let client = ParticipantUpdate(hold: true, holdUrl: "www.example.com/hold").validate()
            #expect(client.count == 1 && client[0].code == 21205)
            #expect(message(answer) == client[0].description)
            let conference = try await raw.send(.POST, "\(account)/Conferences/\(sid).json", form: "AnnounceUrl=example.com/a.mp3")
            #expect(conference.status == 400 && code(conference) == 21205)
        }
    }
}
