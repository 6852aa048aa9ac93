import TwilioModels

extension TwilioConferencesClient {
    func recordingsPath(_ conferenceSid: String) -> String { "\(accountPath)/Conferences/\(conferenceSid)/Recordings" }

    /// The conference's recordings, following `next_page_uri` to the end.
    public func listConferenceRecordings(conferenceSid: String, retry: RetryPolicy? = nil) async throws -> [ConferenceRecording] {
        let operation = "list recordings of \(conferenceSid)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        let first: Page<ConferenceRecording> = try await fetchPage(
            APIRequest(method: .GET, path: recordingsPath(conferenceSid) + ".json", query: [("PageSize", "100")],
                       operation: operation, retryable: true, retryPolicy: retry),
            itemsKey: "recordings")
        return try await collectPages(from: first, itemsKey: "recordings", operation: operation, retry: retry)
    }

    public func fetchConferenceRecording(conferenceSid: String, sid: String) async throws -> ConferenceRecording {
        let operation = "fetch recording \(sid)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        let response = try await send(APIRequest(method: .GET, path: recordingsPath(conferenceSid) + "/\(FormEncoding.escapePathSegment(sid)).json", operation: operation, retryable: true))
        return try decode(ConferenceRecording.self, from: response, operation: operation)
    }

    /// Pauses, resumes or stops a recording (`Status`, and `PauseBehavior` when pausing).
    public func updateConferenceRecording(conferenceSid: String, sid: String, _ update: RecordingUpdate) async throws -> ConferenceRecording {
        let operation = "\(update.status == .paused ? "pause" : update.status == .stopped ? "stop" : "resume") recording \(sid)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        let problems = update.validate()
        guard problems.isEmpty else { throw TwilioError.invalid(problems, operation: operation) }
        let response = try await send(APIRequest(
            method: .POST, path: recordingsPath(conferenceSid) + "/\(FormEncoding.escapePathSegment(sid)).json", form: update.formFields,
            operation: operation, retryable: true))
        return try decode(ConferenceRecording.self, from: response, operation: operation)
    }
}
