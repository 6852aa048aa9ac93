import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TwilioModels

/// One request and its whole answer, on the client's event loop: the primitive every call is built
/// on. The deadline covers the whole exchange — connecting, the headers and every byte of the body —
/// so a server that stalls after its headers, trickles, or streams without end is abandoned when it
/// passes, and reported as a timeout.
struct Exchange: Sendable {
    /// The answer (any status), or a `TwilioError`.
    let result: EventLoopFuture<APIResponse>
    /// Abandons the exchange; `result` fails as cancelled.
    let cancel: @Sendable () -> Void
}

extension TwilioConferencesClient {
    /// A GET goes on the reads' own kept-alive connection when it is free (see `PollConnection`);
    /// everything else, and a GET while that connection is busy, through AsyncHTTPClient's pool.
    func exchange(_ request: APIRequest, timeout: Double) -> Exchange {
        let loop = eventLoop
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: authorization.withValue { $0 })
        headers.add(name: "User-Agent", value: configuration.userAgent)
        headers.add(name: "Accept", value: "application/json")
        let started = NIODeadline.now()
        let deadline = started + .milliseconds(Int64((timeout * 1000).rounded(.up)))
        let answer: EventLoopFuture<(status: HTTPResponseStatus, headers: HTTPHeaders, body: ByteBuffer)>
        let cancel: @Sendable () -> Void
        // The reads' connection writes the URI into the request line as it is: only visible ASCII
        // goes there (a server's next_page_uri with a space or CR LF takes the pool's way, which encodes it).
        let uri = request.pathWithQuery
        if request.method == .GET, request.form == nil, let pollConnection, uri.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
           let sent = pollConnection.get(uri, headers: headers, deadline: deadline) {
            answer = sent.answer.map { ($0.head.status, $0.head.headers, $0.body) }
            cancel = sent.cancel
        } else {
            let outbound: HTTPClient.Request
            do {
                var body: HTTPClient.Body?
                if let form = request.form {
                    headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                    body = .byteBuffer(ByteBuffer(string: FormEncoding.encode(form)))
                }
                outbound = try HTTPClient.Request(url: endpoint.baseURL + request.pathWithQuery, method: request.method, headers: headers, body: body)
            } catch {
                let failure = TwilioError.invalid(
                    [FieldError(field: "URL", problem: "'\(TwilioError.oneLine(request.path, limit: 80))' cannot be requested", fix: "check the API URL and the names given")],
                    operation: request.operation)
                return Exchange(result: loop.makeFailedFuture(failure), cancel: {})
            }
            let task = http.execute(
                request: outbound, delegate: ResponseAccumulator(request: outbound, maxBodySize: configuration.maxBodyBytes),
                eventLoop: .delegateAndChannel(on: loop), deadline: deadline)
            answer = task.futureResult.map { ($0.status, $0.headers, $0.body ?? ByteBuffer()) }
            cancel = { task.cancel() }
        }
        let logger = self.logger, method = request.method.rawValue, path = request.path
        let result = answer.flatMapErrorThrowing { error in
            throw self.mapTransportError(error, timeout: timeout, operation: request.operation)
        }.map { response -> APIResponse in
            if logger.logLevel <= .debug {
                let ms = Double((NIODeadline.now() - started).nanoseconds) / 1_000_000
                logger.debug("\(method) \(path) → \(response.status.code)", metadata: ["ms": "\(ms)", "bytes": "\(response.body.readableBytes)"])
            }
            return APIResponse(status: Int(response.status.code), headers: response.headers, body: response.body, attempts: 1)
        }
        return Exchange(result: result, cancel: cancel)
    }

    func mapTransportError(_ error: any Error, timeout: Double, operation: String) -> TwilioError {
        if let error = error as? TwilioError { return error }
        if error is CancellationError { return .cancelled(operation: operation) }
        if error is NIOTooManyBytesError || error is ResponseAccumulator.ResponseTooBigError {
            return .decoding(reason: "the answer is larger than \(configuration.maxBodyBytes >> 20) MB", operation: operation)
        }
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timeout(seconds: timeout, operation: operation)
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return .timeout(seconds: min(timeout, configuration.connectTimeout), operation: operation)
            case .cancelled:
                return .cancelled(operation: operation)
            default:
                break
            }
        }
        if let failure = transportFailure(error) { return .transport(failure, operation: operation) }
        return .transport(.other(detail: TwilioError.oneLine(String(describing: error), limit: 160)), operation: operation)
    }
}
