import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The polls' own connection: one kept-alive HTTP/1.1 connection on the client's event loop, for the
/// participant-list GETs a running dashboard sends several times a second and nothing else.
///
/// A poll through AsyncHTTPClient's pool cost more than the poll itself (its state machines, request
/// bag, task and hops between them, measured in BENCHMARKS.md). Here a poll is one write and the
/// reads of its answer, on one thread, with the same whole-exchange deadline, body limit and errors
/// (AsyncHTTPClient's and NIO's error types, so `mapTransportError` reads them the same way). One
/// exchange at a time: a second GET while one is out goes through the pool instead.
final class PollConnection: @unchecked Sendable {
    /// What the answer was: status, headers and the whole body.
    struct Answer {
        var head: HTTPResponseHead
        var body: ByteBuffer
    }

    private struct Target {
        var host: String
        var port: Int
        var tls: Bool
        /// The Host header: the host, with the port when it is not the scheme's own.
        var hostHeader: String
    }

    // Everything below `busy` is touched only on `loop`.
    private let loop: any EventLoop
    private let target: Target
    private let connectTimeout: TimeAmount
    private let maxBodyBytes: Int
    /// Claimed by the thread that starts an exchange, released on the loop when it ends.
    private let busy = Atomic<Bool>(false)
    private var channel: (any Channel)?
    private var tlsContext: NIOSSLContext?
    private var pending: Pending?
    /// The last answer's size: room for the next body when it comes in several reads with no length said.
    private var lastBodySize = 4096

    private final class Pending {
        let id: Int
        let promise: EventLoopPromise<Answer>
        var deadline: Scheduled<Void>?
        /// The connection it was sent on, once it was.
        var channel: (any Channel)?
        var head: HTTPResponseHead?
        var body: ByteBuffer?
        init(id: Int, promise: EventLoopPromise<Answer>) {
            self.id = id
            self.promise = promise
        }
    }

