/// One page of a list response with Twilio's paging envelope.
public struct Page<Item: Sendable & Codable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    public var page: Int
    public var pageSize: Int
    public var firstPageURI: String?
    public var nextPageURI: String?
    public var previousPageURI: String?
    public var uri: String?
    public var start: Int?
    public var end: Int?

    public init(
        items: [Item], page: Int, pageSize: Int, firstPageURI: String? = nil, nextPageURI: String? = nil,
        previousPageURI: String? = nil, uri: String? = nil, start: Int? = nil, end: Int? = nil
    ) {
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.firstPageURI = firstPageURI
        self.nextPageURI = nextPageURI
        self.previousPageURI = previousPageURI
        self.uri = uri
        self.start = start
        self.end = end
    }
}

/// Decodes a list envelope whose items sit under `key` ("participants" or "conferences").
package struct PageEnvelope<Item: Sendable & Codable & Hashable>: Decodable {
    package let page: Page<Item>

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let itemsKey = Key(stringValue: decoder.userInfo[.pageItemsKey] as? String ?? "participants")
        guard c.contains(itemsKey) else {
            throw DecodingError.keyNotFound(itemsKey, .init(codingPath: [], debugDescription: "the list has no \"\(itemsKey.stringValue)\" array"))
        }
        page = Page(
            items: try c.decode([Item].self, forKey: itemsKey),
            page: try c.decodeIfPresent(Int.self, forKey: Key(stringValue: "page")) ?? 0,
            pageSize: try c.decodeIfPresent(Int.self, forKey: Key(stringValue: "page_size")) ?? 0,
            firstPageURI: try c.decodeIfPresent(String.self, forKey: Key(stringValue: "first_page_uri")),
            nextPageURI: try c.decodeIfPresent(String.self, forKey: Key(stringValue: "next_page_uri")),
            previousPageURI: try c.decodeIfPresent(String.self, forKey: Key(stringValue: "previous_page_uri")),
            uri: try c.decodeIfPresent(String.self, forKey: Key(stringValue: "uri")),
            start: try c.decodeIfPresent(Int.self, forKey: Key(stringValue: "start")),
            end: try c.decodeIfPresent(Int.self, forKey: Key(stringValue: "end"))
        )
    }
}

extension CodingUserInfoKey {
    package static let pageItemsKey = CodingUserInfoKey(rawValue: "confwatch.pageItemsKey")!
}
