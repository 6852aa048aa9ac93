import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TwilioModels

/// The embedded Twilio-compatible server: the conference paths of REST API 2010-04-01 on loopback,
/// with scripted activity and fault injection. A product part: the demo, every test and every
/// benchmark run against it.
public final class ConferenceSimulator: Sendable {
    public let configuration: SimulatorConfiguration
    let router: SimulatorRouter

    struct Core: Sendable {
        var state: SimulatorState
        var faults: FaultPlan
        var log = RequestLog()
        var inFlight = 0
        var maxInFlight = 0
        var pendingVanish: [(reference: String, at: Date)]
        /// Tests waiting for a number of requests (`waitForRequests`).
        var requestWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        /// Logs an answered request and wakes the tests waiting for it.
        mutating func record(_ request: LoggedRequest) -> [CheckedContinuation<Void, Never>] {
            log.append(request)
            let total = log.total
            let due = requestWaiters.filter { $0.count <= total }.map(\.continuation)
            requestWaiters.removeAll { $0.count <= total }
            return due
        }
    }

    struct Running: Sendable {
        var task: Task<Void, Never>?
        var services: ServiceGroup?
        var baseURL: String?
        var stopping = false
        var startError: String?
    }

    let core: Mutex<Core>
    let running = Mutex(Running())

    public init(_ configuration: SimulatorConfiguration = .init()) {
        self.configuration = configuration
        let now = configuration.clock.now
        var state = SimulatorState(
            accountSid: configuration.accountSid, seed: configuration.seed, activity: configuration.activity,
            timing: configuration.timing, now: now)
        state.activity.target = max(2, configuration.participants)
        state.maxPageSize = configuration.maxPageSize
        Population.seed(&state, conferences: configuration.conferences, participants: configuration.participants, now: now)
        core = Mutex(Core(
            state: state, faults: FaultPlan(rules: configuration.faults, seed: configuration.seed),
            pendingVanish: configuration.endConferences.map { ($0.reference, now.addingTimeInterval($0.after)) }))
        var logins = configuration.apiKeys
        logins[configuration.accountSid] = configuration.authToken
        router = SimulatorRouter(accountSid: configuration.accountSid, logins: logins)
    }

    /// The address it listens on, e.g. `http://127.0.0.1:53117`, once started.
    public var baseURL: String? { running.withLock { $0.baseURL } }

    // MARK: Serving

