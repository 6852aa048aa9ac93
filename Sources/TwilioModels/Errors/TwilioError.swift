/// Twilio's error body: `{"code": 20404, "message": "...", "more_info": "...", "status": 404}`.
public struct APIErrorBody: Hashable, Sendable, Codable {
    public var code: Int?
    public var message: String
    public var moreInfo: String?
    public var status: Int
    /// The answer's Retry-After, in seconds, when it had one (not part of the body).
    public var retryAfter: Double?

    public init(code: Int?, message: String, moreInfo: String? = nil, status: Int, retryAfter: Double? = nil) {
        self.code = code
        self.message = message
        self.moreInfo = moreInfo
        self.status = status
        self.retryAfter = retryAfter
    }

    enum CodingKeys: String, CodingKey {
        case code, message, status
        case moreInfo = "more_info"
    }
}

/// Everything that can go wrong talking to the API, each case one clear line.
public enum TwilioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Twilio answered with its error JSON.
    case api(APIErrorBody, operation: String)
    /// A non-2xx answer whose body is not Twilio's error JSON (a proxy page, an empty body…).
    case http(status: Int, snippet: String, operation: String)
    /// No answer within the time allowed.
    case timeout(seconds: Double, operation: String)
    /// The connection could not be made or broke (refused, reset, DNS, TLS).
    case transport(TransportFailure, operation: String)
    /// A 2xx answer whose body is not what the contract says (truncated, malformed, wrong shape, too large).
    case decoding(reason: String, operation: String)
    /// The request was cancelled (the user switched conference or quit).
    case cancelled(operation: String)
    /// Parameters that cannot be sent; nothing was sent.
    case invalid([FieldError], operation: String)
    /// CONFERENCE or PARTICIPANT named something that does not exist.
    case notFound(what: String, hint: String)

    public var operation: String {
        switch self {
        case .api(_, let op), .http(_, _, let op), .timeout(_, let op), .transport(_, let op),
             .decoding(_, let op), .cancelled(let op), .invalid(_, let op): op
        case .notFound: "lookup"
        }
    }

    /// Twilio's error code when there is one.
    public var code: Int? {
        if case .api(let body, _) = self { return body.code }
        return nil
    }

    /// Whether the server may have carried out the request although no success came back: true
    /// for timeouts, dropped connections, unreadable answers and 5xx other than 503; false when it
    /// was refused (4xx, and 503, which turns a request away before doing it), or never sent
    /// (checked first, not found, connection refused, DNS, TLS). A dial-out that fails this way
    /// may be ringing: say so rather than invite a second one.
    public var mayHaveTakenEffect: Bool {
        switch self {
        case .api(let body, _): body.status >= 500 && body.status != 503
        case .http(let status, _, _): status >= 500 && status != 503
        case .timeout, .decoding, .cancelled: true
        case .transport(let failure, _): failure.mayHaveReachedTheServer
        case .invalid, .notFound: false
        }
    }

    /// The HTTP status when the server answered.
    public var httpStatus: Int? {
        switch self {
        case .api(let body, _): body.status
        case .http(let status, _, _): status
        default: nil
        }
    }

    /// One line, safe for a terminal whatever the server sent (its message, `more_info`, a bad
    /// date quoted by a decoding error): everything goes through `SafeText`.
    public var description: String { SafeText.sanitize(unsanitizedDescription) }

    private var unsanitizedDescription: String {
        switch self {
        case .api(let body, let op):
            let code = body.code.map { " \($0)" } ?? ""
            return "\(op) failed: Twilio error\(code) (HTTP \(body.status)): \(Self.oneLine(body.message))\(hint.map { " — \($0)" } ?? "")"
        case .http(let status, let snippet, let op):
            let shown = snippet.isEmpty ? "empty body" : "body starts \"\(Self.oneLine(snippet))\""
            return "\(op) failed: HTTP \(status) with a body that is not Twilio's error JSON (\(shown)) — check --api-url / CONFWATCH_API_URL"
        case .timeout(let seconds, let op):
            return "\(op) failed: no answer within \(Self.format(seconds)) s — check the network, or raise the timeout"
        case .transport(let failure, let op):
            return "\(op) failed: \(failure.reason) — check the network and the API URL"
        case .decoding(let reason, let op):
            return "\(op) failed: the answer could not be read (\(reason))"
        case .cancelled(let op):
            return "\(op) was cancelled"
        case .invalid(let errors, let op):
            return "\(op) not sent: " + errors.map(\.withCode).joined(separator: "; ")
        case .notFound(let what, let hint):
            return "\(what) not found — \(hint)"
        }
    }

    /// How to fix the common API errors.
    public var hint: String? {
        guard case .api(let body, _) = self else { return nil }
        switch (body.code, body.status) {
        case (20003, _), (_, 401): return "check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY/TWILIO_API_SECRET)"
        case (20404, _), (_, 404): return "check the conference and participant: `confwatch conferences` lists what is live"
        case (20429, _), (_, 429): return "too many requests; wait a moment and try again"
        case (_, 403): return "the credentials lack permission for this; check the API key's rights or the account"
        case (_, 500...599): return "Twilio had a problem; try again shortly"
        default: return body.moreInfo.map { "see \($0)" }
        }
    }

    /// The server's Retry-After, in seconds, on a 429 or 503 that carried one.
    public var retryAfter: Double? {
        if case .api(let body, _) = self { return body.retryAfter }
        return nil
    }

    /// Whether the failure says nothing changed on the server, so that trying again is harmless.
    public var isRetryableStatus: Bool { httpStatus == 429 || httpStatus == 503 }

    /// `text` on one line and safe for a terminal (`SafeText`: line breaks become spaces, escape
    /// sequences and controls `?`), cut to `limit` characters.
    public static func oneLine(_ text: String, limit: Int = 300) -> String {
        let flat = SafeText.sanitize(text)
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.2f", seconds)
    }
}

import Foundation
