import TwilioModels
import NIOHTTP1

extension TwilioConferencesClient {
    /// One page of conferences.
    public func conferencesPage(
        filter: ConferenceFilter = .init(), pageSize: Int? = nil, page: Int? = nil, pageToken: String? = nil
    ) async throws -> Page<Conference> {
        let operation = "list conferences"
        let problems = filter.validate()
        guard problems.isEmpty else { throw TwilioError.invalid(problems, operation: operation) }
        var query = filter.queryItems
        query += try Self.pagingQuery(pageSize: pageSize ?? min(configuration.pageSize, 1000), page: page, pageToken: pageToken, operation: operation)
        return try await fetchPage(APIRequest(method: .GET, path: "\(accountPath)/Conferences.json", query: query, operation: operation, retryable: true), itemsKey: "conferences")
    }

    /// Every conference matching `filter`, following `next_page_uri` to the end (or `limit`), at most
    /// `configuration.maxPages` pages.
    public func listConferences(filter: ConferenceFilter = .init(), limit: Int? = nil, pageSize: Int? = nil) async throws -> [Conference] {
        let size = firstPageSize(pageSize, limit: limit, default: min(configuration.pageSize, 1000))
        let first = try await conferencesPage(filter: filter, pageSize: size)
        return try await collectPages(from: first, itemsKey: "conferences", operation: "list conferences", limit: limit)
    }

    public func fetchConference(sid: String, retry: RetryPolicy? = nil) async throws -> Conference {
        let operation = "fetch conference \(sid)"
        try Self.requireConferenceSid(sid, operation: operation)
        let response = try await send(APIRequest(method: .GET, path: "\(accountPath)/Conferences/\(sid).json", operation: operation, retryable: true, retryPolicy: retry))
        return try decode(Conference.self, from: response, operation: operation)
    }

    /// Ends the conference (`Status=completed`) and/or plays an announcement to everyone.
    public func updateConference(sid: String, _ update: ConferenceUpdate) async throws -> Conference {
        let operation = update.endConference ? "end conference \(sid)" : "update conference \(sid)"
        try Self.requireConferenceSid(sid, operation: operation)
        let problems = update.validate()
        guard problems.isEmpty else { throw TwilioError.invalid(problems, operation: operation) }
        let response = try await send(APIRequest(
            method: .POST, path: "\(accountPath)/Conferences/\(sid).json", form: update.formFields,
            operation: operation, retryable: update.isSafeToRetry))
        return try decode(Conference.self, from: response, operation: operation)
    }

    /// Finds the conference a user named: a `CF…` SID is fetched; a friendly name is looked up among
    /// conferences in progress (then those still starting), newest first.
    public func resolveConference(_ reference: String) async throws -> Conference {
        if SID.isConference(reference) { return try await fetchConference(sid: reference) }
        if reference.hasPrefix("CF") && reference.count == SID.length {
            throw TwilioError.invalid([FieldError(field: "CONFERENCE", problem: "'\(reference)' looks like a conference SID but is not one", fix: "use CF followed by 32 hex digits, or the friendly name")], operation: "find conference")
        }
        for status in [ConferenceStatus.inProgress, .initializing] {
            let found = try await listConferences(filter: ConferenceFilter(status: status, friendlyName: reference))
            if let newest = found.max(by: { ($0.dateCreated ?? .distantPast) < ($1.dateCreated ?? .distantPast) }) { return newest }
        }
        throw TwilioError.notFound(what: "conference '\(reference)'", hint: "no conference with that friendly name is in progress; `confwatch conferences` lists them")
    }

    static func requireConferenceSid(_ sid: String, operation: String) throws {
        guard SID.isConference(sid) else {
            throw TwilioError.invalid([FieldError(field: "ConferenceSid", problem: "'\(sid)' is not a conference SID", fix: "use CF followed by 32 hex digits")], operation: operation)
        }
    }

    /// The page size asked for: the caller's, or no more than `limit` needs, or the default.
    func firstPageSize(_ pageSize: Int?, limit: Int?, default fallback: Int) -> Int {
        pageSize ?? limit.map { min($0, fallback) } ?? fallback
    }

    /// `PageSize`, `Page` and `PageToken`; as on Twilio, a page past the first needs its token.
    static func pagingQuery(pageSize: Int?, page: Int?, pageToken: String?, operation: String) throws -> [(String, String)] {
        if let page, page > 0, pageToken == nil {
            throw TwilioError.invalid([FieldError(
                field: "PageToken", problem: "is required for paging", fix: "follow next_page_uri, or give the PageToken it carries", code: 20001)],
                operation: operation)
        }
        var fields = FormFields()
        fields.add("PageSize", pageSize)
        fields.add("Page", page)
        fields.add("PageToken", pageToken)
        return fields.pairs
    }

    func fetchPage<Item>(_ request: APIRequest, itemsKey: String) async throws -> Page<Item> {
        let response = try await send(request)
        return try decode(PageEnvelope<Item>.self, from: response, operation: request.operation, userInfo: [.pageItemsKey: itemsKey]).page
    }

}