    /// Starts listening and returns the base URL. Throws when the address cannot be bound.
    @discardableResult
    public func start() async throws -> String {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let quiet = Logger(label: "confwatch.sim.http") { _ in SwiftLogNoOpLogHandler() }
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await self.serve(request) },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: quiet)
        var group = ServiceGroupConfiguration(services: [.init(service: app)], logger: quiet)
        // A stop shuts down gracefully (see `stop`); what is still running after this is cancelled.
        group.maximumGracefulShutdownDuration = .seconds(2)
        let services = ServiceGroup(configuration: group)
        let task = Task {
            do {
                try await services.run()
            } catch {
                self.running.withLock { $0.startError = String(describing: error) }
            }
            continuation.finish()
        }
        running.withLock {
            $0.task = task
            $0.services = services
        }
        var port: Int?
        for await value in ports {
            port = value
            break
        }
        guard let port, port > 0 else {
            let reason = running.withLock { $0.startError } ?? "unknown error"
            throw ConfigurationError("cannot listen on \(configuration.host):\(configuration.port): \(TwilioError.oneLine(reason, limit: 160)); pick another --port, or 0 for any free one")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let url = "http://\(host):\(port)"
        running.withLock { $0.baseURL = url }
        return url
    }

    /// Stops listening; hanging answers are released.
    ///
    /// A graceful shutdown, not a cancellation: the server stops accepting, serves every connection
    /// it has already accepted (closing the idle ones) and then ends. Cancelling the serving task
    /// instead can drop a connection accepted but not yet served, which NIO treats as a fatal error
    /// ("Deinited NIOAsyncWriter without calling finish()").
    public func stop() async {
        let (task, services) = running.withLock { state -> (Task<Void, Never>?, ServiceGroup?) in
            state.stopping = true
            return (state.task, state.services)
        }
        await services?.triggerGracefulShutdown()
        await task?.value
    }

    /// Runs until the surrounding task is cancelled (the `sim` command's foreground mode).
    public func wait() async {
        let task = running.withLock { $0.task }
        await withTaskCancellationHandler {
            await task?.value
        } onCancel: {
            Task { await self.stop() }
        }
    }

    private func serve(_ request: Request) async throws -> Response {
        let receivedAt = Date().timeIntervalSince1970
        let body = try await request.body.collect(upTo: 1 << 20)
        let simRequest = SimRequest(
            method: request.method.rawValue, path: request.uri.path, query: Substring(request.uri.query ?? ""),
            authorization: request.headers[.authorization], contentType: request.headers[.contentType],
            body: Array(body.readableBytesView))
        let userAgent = request.headers[.userAgent]
        let response: SimResponse
        if simRequest.path.hasPrefix("/_sim/") {
            response = control(simRequest)
        } else {
            let (latency, fault) = core.withLock { core in
                core.inFlight += 1
                core.maxInFlight = max(core.maxInFlight, core.inFlight)
                return core.faults.draw(method: simRequest.method, query: simRequest.query)
            }
            defer { core.withLock { $0.inFlight -= 1 } }
            if let latency { try? await Task.sleep(for: .milliseconds(Int64(latency * 1000))) }
            // A status fault means the request was never processed; the others lose or spoil a real answer.
            var answer: SimResponse
            if case .status? = fault {
                answer = SimResponse(status: 200, headers: [], body: [])
            } else {
                answer = respond(to: simRequest)
            }
            if let fault { answer = FaultApplication.apply(fault, to: answer) }
            let logged = LoggedRequest(
                method: simRequest.method, path: simRequest.path, query: String(simRequest.query), status: answer.status,
                fault: fault.map { FaultRule($0).description }, userAgent: userAgent, receivedAt: receivedAt)
            for waiter in core.withLock({ $0.record(logged) }) { waiter.resume() }
            response = answer
        }
        return try await deliver(response)
    }

    /// Answers one API request against the current state (no faults).
    func respond(to request: SimRequest) -> SimResponse {
        let now = configuration.clock.now
        return core.withLock { core in
            core.applyDueVanishing(now: now)
            if configuration.churn, request.method == "GET", request.path.hasSuffix("/Participants.json") {
                core.state.churn(conference: request.path, at: now)
            }
            var response = router.handle(request, state: &core.state, now: now)
            response.headers.append(("Twilio-Request-Id", core.state.rng.sid("RQ")))
            return response
        }
    }

    private func deliver(_ response: SimResponse) async throws -> Response {
        var headers = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        let bytes = ByteBuffer(bytes: response.body)
        switch response.delivery {
        case .normal:
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: bytes))
        case .resetAfter(let count):
            return Response(status: status, headers: headers, body: ResponseBody(contentLength: bytes.readableBytes) { writer in
                if count > 0 { try await writer.write(bytes.getSlice(at: bytes.readerIndex, length: count) ?? ByteBuffer()) }
                throw SimulatedReset()
            })
        case .hang:
            try await waitUntilStopped()
            throw SimulatedReset()
        case .stallAfterHeaders:
            return Response(status: status, headers: headers, body: ResponseBody(contentLength: bytes.readableBytes) { _ in
                try await self.waitUntilStopped()
                throw SimulatedReset()
            })
        case .trickle(let rate):
            return Response(status: status, headers: headers, body: ResponseBody(contentLength: bytes.readableBytes) { writer in
                let pause = Duration.milliseconds(Int64(max(1, 1000 / rate)))
                for index in bytes.readableBytesView.indices {
                    guard !self.running.withLock({ $0.stopping }) else { throw SimulatedReset() }
                    try await writer.write(bytes.getSlice(at: index, length: 1) ?? ByteBuffer())
                    try await Task.sleep(for: pause)
                }
                try await writer.finish(nil)
            })
        case .endless:
            headers[.contentLength] = nil
            return Response(status: status, headers: headers, body: ResponseBody { writer in
                let filler = ByteBuffer(string: String(repeating: " ", count: 64))
                while !self.running.withLock({ $0.stopping }) {
                    try await writer.write(filler)
                    try await Task.sleep(for: .milliseconds(20))
                }
                throw SimulatedReset()
            })
        }
    }

    /// Sleeps until the simulator stops (at most ten minutes): how a fault that never answers waits.
    private func waitUntilStopped() async throws {
        let deadline = ContinuousClock.now + .seconds(600)
        while ContinuousClock.now < deadline, !running.withLock({ $0.stopping }) {
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    struct SimulatedReset: Error {}
}

extension ConferenceSimulator.Core {
    mutating func applyDueVanishing(now: Date) {
        guard !pendingVanish.isEmpty else { return }
        let due = pendingVanish.filter { $0.at <= now }
        pendingVanish.removeAll { $0.at <= now }
        for item in due { state.vanish(item.reference) }
    }
}

extension SimulatorState {
    /// The "conference ended" fault: the conference and everything under it answer 404 from now on.
    mutating func vanish(_ reference: String) {
        for c in conferences.indices where conferences[c].sid == reference || conferences[c].friendlyName == reference {
            conferences[c].vanished = true
        }
    }
}
