import TwilioModels
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix

/// The shared client for Twilio's Conference and Participant resources (REST API 2010-04-01).
///
/// One pooled keep-alive HTTP client on one event-loop thread is reused for every call; every
/// exchange (connect, headers and body) has one deadline, Basic auth and a User-Agent naming
/// confwatch. 429 and 503 are retried with backoff for requests that are safe to repeat; a
/// dial-out never is. A refused connection is an answer at once: the client's own retry policy
/// decides what happens next, not the connection pool.
public final class TwilioConferencesClient: Sendable {
    public let endpoint: APIEndpoint
    public let credentials: Credentials
    public let configuration: ClientConfiguration
    let http: HTTPClient
    let logger: Logger
    /// The Basic credential, encoded once rather than for every request (kept out of descriptions).
    let authorization: Secret
    /// The polls' own kept-alive connection (see `PollConnection`).
    let pollConnection: PollConnection?
    /// The one thread every client's connections and exchanges run on, for the life of the process.
    /// It is never shut down: a client shut down while a poll or an action is still being started
    /// would otherwise leave that exchange's promise on a loop that no longer runs.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var eventLoop: any EventLoop { Self.eventLoops.next() }

    public init(
        credentials: Credentials, endpoint: APIEndpoint, configuration: ClientConfiguration = .init(),
        logger: Logger = Logger(label: "confwatch.api")
    ) {
        self.credentials = credentials
        self.endpoint = endpoint
        self.configuration = configuration
        self.logger = logger
        self.authorization = Secret(credentials.authorizationHeader)
        self.pollConnection = PollConnection(
            baseURL: endpoint.baseURL, loop: Self.eventLoops.next(), connectTimeout: configuration.connectTimeout, maxBodyBytes: configuration.maxBodyBytes)
        self.http = HTTPClient(eventLoopGroupProvider: .shared(Self.eventLoops), configuration: Self.httpConfiguration(configuration))
    }

