import TwilioModels
import NIOCore
import NIOHTTP1

/// One call to the API before it is sent.
struct APIRequest: Sendable {
    var method: HTTPMethod
    /// Path from the API root, e.g. `/2010-04-01/Accounts/AC…/Conferences.json`, possibly with a query.
    var path: String
    var query: [(String, String)] = []
    var form: [(String, String)]? = nil
    /// Human words for errors: "list participants of CF…".
    var operation: String
    /// Repeat on 429/503: GET, DELETE and participant updates; never a create.
    var retryable: Bool
    /// Overrides the client's retry policy for this request (the poller backs off by itself).
    var retryPolicy: RetryPolicy? = nil

    var pathWithQuery: String {
        guard !query.isEmpty else { return path }
        return path + (path.utf8.contains(UInt8(ascii: "?")) ? "&" : "?") + FormEncoding.encode(query)
    }
}

/// What came back: status, headers and the whole body.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: ByteBuffer
    /// Attempts made, 1 when the first one answered.
    public var attempts: Int
}
