import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP/1.1 server for the reads' connection: it answers every request with one empty
/// participants page (or the one given) and counts the connections it accepted. It can close each connection after
/// its answer, and hold every answer back until a number of requests are waiting at once.
final class CountingServer: Sendable {
    private let channel: any Channel
    private let counts: Counts
    let port: Int

    final class Counts: Sendable {
        let connections = Atomic<Int>(0)
        let requests = Atomic<Int>(0)
        /// Requests that arrived with an `X-Smuggled` header.
        let smuggled = Atomic<Int>(0)
        /// Answers held back, each to be sent on its own connection's loop.
        let held = Mutex<[@Sendable () -> Void]>([])
    }

    /// Connections accepted so far.
    var connections: Int { counts.connections.load(ordering: .relaxed) }
    /// Requests that arrived with an `X-Smuggled` header (one a client let a URI slip into).
    var smuggled: Int { counts.smuggled.load(ordering: .relaxed) }
    /// Requests answered so far.
    var requests: Int { counts.requests.load(ordering: .relaxed) }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static let page = #"{"participants":[],"page":0,"page_size":1000,"next_page_uri":null}"#

    static func start(closeAfterAnswer: Bool = false, holdUntilWaiting: Int = 1, page: String = CountingServer.page) async throws -> CountingServer {
        let counts = Counts()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                counts.connections.add(1, ordering: .relaxed)
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(Answerer(counts: counts, close: closeAfterAnswer, holdUntil: holdUntilWaiting, page: page))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return CountingServer(channel: channel, counts: counts, port: channel.localAddress?.port ?? 0)
    }

    private init(channel: any Channel, counts: Counts, port: Int) {
        self.channel = channel
        self.counts = counts
        self.port = port
    }

    func stop() async { try? await channel.close() }

    private final class Answerer: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let counts: Counts
        let close: Bool
        let holdUntil: Int
        let page: String

        init(counts: Counts, close: Bool, holdUntil: Int, page: String) {
            self.counts = counts
            self.close = close
            self.holdUntil = holdUntil
            self.page = page
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let part = unwrapInboundIn(data)
            if case .head(let head) = part, head.headers.contains(name: "X-Smuggled") { counts.smuggled.add(1, ordering: .relaxed) }
            guard case .end = part else { return }
            let bound = NIOLoopBound((context, self), eventLoop: context.eventLoop)
            let loop = context.eventLoop
            let send: @Sendable () -> Void = {
                loop.execute {
                    let (context, handler) = bound.value
                    handler.answer(context)
                }
            }
            let ready = counts.held.withLock { held -> [@Sendable () -> Void] in
                held.append(send)
                guard held.count >= holdUntil else { return [] }
                defer { held.removeAll() }
                return held
            }
            for answer in ready { answer() }
        }

        private func answer(_ context: ChannelHandlerContext) {
            counts.requests.add(1, ordering: .relaxed)
            var headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "\(page.utf8.count)")])
            if close { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: page)))), promise: nil)
            let closing = close
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in if closing { context.close(promise: nil) } }
        }
    }
}