    /// AsyncHTTPClient's settings: no redirects, no decompression, and a failed connection attempt
    /// reported at once instead of retried until the connect timeout.
    static func httpConfiguration(_ configuration: ClientConfiguration) -> HTTPClient.Configuration {
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60))
        pool.retryConnectionEstablishment = false
        var http = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000))),
            connectionPool: pool,
            decompression: .disabled
        )
        http.httpVersion = .automatic
        // No spans: with no tracer installed they would still be built, attributes and all, per request.
        http.tracing.tracer = nil
        return http
    }

    /// Closes the pooled connections; requests after this fail at once. Call once, when done.
    public func shutdown() async {
        try? await http.shutdown()
    }

    var accountPath: String { "/2010-04-01/Accounts/\(credentials.accountSid)" }

    // MARK: Sending

    /// Sends `request`, retrying 429/503 when allowed, and returns a 2xx answer or throws a `TwilioError`.
    /// Retried attempts get what is left of the policy's budget as their deadline (at most the request
    /// timeout); when that cut-short attempt runs out of time, the error being retried is the answer.
    func send(_ request: APIRequest) async throws -> APIResponse {
        let started = ContinuousClock.now
        var attempt = 0
        var rng = SystemRandomNumberGenerator()
        let policy = request.retryable ? (request.retryPolicy ?? configuration.retryPolicy) : .never
        var timeout = configuration.requestTimeout
        var retrying: TwilioError?
        while true {
            attempt += 1
            let response: APIResponse
            do {
                response = try await sendOnce(request, timeout: timeout)
            } catch let error as TwilioError {
                if case .timeout = error, let retrying, timeout < configuration.requestTimeout { throw retrying }
                throw error
            }
            if (200..<300).contains(response.status) {
                return APIResponse(status: response.status, headers: response.headers, body: response.body, attempts: attempt)
            }
            let error = Self.error(from: response, operation: request.operation)
            let elapsed = (ContinuousClock.now - started).inSeconds
            let retryAfter = RetryPolicy.parseRetryAfter(response.headers.first(name: "Retry-After"), now: Date().timeIntervalSince1970)
            guard error.isRetryableStatus,
                  let wait = policy.delay(afterAttempt: attempt, retryAfter: retryAfter, elapsed: elapsed, using: &rng) else {
                throw error
            }
            logger.debug("retrying after HTTP \(response.status)", metadata: ["operation": "\(request.operation)", "wait": "\(wait)", "attempt": "\(attempt)"])
            do {
                try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            } catch {
                throw TwilioError.cancelled(operation: request.operation)
            }
            guard let left = policy.attemptTimeout(requestTimeout: configuration.requestTimeout, elapsed: (ContinuousClock.now - started).inSeconds) else {
                throw error
            }
            timeout = left
            retrying = error
        }
    }

    private func sendOnce(_ request: APIRequest, timeout: Double) async throws -> APIResponse {
        let exchange = self.exchange(request, timeout: timeout)
        return try await withTaskCancellationHandler {
            try await exchange.result.get()
        } onCancel: {
            exchange.cancel()
        }
    }

    /// The error an answer that is not 2xx stands for. A server may echo the request's Authorization
    /// header or a secret in its text: what it says is redacted here, before anything shows or keeps it.
    static func error(from response: APIResponse, operation: String) -> TwilioError {
        if var body = try? JSONDecoder().decode(APIErrorBody.self, from: response.body), !body.message.isEmpty {
            body.message = Redaction.redact(body.message)
            body.moreInfo = body.moreInfo.map(Redaction.redact)
            body.retryAfter = RetryPolicy.parseRetryAfter(response.headers.first(name: "Retry-After"), now: Date().timeIntervalSince1970)
            return .api(body, operation: operation)
        }
        // Redacted before it is cut, so that no secret is left half-shown at the cut.
        let text = Redaction.redact(String(decoding: response.body.readableBytesView.prefix(4096), as: UTF8.self))
        let snippet = String(text.prefix(120))
        return .http(status: response.status, snippet: snippet.trimmingCharacters(in: .whitespacesAndNewlines), operation: operation)
    }

    /// Decodes a 2xx body, turning a decoding failure into a one-line `TwilioError.decoding`.
    func decode<T: Decodable>(_ type: T.Type, from response: APIResponse, operation: String, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo = userInfo
        // Bytes that are not UTF-8 spoil the fields they are in, not the whole answer.
        let repaired = UTF8Repair.repaired(response.body.readableBytesView)
        decoder.userInfo[.repairedUTF8] = repaired != nil
        do {
            if let repaired { return try decoder.decode(T.self, from: Data(repaired)) }
            return try decoder.decode(T.self, from: response.body)
        } catch {
            throw TwilioError.decoding(reason: Self.describe(error, body: response.body.readableBytesView), operation: operation)
        }
    }

    /// What was wrong with an answer that could not be read, in words: gzip nobody asked for, bytes
    /// that are not UTF-8, a cut-off body, or the field that did not fit.
    static func describe<Body: Collection<UInt8>>(_ error: any Error, body: Body) -> String {
        let bytes = body.count
        if body.starts(with: [0x1F, 0x8B]) {
            return "the answer is gzip-compressed (\(bytes) bytes), though none was asked for; a proxy may be compressing it"
        }
        guard let error = error as? DecodingError else { return TwilioError.oneLine(String(describing: error), limit: 160) }
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, UTF8Repair.repaired(body) != nil {
            return "the answer is not valid UTF-8 (\(bytes) bytes)"
        }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "the top level" : p
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON (\(bytes) bytes, truncated or malformed)" }
            return "bad value at \(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "field \(key.stringValue) is missing at \(path(context))"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not a \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null where a \(type) is expected"
        @unknown default:
            return "unexpected shape"
        }
    }
}
