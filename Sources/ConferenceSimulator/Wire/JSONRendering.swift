import Foundation
import TwilioModels

/// Writes resources, lists and errors as the API's JSON (slashes unescaped, nulls present).
enum JSONRendering {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted: the same state always gives the same bytes, as Twilio's answers do.
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    static func render(_ result: APIResult) -> [UInt8] {
        let encoder = encoder()
        let data: Data?
        switch result {
        case .conference(let conference): data = try? encoder.encode(conference)
        case .participant(let participant, _): data = try? encoder.encode(participant)
        case .conferences(let list): data = try? encoder.encode(ListEnvelope(itemsKey: "conferences", list: list))
        case .participants(let list): data = try? encoder.encode(ListEnvelope(itemsKey: "participants", list: list))
        case .call(let call): data = try? encoder.encode(call)
        case .recording(let recording): data = try? encoder.encode(recording)
        case .recordings(let list): data = try? encoder.encode(ListEnvelope(itemsKey: "recordings", list: list))
        case .noContent: data = Data()
        }
        return Array(data ?? Data())
    }

    static func render(_ error: SimError) -> [UInt8] {
        Array((try? encoder().encode(error.body)) ?? Data())
    }

    struct ListEnvelope<Item: Encodable & Sendable>: Encodable {
        let itemsKey: String
        let list: PagedList<Item>

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(list.items, forKey: Key(itemsKey))
            try c.encode(list.firstPageURI, forKey: Key("first_page_uri"))
            try c.encode(list.end, forKey: Key("end"))
            try c.encode(list.previousPageURI, forKey: Key("previous_page_uri"))
            try c.encode(list.uri, forKey: Key("uri"))
            try c.encode(list.pageSize, forKey: Key("page_size"))
            try c.encode(list.start, forKey: Key("start"))
            try c.encode(list.nextPageURI, forKey: Key("next_page_uri"))
            try c.encode(list.page, forKey: Key("page"))
        }
    }
}
