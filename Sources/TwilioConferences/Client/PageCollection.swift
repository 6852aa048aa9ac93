import TwilioModels

extension TwilioConferencesClient {
    /// Follows `next_page_uri` from `first` to the last page (or until `limit` items), stopping with a
    /// clear error when a server names a page outside this account, names a page already read (a
    /// loop), or keeps naming more pages than `configuration.maxPages`.
    func collectPages<Item>(
        from first: Page<Item>, itemsKey: String, operation: String, limit: Int? = nil, retry: RetryPolicy? = nil
    ) async throws -> [Item] {
        var current = first
        var all = current.items
        var trail = PageTrail(first: first.uri.map { pageTarget($0) } ?? nil)
        var pages = 1
        while let next = current.nextPageURI, limit.map({ all.count < $0 }) ?? true {
            pages += 1
            try checkPageCount(pages, operation: operation)
            let path = try pagePath(next, operation: operation)
            try trail.visit(path, operation: operation)
            current = try await fetchPage(APIRequest(method: .GET, path: path, operation: operation, retryable: true, retryPolicy: retry), itemsKey: itemsKey)
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

    /// The path (with its query) a `next_page_uri` names, when it is a page of this account on this
    /// endpoint: credentials are never sent to another host or another account. A path that climbs
    /// with `..` or `.` (also written `%2e`) is refused like one outside the account.
    func pagePath(_ uri: String, operation: String) throws -> String {
        guard let path = pageTarget(uri) else {
            throw TwilioError.decoding(reason: "next_page_uri '\(TwilioError.oneLine(uri, limit: 80))' points outside this account", operation: operation)
        }
        return path
    }

    /// `pagePath` without the error: nil when the URI is not a page of this account.
    func pageTarget(_ uri: String) -> String? {
        var path = uri
        if path.hasPrefix(endpoint.baseURL) { path.removeFirst(endpoint.baseURL.count) }
        guard path.hasPrefix(accountPath + "/") else { return nil }
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let climbs = bare.split(separator: "/", omittingEmptySubsequences: false).contains { segment in
            let decoded = FormEncoding.unescapePath(segment)
            return decoded == ".." || decoded == "." || decoded.contains("/") || decoded.contains("\\")
        }
        return climbs ? nil : path
    }
}

/// The pages one list has read, so a `next_page_uri` naming one of them again — a page that names
/// itself, or a cycle — ends the list at once instead of running to the page cap.
struct PageTrail {
    private var seen: Set<String> = []

    init(first: String?) {
        if let first { seen.insert(first) }
    }

    mutating func visit(_ path: String, operation: String) throws {
        guard seen.insert(path).inserted else {
            throw TwilioError.decoding(
                reason: "next_page_uri names a page already read (\(TwilioError.oneLine(path, limit: 80))); paging loops, so it stopped",
                operation: operation)
        }
    }
}
