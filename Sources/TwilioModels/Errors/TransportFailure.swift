/// Why a request got no answer from the server at all, as the HTTP stack's own error types say
/// (the client classifies them; see `TwilioConferencesClient.transportFailure`).
public enum TransportFailure: Hashable, Sendable {
    /// Nothing listens at the address: the request was never sent.
    case refused(host: String)
    /// No route to the host (network or host unreachable): never sent.
    case unreachable(host: String)
    /// The host name does not resolve: never sent.
    case unresolved(host: String)
    /// The TLS handshake failed: never sent.
    case tls(host: String, detail: String)
    /// The connection was reset or broke while the request was out.
    case reset(host: String)
    /// The server closed the connection before the answer was complete.
    case closedEarly
    /// What came back is not HTTP.
    case invalidHTTP(detail: String)
    /// Anything else the stack reported.
    case other(detail: String)

    /// One line for the user.
    public var reason: String {
        switch self {
        case .refused(let host): "connection refused by \(host) (is the server running?)"
        case .unreachable(let host): "no route to \(host) (network or host unreachable)"
        case .unresolved(let host): "cannot resolve \(host)"
        case .tls(let host, let detail): "TLS with \(host) failed (\(detail))"
        case .reset(let host): "the connection to \(host) was reset"
        case .closedEarly: "the server closed the connection before the answer was complete"
        case .invalidHTTP(let detail): "the answer is not valid HTTP (\(detail))"
        case .other(let detail): detail
        }
    }

    /// Whether the request may have reached the server: false only when it was never sent.
    public var mayHaveReachedTheServer: Bool {
        switch self {
        case .refused, .unreachable, .unresolved, .tls: false
        case .reset, .closedEarly, .invalidHTTP, .other: true
        }
    }
}
