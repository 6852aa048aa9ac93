import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

/// The client covers every parameter Twilio's OpenAPI contract (vendored in reference/) documents.
@Suite("Coverage of the OpenAPI contract")
struct ContractCoverageTests {
    static func formParameters(path: String, method: String) throws -> Set<String> {
        Set(try formProperties(path: path, method: method).keys)
    }

    /// The form parameters' schemas of one operation, by parameter name.
    static func formProperties(path: String, method: String) throws -> [String: Any] {
        let url = RepositoryRoot.url().appendingPathComponent("reference/twilio_api_v2010_conferences.json")
        let spec = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: Any])
        let operation = try #require((paths[path] as? [String: Any])?[method] as? [String: Any])
        let body = try #require(operation["requestBody"] as? [String: Any])
        let content = try #require((body["content"] as? [String: Any])?["application/x-www-form-urlencoded"] as? [String: Any])
        return try #require((content["schema"] as? [String: Any])?["properties"] as? [String: Any])
    }

    static func queryParameters(path: String) throws -> Set<String> {
        let url = RepositoryRoot.url().appendingPathComponent("reference/twilio_api_v2010_conferences.json")
        let spec = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let operation = try #require(((spec["paths"] as? [String: Any])?[path] as? [String: Any])?["get"] as? [String: Any])
        let parameters = try #require(operation["parameters"] as? [[String: Any]])
        return Set(parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
    }

    @Test func createSendsEveryDocumentedParameter() throws {
        let documented = try Self.formParameters(path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json", method: "post")
        let sent = Set(CreateParticipant.everything(coaching: "CA0123456789abcdef0123456789abcdef").formFields.map(\.0))
        #expect(documented.subtracting(sent).isEmpty, "not sent: \(documented.subtracting(sent).sorted())")
        #expect(sent.subtracting(documented).isEmpty, "not documented: \(sent.subtracting(documented).sorted())")
    }

    /// The contract types these parameters as plain strings (or arrays of them) with no `enum`; the
    /// values are the backquoted words of the description's "Can be:" sentence.
    static func describedChoices(_ schema: Any?) throws -> Set<String> {
        let description = try #require((schema as? [String: Any])?["description"] as? String)
        let start = try #require(description.range(of: "Can be:"))
        let sentence = description[start.upperBound...].prefix { $0 != "." }
        let quoted = sentence.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
        return Set(quoted.map { String($0.element) })
    }

    @Test func createChoicesAreTheContractsValueLists() throws {
        let schemas = try Self.formProperties(path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json", method: "post")
        let typed: [(String, [String])] = [
            ("Beep", Beep.rawValues), ("ConferenceRecord", ConferenceRecord.rawValues), ("ConferenceTrim", RecordingTrim.rawValues),
            ("Trim", RecordingTrim.rawValues), ("RecordingChannels", RecordingChannels.rawValues), ("RecordingTrack", RecordingTrack.rawValues),
            ("Region", MixingRegion.rawValues), ("MachineDetection", MachineDetection.rawValues), ("JitterBufferSize", JitterBufferSize.rawValues),
            ("StatusCallbackEvent", CallStatusEvent.rawValues), ("ConferenceStatusCallbackEvent", ConferenceStatusEvent.rawValues),
            ("RecordingStatusCallbackEvent", RecordingStatusEvent.rawValues),
            ("ConferenceRecordingStatusCallbackEvent", ConferenceRecordingStatusEvent.rawValues),
        ]
        for (name, values) in typed {
            let schema = try #require(schemas[name] as? [String: Any], "\(name) is not in the contract")
            #expect(schema["enum"] == nil, "\(name) has an enum in the contract now; compare with it instead")
            #expect(try Self.describedChoices(schema) == Set(values), "\(name)")
            #expect(Set(values).count == values.count, "\(name) repeats a value")
        }
    }

    @Test func updateSendsEveryDocumentedParameter() throws {
        let documented = try Self.formParameters(path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json", method: "post")
        let update = ParticipantUpdate(
            muted: true, hold: true, holdUrl: "https://x.example", holdMethod: .GET, announceUrl: "https://x.example", announceMethod: .GET,
            waitUrl: "https://x.example", waitMethod: .GET, beepOnExit: true, endConferenceOnExit: true, coaching: true,
            callSidToCoach: "CA0123456789abcdef0123456789abcdef")
        #expect(Set(update.formFields.map(\.0)) == documented)
    }

    @Test func conferenceUpdateSendsEveryDocumentedParameter() throws {
        let documented = try Self.formParameters(path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json", method: "post")
        let update = ConferenceUpdate(endConference: true, announceUrl: "https://x.example", announceMethod: .POST)
        #expect(Set(update.formFields.map(\.0)) == documented)
    }

    @Test func recordingUpdateSendsEveryDocumentedParameter() throws {
        let path = "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json"
        let schemas = try Self.formProperties(path: path, method: "post")
        let update = RecordingUpdate(status: .paused, pauseBehavior: .skip)
        #expect(Set(update.formFields.map(\.0)) == Set(schemas.keys))
        // PauseBehavior is a plain string in the contract; its values are in the description.
        #expect(try Self.describedChoices(schemas["PauseBehavior"]) == Set(PauseBehavior.allCases.map(\.rawValue)))
        // Status is the recording status enum; an update may set three of its values.
        let url = RepositoryRoot.url().appendingPathComponent("reference/twilio_api_v2010_conferences.json")
        let spec = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let enumName = try #require(((schemas["Status"] as? [String: Any])?["$ref"] as? String)?.split(separator: "/").last)
        let statuses = try #require((((spec["components"] as? [String: Any])?["schemas"] as? [String: Any])?[String(enumName)] as? [String: Any])?["enum"] as? [String])
        #expect(Set(RecordingUpdate.settable.map(\.rawValue)).isSubset(of: Set(statuses)))
        let everyStatus: [RecordingStatus] = [.inProgress, .paused, .stopped, .processing, .completed, .absent]
        #expect(Set(everyStatus.map(\.rawValue)) == Set(statuses))
    }

    @Test func listFiltersCoverEveryDocumentedQueryParameter() throws {
        let participants = try Self.queryParameters(path: "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json")
        let sentParticipants = Set(ParticipantFilter(muted: true, hold: true, coaching: true).queryItems.map(\.0))
            .union((try TwilioConferencesClient.pagingQuery(pageSize: 1, page: 1, pageToken: "PA", operation: "contract")).map(\.0))
        #expect(sentParticipants == participants)
        let conferences = try Self.queryParameters(path: "/2010-04-01/Accounts/{AccountSid}/Conferences.json")
        let filter = ConferenceFilter(
            status: .inProgress, friendlyName: "x", dateCreated: "2026-01-01", dateCreatedBefore: "2026-01-01", dateCreatedAfter: "2026-01-01",
            dateUpdated: "2026-01-01", dateUpdatedBefore: "2026-01-01", dateUpdatedAfter: "2026-01-01")
        let sentConferences = Set(filter.queryItems.map(\.0)).union((try TwilioConferencesClient.pagingQuery(pageSize: 1, page: 1, pageToken: "PA", operation: "contract")).map(\.0))
        #expect(sentConferences == conferences)
    }
}
