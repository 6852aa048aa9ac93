import ConferenceSimulator
import Foundation
import NIOHTTP1
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

@Suite("The simulator speaks Twilio's HTTP contract")
struct HTTPContractTests {
    let account = RawHTTP.accountPath()

    @Test func aWrongTokenGets401WithTheBasicChallengeAnd20003() async throws {
        try await SimulatorHarness.run { h in
            var raw = RawHTTP(baseURL: h.baseURL)
            raw.password = "wrong"
            for path in ["\(account)/Conferences.json", "\(account)/Conferences"] {
                let answer = try await raw.send(.GET, path)
                #expect(answer.status == 401)
                #expect(answer.headers.first(name: "WWW-Authenticate")?.hasPrefix("Basic") == true)
                #expect(answer.body.contains("20003"))
            }
            let missing = try await raw.send(.GET, "\(account)/Conferences.json", authorization: "Bearer x")
            #expect(missing.status == 401)
        }
    }

    @Test func pathsWithoutJSONAnswerXMLAsTheOriginalPageShows() async throws {
        try await SimulatorHarness.run { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.firstConference.sid
            let participant = h.simulator.participants(conferenceSid: sid)[0].callSid
            let one = try await raw.send(.GET, "\(account)/Conferences/\(sid)/Participants/\(participant)")
            #expect(one.status == 200)
            #expect(one.headers.first(name: "Content-Type")?.contains("xml") == true)
            #expect(one.body.contains("<TwilioResponse><Participant><CallSid>\(participant)</CallSid>"))
            #expect(one.body.contains("<Muted>false</Muted>"))
            #expect(one.body.contains("<Uri>\(account)/Conferences/\(sid)/Participants/\(participant)</Uri>"))
            let list = try await raw.send(.GET, "\(account)/Conferences/\(sid)/Participants")
            #expect(list.body.contains("<Participants page=\"0\" pagesize=\"50\""))
            let update = try await raw.send(.POST, "\(account)/Conferences/\(sid)/Participants/\(participant)", form: "Muted=True")
            #expect(update.body.contains("<Muted>true</Muted>"))
            let error = try await raw.send(.GET, "\(account)/Conferences/CF00000000000000000000000000000000")
            #expect(error.status == 404 && error.body.contains("<RestException><Code>20404</Code>"))
        }
    }

    @Test func xmlListEnvelopesNameXMLPagesSoNextPageStaysXML() async throws {
        try await SimulatorHarness.run(conferences: 3, participants: 5) { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let sid = h.firstConference.sid
            for path in ["\(account)/Conferences/\(sid)/Participants", "\(account)/Conferences"] {
                let first = try await raw.send(.GET, path + "?PageSize=2")
                let uris = ["uri", "firstpageuri", "nextpageuri"].map { Self.attribute($0, in: first.body) }
                for (name, uri) in zip(["uri", "firstpageuri", "nextpageuri"], uris) {
                    let value = try #require(uri, "\(name) in \(first.body.prefix(300))")
                    #expect(value.hasPrefix(path + "?"), "\(name) = \(value)")
                    #expect(!value.contains(".json"), "\(name) = \(value)")
                }
                let next = try #require(uris[2]).replacingOccurrences(of: "&amp;", with: "&")
                let second = try await raw.send(.GET, next)
                #expect(second.status == 200)
                #expect(second.headers.first(name: "Content-Type")?.contains("xml") == true)
                #expect(second.body.contains(" page=\"1\""))
                let previous = try #require(Self.attribute("previouspageuri", in: second.body))
                #expect(previous.hasPrefix(path + "?") && !previous.contains(".json"), "previouspageuri = \(previous)")
            }
            let json = try await raw.send(.GET, "\(account)/Conferences.json?PageSize=2")
            #expect((json.json?["next_page_uri"] as? String)?.hasPrefix("\(account)/Conferences.json?") == true)
        }
    }

    private static func attribute(_ name: String, in body: String) -> String? {
        guard let start = body.range(of: " \(name)=\"") else { return nil }
        let rest = body[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func jsonUsesRFC2822DatesAnd34CharacterSids() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let answer = try await RawHTTP(baseURL: h.baseURL).send(.GET, "\(account)/Conferences/\(sid)/Participants.json")
            let participants = try #require(answer.json?["participants"] as? [[String: Any]])
            for p in participants {
                let callSid = try #require(p["call_sid"] as? String)
                #expect(SID.isCall(callSid))
                #expect(RFC2822.date(from: try #require(p["date_created"] as? String)) != nil)
                #expect(p.keys.contains("label") && p.keys.contains("queue_time"))
            }
            #expect(!answer.body.contains("\\/"), "slashes are not escaped")
        }
    }

    @Test func theListEnvelopeHasEveryPagingField() async throws {
        try await SimulatorHarness.run(participants: 5) { h in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            let page = try await raw.send(.GET, "\(account)/Conferences/\(sid)/Participants.json?Hold=false&PageSize=2&Page=0")
            let json = try #require(page.json)
            for key in ["page", "page_size", "first_page_uri", "next_page_uri", "previous_page_uri", "uri", "start", "end", "participants"] {
                #expect(json.keys.contains(key), "\(key)")
            }
            #expect(json["page_size"] as? Int == 2)
            #expect((json["first_page_uri"] as? String)?.contains("Hold=false") == true)
            let next = try #require(json["next_page_uri"] as? String)
            #expect(next.contains("Page=1") && next.contains("PageToken=PA") && next.contains("Hold=false"))
            let second = try await raw.send(.GET, next)
            #expect((second.json?["previous_page_uri"] as? String)?.contains("PageToken=PB") == true)
            #expect(second.json?["page"] as? Int == 1)
        }
    }

