import Foundation
import PropertyBased
import Testing

/// `CONFWATCH_FUZZ_SCALE=100 swift test --filter Fuzz` for a long run; 1 in the test command.
let fuzzScale = Int(ProcessInfo.processInfo.environment["CONFWATCH_FUZZ_SCALE"] ?? "") ?? 1
@testable import TwilioConferences
@testable import TwilioModels

/// Arbitrary and mutated bytes into the response decoders: never a crash, always a clean error.
@Suite("Fuzzing the response decoders")
struct DecoderFuzzTests {
    static let page = Data("""
        {"participants": [{"account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "call_sid": "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "label": "alice",
         "conference_sid": "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_created": "Sat, 19 Feb 2011 21:07:19 +0000",
         "date_updated": "Sat, 19 Feb 2011 21:07:19 +0000", "end_conference_on_exit": false, "muted": true, "hold": false,
         "status": "connected", "start_conference_on_enter": true, "coaching": true, "call_sid_to_coach": "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
         "queue_time": null, "uri": "/x.json"}], "page": 0, "page_size": 50, "first_page_uri": "/f", "next_page_uri": null,
         "previous_page_uri": null, "uri": "/u", "start": 0, "end": 0}
        """.utf8)

    /// Decodes `data` every way the client does; any failure must be a DecodingError the client can put in one line.
    static func decodeEveryWay(_ data: Data) {
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        for attempt in [
            { _ = try decoder.decode(PageEnvelope<Participant>.self, from: data) },
            { _ = try JSONDecoder().decode(Participant.self, from: data) },
            { _ = try JSONDecoder().decode(Conference.self, from: data) },
            { _ = try JSONDecoder().decode(APIErrorBody.self, from: data) },
        ] as [() throws -> Void] {
            do {
                try attempt()
            } catch {
                #expect(error is DecodingError, "\(type(of: error))")
                let line = TwilioConferencesClient.describe(error, body: [UInt8](data))
                #expect(!line.isEmpty && !line.contains("\n"))
            }
        }
    }

    @Test func arbitraryBytes() async {
        await propertyCheck(count: 1500 * fuzzScale, input: Gen<UInt8>.value(in: 0...255).array(of: 0...400)) { bytes in
            Self.decodeEveryWay(Data(bytes))
            _ = RFC2822.date(from: String(decoding: bytes, as: UTF8.self))
            _ = FormEncoding.decode(Substring(String(decoding: bytes, as: UTF8.self)))
        }
    }

    @Test func mutatedValidPages() async {
        let edits = zip(Gen.int(in: 0...(Self.page.count - 1)), Gen<UInt8>.value(in: 0...255), Gen.int(in: 0...2)).array(of: 1...8)
        await propertyCheck(count: 3000 * fuzzScale, input: edits) { edits in
            var bytes = [UInt8](Self.page)
            for (position, byte, kind) in edits {
                let at = min(position, bytes.count - 1)
                guard at >= 0 else { continue }
                switch kind {
                case 0: bytes[at] = byte
                case 1: bytes.insert(byte, at: at)
                default: bytes.remove(at: at)
                }
            }
            Self.decodeEveryWay(Data(bytes))
        }
    }

    @Test func truncatedPagesAtEveryLength() {
        for length in 0..<Self.page.count {
            Self.decodeEveryWay(Self.page.prefix(length))
        }
    }

    @Test func textFieldsWithAnyCharacters() async {
        let text = Gen.int(in: 0...0x1FFFF).map { UnicodeScalar(UInt32($0)) ?? "?" }.array(of: 0...40).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 800 * fuzzScale, input: text) { label in
            let json = try JSONSerialization.data(withJSONObject: ["call_sid": "CA0", "label": label, "status": label, "date_created": label])
            do {
                let p = try JSONDecoder().decode(Participant.self, from: json)
                #expect(p.label == label)
            } catch {
                #expect(error is DecodingError, "only the date may refuse: \(error)")
            }
        }
    }
}
