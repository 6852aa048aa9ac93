import Foundation
import Testing
@testable import TwilioModels

@Suite("Decoding the API's JSON")
struct ModelDecodingTests {
    /// The participant exactly as the original 2010 page shows it: no label, status, coaching or queue_time.
    let originalPage = """
        {
        "account_sid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "call_sid": "CA386025c9bf5d6052a1d1ea42b4d16662",
        "conference_sid": "CFbbe46ff1274e283f7e3ac1df0072ab39",
        "date_created": "Wed, 18 Aug 2010 20:20:10 +0000",
        "date_updated": "Wed, 18 Aug 2010 20:20:10 +0000",
        "end_conference_on_exit": true,
        "muted": false,
        "hold": false,
        "start_conference_on_enter": true,
        "uri": "/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Conferences/CFbbe46ff1274e283f7e3ac1df0072ab39/Participants/CA386025c9bf5d6052a1d1ea42b4d16662.json"
        }
        """

    /// The current contract's example, with nulls and a field from the future.
    let currentContract = """
        {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "call_sid": "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "label": null,
         "conference_sid": "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_created": "Sat, 19 Feb 2011 21:07:19 +0000",
         "date_updated": "Sat, 19 Feb 2011 21:07:19 +0000", "end_conference_on_exit": false, "muted": true, "hold": false,
         "status": "connected", "start_conference_on_enter": true, "coaching": true,
         "call_sid_to_coach": "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "queue_time": null, "uri": "/x.json",
         "a_field_twilio_adds_later": {"nested": [1, 2, 3]}}
        """

    @Test func decodesTheOriginalPagesParticipant() throws {
        let p = try JSONDecoder().decode(Participant.self, from: Data(originalPage.utf8))
        #expect(p.callSid == "CA386025c9bf5d6052a1d1ea42b4d16662")
        #expect(p.endConferenceOnExit == true)
        #expect(p.label == nil && p.status == nil && p.coaching == nil && p.queueTime == nil)
        #expect(p.dateCreated == Date(timeIntervalSince1970: 1_282_162_810))
        #expect(p.name(short: false) == "CA386025c9bf5d6052a1d1ea42b4d16662" && p.name() == "CA…d16662")
    }

    @Test func decodesTheCurrentContractAndIgnoresUnknownFields() throws {
        let p = try JSONDecoder().decode(Participant.self, from: Data(currentContract.utf8))
        #expect(p.status == .connected)
        #expect(p.coaching == true)
        #expect(p.callSidToCoach == "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
        #expect(p.muted && !p.hold)
        #expect(p.label == nil)
    }

    @Test func keepsAnUnknownStatusAsItIs() throws {
        let json = currentContract.replacingOccurrences(of: "\"connected\"", with: "\"on-the-moon\"")
        let p = try JSONDecoder().decode(Participant.self, from: Data(json.utf8))
        #expect(p.status?.rawValue == "on-the-moon")
    }

    /// A date that is not RFC 2822 costs that field, named, not the participant.
    @Test func aDateThatIsNotRFC2822IsNamedAndLeftEmpty() throws {
        let json = originalPage.replacingOccurrences(of: "Wed, 18 Aug 2010 20:20:10 +0000\",\n\"date_updated", with: "2010-08-18T20:20:10Z\",\n\"date_updated")
        let p = try JSONDecoder().decode(Participant.self, from: Data(json.utf8))
        #expect(p.dateCreated == nil && p.dateUpdated != nil)
        #expect(p.unreadable == ["date_created": "'2010-08-18T20:20:10Z' is not an RFC 2822 date"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Conference.self, from: Data(#"{"sid": "CF1", "date_created": "soon"}"#.utf8)) }
    }

    @Test func refusesAParticipantWithoutACallSid() {
        let json = #"{"muted": true}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Participant.self, from: Data(json.utf8)) }
    }

    @Test func encodesBackWithTheAPIsFieldNamesAndNulls() throws {
        let p = try JSONDecoder().decode(Participant.self, from: Data(currentContract.utf8))
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(p)) as? [String: Any])
        #expect(Set(object.keys) == [
            "account_sid", "call_sid", "label", "conference_sid", "date_created", "date_updated", "end_conference_on_exit",
            "muted", "hold", "status", "start_conference_on_enter", "coaching", "call_sid_to_coach", "queue_time", "uri",
        ])
        #expect(object["date_created"] as? String == "Sat, 19 Feb 2011 21:07:19 +0000")
        #expect(object["label"] is NSNull)
        let again = try JSONDecoder().decode(Participant.self, from: JSONEncoder().encode(p))
        #expect(again == p)
    }

    @Test func decodesAConferenceWithItsSubresources() throws {
        let json = """
            {"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "api_version": "2010-04-01", "call_sid_ending_conference": null,
             "date_created": "Fri, 18 Feb 2011 19:26:50 +0000", "date_updated": "Fri, 18 Feb 2011 19:27:33 +0000",
             "friendly_name": "AHH YEAH", "reason_conference_ended": null, "region": "us1",
             "sid": "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "status": "in-progress",
             "subresource_uris": {"participants": "/p.json", "recordings": "/r.json"}, "uri": "/c.json"}
            """
        let c = try JSONDecoder().decode(Conference.self, from: Data(json.utf8))
        #expect(c.status == .inProgress)
        #expect(c.friendlyName == "AHH YEAH")
        #expect(c.subresourceUris?["participants"] == "/p.json")
        #expect(c.reasonConferenceEnded == nil)
    }

    @Test func decodesAPageEnvelope() throws {
        let json = """
            {"participants": [\(currentContract)], "page": 2, "page_size": 1, "first_page_uri": "/f", "next_page_uri": null,
             "previous_page_uri": "/p", "uri": "/u", "start": 2, "end": 2}
            """
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        let page = try decoder.decode(PageEnvelope<Participant>.self, from: Data(json.utf8)).page
        #expect(page.items.count == 1 && page.page == 2 && page.pageSize == 1)
        #expect(page.nextPageURI == nil && page.previousPageURI == "/p" && page.firstPageURI == "/f")
    }

    @Test func refusesAnEnvelopeWithoutItsList() {
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        #expect(throws: DecodingError.self) {
            try decoder.decode(PageEnvelope<Participant>.self, from: Data(#"{"conferences": []}"#.utf8))
        }
    }
}
