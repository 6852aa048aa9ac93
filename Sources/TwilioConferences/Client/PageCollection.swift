import TwilioModels
extension TwilioConferencesClient {
    /// Follows `next_page_uri` from `first` to the last page (or until `limit` items), stopping with a
    /// clear error when a server keeps naming more pages than `configuration.maxPages`.
    func collectPages<Item>(
        from first: Page<Item>, itemsKey: String, operation: String, limit: Int? = nil, retry: RetryPolicy? = nil
    ) async throws -> [Item] {
        var current = first
        var all = current.items
        var pages = 1
        while let next = current.nextPageURI, limit.map({ all.count < $0 }) ?? true {
            pages += 1
            try checkPageCount(pages, operation: operation)
            current = try await followPage(next, itemsKey: itemsKey, operation: operation, retry: retry)
            all += current.items
        }
        return limit.map { Array(all.prefix($0)) } ?? all
    }

    /// Throws before page number `pages` (counting from 1) is fetched when it is past the cap.
    func checkPageCount(_ pages: Int, operation: String) throws {
        guard pages > configuration.maxPages else { return }
        throw TwilioError.decoding(
            reason: "next_page_uri still named another page after \(configuration.maxPages) pages; stopped, as paging that does not end is a server fault",
            operation: operation)
    }
}
