import TwilioModels

/// One page of a list with Twilio's envelope fields.
struct PagedList<Item: Sendable>: Sendable {
    var items: [Item]
    var page: Int
    var pageSize: Int
    var uri: String
    var firstPageURI: String
    var nextPageURI: String?
    var previousPageURI: String?
    var start: Int
    var end: Int
}

enum Paging {
    /// Cuts `items` into the page the query asks for: `PageSize` (1–1000, default 50), `Page` (from 0)
    /// and `PageToken` (`PA<sid>` = after that item, `PB<sid>` = before it), as `next_page_uri` and
    /// `previous_page_uri` carry them. Tokens keep paging stable when the list changes in between;
    /// as on Twilio, a `Page` past 0 needs one (400 20001 without).
    static func page<Item>(
        cap: Int = 1000, _ items: [Item], id: (Item) -> String, query: FormValues, path: String, filters: [(String, String)]
    ) throws(SimError) -> PagedList<Item> {
        let pageSize = min(cap, try query.int("PageSize", 1...1000) ?? 50)
        let page = try query.int("Page", 0...Int(Int32.max)) ?? 0
        guard page == 0 || query["PageToken"] != nil else { throw .invalid("PageToken is required for paging.") }
        var startIndex = page * pageSize
        if let token = query["PageToken"] {
            guard token.count > 2, token.hasPrefix("PA") || token.hasPrefix("PB") else {
                throw .invalid("Invalid PageToken '\(token)'")
            }
            let anchor = String(token.dropFirst(2))
            if let position = items.firstIndex(where: { id($0) == anchor }) {
                startIndex = token.hasPrefix("PA") ? position + 1 : max(0, position - pageSize)
            }
        }
        startIndex = min(startIndex, items.count)
        let endIndex = min(startIndex + pageSize, items.count)
        let slice = Array(items[startIndex..<endIndex])

        func uri(page: Int, token: String?) -> String {
            var fields = filters
            fields.append(("PageSize", String(pageSize)))
            fields.append(("Page", String(page)))
            if let token { fields.append(("PageToken", token)) }
            return path + "?" + FormEncoding.encode(fields)
        }
        let next = endIndex < items.count ? uri(page: page + 1, token: slice.last.map { "PA" + id($0) }) : nil
        let previous = page > 0 && startIndex > 0 ? uri(page: page - 1, token: slice.first.map { "PB" + id($0) }) : nil
        var current = filters
        current.append(("PageSize", String(pageSize)))
        current.append(("Page", String(page)))
        if let token = query["PageToken"] { current.append(("PageToken", token)) }
        return PagedList(
            items: slice, page: page, pageSize: pageSize, uri: path + "?" + FormEncoding.encode(current),
            firstPageURI: uri(page: 0, token: nil), nextPageURI: next, previousPageURI: previous,
            start: startIndex, end: slice.isEmpty ? startIndex : endIndex - 1)
    }
}
