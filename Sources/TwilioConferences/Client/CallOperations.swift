import TwilioModels

extension TwilioConferencesClient {
    /// Fetches one call (`GET …/Calls/{Sid}.json`): who is on the other end, the direction, how it ended.
    public func fetchCall(sid: String, retry: RetryPolicy? = nil) async throws -> Call {
        let operation = "fetch call \(sid)"
        guard SID.isCall(sid) else {
            throw TwilioError.invalid([FieldError(field: "CallSid", problem: "'\(sid)' is not a call SID", fix: "use CA followed by 32 hex digits")], operation: operation)
        }
        let response = try await send(APIRequest(method: .GET, path: "\(accountPath)/Calls/\(sid).json", operation: operation, retryable: true, retryPolicy: retry))
        return try decode(Call.self, from: response, operation: operation)
    }
}
