import TwilioModels
import NIOHTTP1

extension TwilioConferencesClient {
    func participantsPath(_ conference: String) -> String {
        "\(accountPath)/Conferences/\(FormEncoding.escapePathSegment(conference))/Participants"
    }

    func participantPath(_ conferenceSid: String, _ participant: String) -> String {
        "\(participantsPath(conferenceSid))/\(FormEncoding.escapePathSegment(participant)).json"
    }

    /// One page of participants. The list is only available under a conference SID.
    public func participantsPage(
        conferenceSid: String, filter: ParticipantFilter = .all, pageSize: Int? = nil, page: Int? = nil, pageToken: String? = nil,
        retry: RetryPolicy? = nil
    ) async throws -> Page<Participant> {
        let operation = "list participants of \(conferenceSid)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        let query = filter.queryItems + (try Self.pagingQuery(pageSize: pageSize ?? configuration.pageSize, page: page, pageToken: pageToken, operation: operation))
        return try await fetchPage(
            APIRequest(method: .GET, path: participantsPath(conferenceSid) + ".json", query: query, operation: operation, retryable: true, retryPolicy: retry),
            itemsKey: "participants")
    }

    /// Every participant matching `filter`, following `next_page_uri` to the end (or `limit`), at most
    /// `configuration.maxPages` pages. With the default page size of 1000 a full conference is one request.
    /// `retry` overrides the client's retry policy (the dashboard's poller passes `.never` and backs off itself).
    public func listParticipants(
        conferenceSid: String, filter: ParticipantFilter = .all, retry: RetryPolicy? = nil, pageSize: Int? = nil, limit: Int? = nil
    ) async throws -> [Participant] {
        let size = firstPageSize(pageSize, limit: limit, default: configuration.pageSize)
        let first = try await participantsPage(conferenceSid: conferenceSid, filter: filter, pageSize: size, retry: retry)
        return try await collectPages(from: first, itemsKey: "participants", operation: "list participants of \(conferenceSid)", limit: limit, retry: retry)
    }

    /// Fetches one participant by CallSid (`CA…`) or by its label.
    public func fetchParticipant(conferenceSid: String, participant: String) async throws -> Participant {
        let operation = "fetch participant \(participant)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        try Self.requireParticipantReference(participant, operation: operation)
        let response = try await send(APIRequest(method: .GET, path: participantPath(conferenceSid, participant), operation: operation, retryable: true))
        return try decode(Participant.self, from: response, operation: operation)
    }

    /// Updates a participant (mute, hold with music, announce, coach…), addressed by CallSid or label.
    public func updateParticipant(conferenceSid: String, participant: String, _ update: ParticipantUpdate) async throws -> Participant {
        let operation = "update participant \(participant)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        try Self.requireParticipantReference(participant, operation: operation)
        let problems = update.validate()
        guard problems.isEmpty else { throw TwilioError.invalid(problems, operation: operation) }
        let response = try await send(APIRequest(
            method: .POST, path: participantPath(conferenceSid, participant), form: update.formFields,
            operation: operation, retryable: update.isSafeToRetry))
        return try decode(Participant.self, from: response, operation: operation)
    }

    /// Removes (kicks) a participant: 204 No Content.
    public func deleteParticipant(conferenceSid: String, participant: String) async throws {
        let operation = "kick participant \(participant)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        try Self.requireParticipantReference(participant, operation: operation)
        _ = try await send(APIRequest(method: .DELETE, path: participantPath(conferenceSid, participant), operation: operation, retryable: true))
    }

    /// Dials out and adds the callee to a conference given by SID (it must exist) or by friendly name
    /// (joined, or created when none is live). Validated first; never retried automatically.
    public func createParticipant(conference: String, _ parameters: CreateParticipant) async throws -> Participant {
        let operation = "dial \(parameters.to) into \(conference)"
        guard !conference.isEmpty else {
            throw TwilioError.invalid([FieldError(field: "CONFERENCE", problem: "is empty", fix: "give a CF… SID or a friendly name")], operation: operation)
        }
        let problems = parameters.validate()
        guard problems.isEmpty else { throw TwilioError.invalid(problems, operation: operation) }
        let response = try await send(APIRequest(
            method: .POST, path: participantsPath(conference) + ".json", form: parameters.formFields,
            operation: operation, retryable: false))
        return try decode(Participant.self, from: response, operation: operation)
    }

    static func requireParticipantReference(_ participant: String, operation: String) throws {
        guard !participant.isEmpty else {
            throw TwilioError.invalid([FieldError(field: "PARTICIPANT", problem: "is empty", fix: "give a CA… call SID or the participant's label")], operation: operation)
        }
        if participant.hasPrefix("CA"), participant.count == SID.length, !SID.isCall(participant) {
            throw TwilioError.invalid([FieldError(field: "PARTICIPANT", problem: "'\(participant)' looks like a call SID but is not one", fix: "use CA followed by 32 hex digits, or the label")], operation: operation)
        }
    }
}