    /// Nil for a base URL it cannot take apart (the pool then carries the polls too).
    init?(baseURL: String, loop: any EventLoop, connectTimeout: Double, maxBodyBytes: Int) {
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
              let host = components.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), !host.isEmpty,
              scheme == "http" || scheme == "https" else { return nil }
        let tls = scheme == "https"
        let port = components.port ?? (tls ? 443 : 80)
        let bracketed = host.contains(":") ? "[\(host)]" : host
        target = Target(host: host, port: port, tls: tls, hostHeader: components.port == nil ? bracketed : "\(bracketed):\(port)")
        self.loop = loop
        self.connectTimeout = .milliseconds(Int64(connectTimeout * 1000))
        self.maxBodyBytes = maxBodyBytes
    }

    /// Starts `GET uri` with these headers, answered by `deadline`; nil while another exchange is
    /// out on this connection.
    func get(_ uri: String, headers: HTTPHeaders, deadline: NIODeadline) -> (answer: EventLoopFuture<Answer>, cancel: @Sendable () -> Void)? {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return nil }
        let promise = loop.makePromise(of: Answer.self)
        var headers = headers
        headers.replaceOrAdd(name: "Host", value: target.hostHeader)
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: uri, headers: headers)
        let id = Self.nextID()
        loop.execute { self.start(id: id, head: head, deadline: deadline, promise: promise) }
        return (promise.futureResult, { [loop] in loop.execute { self.end(id: id, .failure(HTTPClientError.cancelled)) } })
    }

    private static let ids = Atomic<Int>(0)
    private static func nextID() -> Int { ids.add(1, ordering: .relaxed).newValue }

    // MARK: On the loop

    private func start(id: Int, head: HTTPRequestHead, deadline: NIODeadline, promise: EventLoopPromise<Answer>) {
        let exchange = Pending(id: id, promise: promise)
        pending = exchange
        exchange.deadline = loop.scheduleTask(deadline: deadline) {
            // Abandoned: the connection is in an unknown state, so it goes too.
            self.end(id: id, .failure(HTTPClientError.deadlineExceeded), closing: true)
        }
        if let channel, channel.isActive {
            send(head, on: channel)
            return
        }
        connect().whenComplete { result in
            guard self.pending?.id == id else {
                // Cancelled or out of time while connecting: a connection nobody waits for is closed.
                if case .success(let channel) = result { channel.close(promise: nil) }
                return
            }
            switch result {
            case .success(let channel):
                self.channel = channel
                self.send(head, on: channel)
            case .failure(let error):
                self.end(id: id, .failure(error))
            }
        }
    }

    private func send(_ head: HTTPRequestHead, on channel: any Channel) {
        pending?.channel = channel
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
    }

    private func connect() -> EventLoopFuture<any Channel> {
        let target = self.target
        let tls: NIOSSLContext?
        do {
            tls = try target.tls ? (tlsContext ?? NIOSSLContext(configuration: .makeClientConfiguration())) : nil
        } catch {
            return loop.makeFailedFuture(error)
        }
        tlsContext = tls
        let collector = Collector(owner: self)
        return ClientBootstrap(group: loop)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            // A 250-person page (150 KB) in one or two reads rather than twenty; the buffer grows only as answers need it.
            .channelOption(.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 1024, initial: 16 << 10, maximum: 1 << 20))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        let sni = target.host.contains(":") || target.host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : target.host
                        try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: sni))
                    }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(collector)
                }
            }
            .connect(host: target.host, port: target.port)
    }

    /// Ends the exchange `id` once, whichever comes first: its answer, an error, the deadline, a cancel.
    private func end(id: Int, _ result: Result<Answer, any Error>, closing: Bool = false) {
        guard let exchange = pending, exchange.id == id else { return }
        pending = nil
        exchange.deadline?.cancel()
        var closing = closing
        // After a failure, an answer left half-read would be taken for the next one's.
        if case .failure = result { closing = true }
        if closing, let channel = exchange.channel {
            channel.close(promise: nil)
            if self.channel === channel { self.channel = nil }
        }
        busy.store(false, ordering: .releasing)
        exchange.promise.completeWith(result)
    }

    fileprivate func received(_ part: HTTPClientResponsePart, from channel: any Channel) {
        guard let exchange = pending, exchange.channel === channel else { return }
        switch part {
        case .head(let head):
            // An interim answer (100 Continue) is not the answer.
            guard head.status.code >= 200 else { return }
            exchange.head = head
        case .body(var part):
            let had = exchange.body?.readableBytes ?? 0
            guard had + part.readableBytes <= maxBodyBytes else {
                return end(id: exchange.id, .failure(NIOTooManyBytesError(maxBytes: maxBodyBytes)))
            }
            guard exchange.body != nil else {
                // The whole answer in one read is kept as it came; a longer one gets room for all of it once.
                let length = exchange.head?.headers.first(name: "Content-Length").flatMap(Int.init) ?? lastBodySize
                if length > part.readableBytes, length <= maxBodyBytes {
                    // A length said is not yet a body sent: at most 4 MB is set aside before the bytes come.
                    exchange.body = channel.allocator.buffer(capacity: min(length, 4 << 20))
                    exchange.body!.writeBuffer(&part)
                } else {
                    exchange.body = part
                }
                return
            }
            exchange.body!.writeBuffer(&part)
        case .end:
            guard let head = exchange.head else {
                return end(id: exchange.id, .failure(HTTPClientError.remoteConnectionClosed))
            }
            let body = exchange.body ?? ByteBuffer()
            lastBodySize = max(4096, body.readableBytes)
            end(id: exchange.id, .success(Answer(head: head, body: body)), closing: !head.isKeepAlive)
        }
    }

    fileprivate func failed(_ error: any Error, on channel: any Channel) {
        if self.channel === channel { self.channel = nil }
        if let exchange = pending, exchange.channel === channel { end(id: exchange.id, .failure(error)) }
        channel.close(promise: nil)
    }

    /// The server closed the connection: idle, it is simply gone; under an exchange, the answer was cut off.
    fileprivate func closed(_ channel: any Channel) {
        if self.channel === channel { self.channel = nil }
        if let exchange = pending, exchange.channel === channel {
            end(id: exchange.id, .failure(HTTPClientError.remoteConnectionClosed))
        }
    }

    /// Hands the connection's answer parts to the owner.
    private final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPClientResponsePart
        let owner: PollConnection
        init(owner: PollConnection) { self.owner = owner }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            owner.received(unwrapInboundIn(data), from: context.channel)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            owner.failed(error, on: context.channel)
        }

        func channelInactive(context: ChannelHandlerContext) {
            owner.closed(context.channel)
            context.fireChannelInactive()
        }
    }
}
