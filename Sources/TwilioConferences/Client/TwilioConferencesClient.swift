import TwilioModels
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The shared client for Twilio's Conference and Participant resources (REST API 2010-04-01).
///
/// One pooled keep-alive HTTP client is reused for every call; every request has a deadline,
/// Basic auth and a User-Agent naming confwatch. 429 and 503 are retried with backoff for
/// requests that are safe to repeat; a dial-out never is.
public final class TwilioConferencesClient: Sendable {
    public let endpoint: APIEndpoint
    public let credentials: Credentials
    public let configuration: ClientConfiguration
    let http: HTTPClient
    let logger: Logger

    public init(
        credentials: Credentials, endpoint: APIEndpoint, configuration: ClientConfiguration = .init(),
        logger: Logger = Logger(label: "confwatch.api")
    ) {
        self.credentials = credentials
        self.endpoint = endpoint
        self.configuration = configuration
        self.logger = logger
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000))),
            connectionPool: .init(idleTimeout: .seconds(60)),
            decompression: .disabled
        )
        httpConfiguration.httpVersion = .automatic
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// Closes the pooled connections. Call once, when done.
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
        var outbound = HTTPClientRequest(url: endpoint.baseURL + request.pathWithQuery)
        outbound.method = request.method
        outbound.headers.add(name: "Authorization", value: credentials.authorizationHeader)
        outbound.headers.add(name: "User-Agent", value: configuration.userAgent)
        outbound.headers.add(name: "Accept", value: "application/json")
        if let form = request.form {
            outbound.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            outbound.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        }
        let started = ContinuousClock.now
        do {
            let response = try await http.execute(outbound, timeout: .milliseconds(Int64((timeout * 1000).rounded(.up))))
            let body = try await response.body.collect(upTo: configuration.maxBodyBytes)
            logger.debug(
                "\(request.method.rawValue) \(request.path) → \(response.status.code)",
                metadata: ["ms": "\((ContinuousClock.now - started).inSeconds * 1000)", "bytes": "\(body.readableBytes)"])
            return APIResponse(status: Int(response.status.code), headers: response.headers, body: body, attempts: 1)
        } catch {
            throw mapTransportError(error, timeout: timeout, operation: request.operation)
        }
    }

    private func mapTransportError(_ error: any Error, timeout: Double, operation: String) -> TwilioError {
        if error is CancellationError || Task.isCancelled { return .cancelled(operation: operation) }
        if error is NIOTooManyBytesError {
            return .decoding(reason: "the answer is larger than \(configuration.maxBodyBytes >> 20) MB", operation: operation)
        }
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timeout(seconds: timeout, operation: operation)
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return .timeout(seconds: configuration.connectTimeout, operation: operation)
            case .cancelled:
                return .cancelled(operation: operation)
            default:
                break
            }
        }
        if let failure = transportFailure(error) { return .transport(failure, operation: operation) }
        return .transport(.other(detail: TwilioError.oneLine(String(describing: error), limit: 160)), operation: operation)
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
        do {
            return try decoder.decode(T.self, from: response.body)
        } catch {
            throw TwilioError.decoding(reason: Self.describe(error, bytes: response.body.readableBytes), operation: operation)
        }
    }

    static func describe(_ error: any Error, bytes: Int) -> String {
        guard let error = error as? DecodingError else { return TwilioError.oneLine(String(describing: error), limit: 160) }
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