    @Test func filterValuesAreCaseSensitive() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            #expect(try await raw.send(.GET, "\(account)/Conferences/\(sid)/Participants.json?Muted=true").status == 200)
            let wrong = try await raw.send(.GET, "\(account)/Conferences/\(sid)/Participants.json?Muted=True")
            #expect(wrong.status == 400)
            #expect((wrong.json?["message"] as? String)?.contains("Muted") == true)
        }
    }

    @Test func badPagingIsRefused() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let raw = RawHTTP(baseURL: h.baseURL)
            for query in ["PageSize=0", "PageSize=1001", "PageSize=ten", "Page=-1", "PageToken=zz"] {
                #expect(try await raw.send(.GET, "\(account)/Conferences.json?\(query)").status == 400, "\(query)")
            }
        }
    }

    @Test func updatesTakeAnyCaseOfTrueAndAnythingElseIsFalse() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            let path = "\(account)/Conferences/\(sid)/Participants/moderator.json"
            #expect(try await raw.send(.POST, path, form: "Muted=True").json?["muted"] as? Bool == true)
            #expect(try await raw.send(.POST, path, form: "Muted=yes").json?["muted"] as? Bool == false)
        }
    }

    @Test func wrongMethodsAre405AndDeleteIs204() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            let put = try await raw.send(.PUT, "\(account)/Conferences/\(sid)/Participants/moderator.json", form: "Muted=true")
            #expect(put.status == 405 && put.json?["code"] as? Int == 20004)
            #expect(try await raw.send(.DELETE, "\(account)/Conferences/\(sid).json").status == 405)
            let kicked = h.simulator.participants(conferenceSid: sid)[1].callSid
            let delete = try await raw.send(.DELETE, "\(account)/Conferences/\(sid)/Participants/\(kicked).json")
            #expect(delete.status == 204 && delete.body.isEmpty)
        }
    }

    @Test func createRefusesBadParametersWithTwiliosCodes() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let raw = RawHTTP(baseURL: h.baseURL)
            let path = "\(account)/Conferences/\(sid)/Participants.json"
            let cases: [(String, Int)] = [
                ("From=%2B15017122661", 21201), ("To=%2B15558675310", 21213),
                ("To=12345&From=%2B15017122661", 21217), ("To=%2B15558675310&From=12", 21212),
                ("To=%2B15558675310&From=%2B15017122661&Timeout=4", 21208),
                ("To=%2B15558675310&From=%2B15017122661&MaxParticipants=251", 16002),
                ("To=%2B15558675310&From=%2B15017122661&Beep=loud", 16002),
                ("To=%2B15558675310&From=%2B15017122661&WaitUrl=ftp%3A%2F%2Fx", 21205),
                ("To=%2B15558675310&From=%2B15017122661&Label=a%2Fb", 16024),
                ("To=%2B15558675310&From=%2B15017122661&Label=moderator", 16026),
                ("To=%2B15558675310&From=%2B15017122661&Muted=maybe", 20001),
            ]
            for (form, code) in cases {
                let answer = try await raw.send(.POST, path, form: form)
                #expect(answer.status == 400, "\(form)")
                #expect(answer.json?["code"] as? Int == code, "\(form): \(answer.body)")
            }
        }
    }

    @Test func aFullConferenceRefusesAnotherCaller() async throws {
        try await SimulatorHarness.run(conferences: 0, timing: .instant) { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let path = "\(account)/Conferences/small-room/Participants.json"
            #expect(try await raw.send(.POST, path, form: "To=%2B15558675301&From=%2B15017122661&MaxParticipants=2").status == 201)
            #expect(try await raw.send(.POST, path, form: "To=%2B15558675302&From=%2B15017122661").status == 201)
            let third = try await raw.send(.POST, path, form: "To=%2B15558675303&From=%2B15017122661")
            #expect(third.status == 400 && third.json?["code"] as? Int == 16020)
        }
    }

    @Test func theControlRoutesNeedAuthAndReport() async throws {
        try await SimulatorHarness.run { h in
            var raw = RawHTTP(baseURL: h.baseURL)
            _ = try await raw.send(.GET, "\(account)/Conferences.json")
            let listing = try await raw.send(.GET, "/_sim/requests")
            #expect(listing.json?["total"] as? Int == 1)
            let set = try await raw.send(.PUT, "/_sim/faults", form: "spec=503x1&spec=latency%3D1")
            #expect(set.status == 200 && h.simulator.faults.count == 2)
            #expect(try await raw.send(.GET, "\(account)/Conferences.json").status == 503)
            #expect(try await raw.send(.PUT, "/_sim/faults", form: "spec=teapot").status == 400)
            _ = try await raw.send(.PUT, "/_sim/faults", form: "")
            #expect(h.simulator.faults.isEmpty)
            let sid = h.firstConference.sid
            #expect(try await raw.send(.POST, "/_sim/vanish", form: "conference=\(sid)").status == 204)
            #expect(try await raw.send(.GET, "\(account)/Conferences/\(sid)/Participants.json").status == 404)
            raw.password = "nope"
            #expect(try await raw.send(.GET, "/_sim/requests").status == 401)
        }
    }
}
