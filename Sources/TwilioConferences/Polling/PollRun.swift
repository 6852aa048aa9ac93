import Foundation
import NIOCore
import Synchronization
import TwilioModels

extension TwilioConferencesClient {
    /// A poll under way: its outcome, and how to abandon it.
    public struct PollRequest: Sendable {
        public let outcome: EventLoopFuture<ParticipantsPoll.Outcome>
        public let cancel: @Sendable () -> Void
    }

    /// Starts one poll of a conference's participants through `poll`, entirely on the client's event
    /// loop: the request (PageSize 1000, a full conference), the byte comparison with the last answer,
    /// and decoding only what changed. Every page is read every time; a poll is whole or it fails.
    /// Not retried: the poller backs off by itself.
    public func startPoll(conferenceSid: String, filter: ParticipantFilter = .all, through poll: ParticipantsPoll) -> PollRequest {
        let operation = "list participants of \(conferenceSid)"
        let run = PollRun()
        do {
            try Self.requireConferenceSid(conferenceSid, operation: operation)
        } catch {
            return PollRequest(outcome: eventLoop.makeFailedFuture(error), cancel: {})
        }
        let first = APIRequest(
            method: .GET, path: participantsPath(conferenceSid) + ".json",
            query: filter.queryItems + [("PageSize", String(configuration.pageSize))], operation: operation, retryable: false)
        @Sendable func fetch(_ request: APIRequest, page index: Int) -> EventLoopFuture<Void> {
            guard let exchange = run.begin({ self.exchange(request, timeout: self.configuration.requestTimeout) }) else {
                return eventLoop.makeFailedFuture(TwilioError.cancelled(operation: operation))
            }
            return exchange.result.flatMapThrowing { response -> String? in
                guard (200..<300).contains(response.status) else { throw Self.error(from: response, operation: operation) }
                let read: ParticipantsPoll.PageRead
                do {
                    read = try poll.read(page: index, response.body)
                } catch {
                    throw TwilioError.decoding(reason: Self.describe(error, body: response.body.readableBytesView), operation: operation)
                }
                run.add(read, bytes: response.body.readableBytes)
                guard let next = read.memory.nextPageURI else { return nil }
                try self.checkPageCount(index + 2, operation: operation)
                let path = try self.pagePath(next, operation: operation)
                try run.visit(path, operation: operation)
                return path
            }.flatMap { next in
                guard let next else { return exchange.result.eventLoop.makeSucceededVoidFuture() }
                return fetch(APIRequest(method: .GET, path: next, operation: operation, retryable: false), page: index + 1)
            }
        }
        let outcome = fetch(first, page: 0).map { () -> ParticipantsPoll.Outcome in
            let reads = run.reads
            let changed = reads.count != poll.pageCount || reads.contains(where: \.changed)
            poll.commit(reads)
            let participants = reads.count == 1 ? reads[0].memory.participants : reads.flatMap(\.memory.participants)
            return ParticipantsPoll.Outcome(
                participants: participants, changed: changed, decoded: reads.reduce(0) { $0 + $1.decoded }, bytes: run.bytes,
                requests: reads.count, problems: changed ? reads.flatMap(\.problems) : [])
        }
        return PollRequest(outcome: outcome, cancel: { run.cancel() })
    }

    /// One poll, awaited: `startPoll`, cancelled with the calling task.
    public func pollParticipants(conferenceSid: String, filter: ParticipantFilter = .all, through poll: ParticipantsPoll) async throws -> ParticipantsPoll.Outcome {
        let request = startPoll(conferenceSid: conferenceSid, filter: filter, through: poll)
        return try await withTaskCancellationHandler {
            try await request.outcome.get()
        } onCancel: {
            request.cancel()
        }
    }
}

/// The state of one poll across its pages: what was read, and the exchange to cancel.
final class PollRun: Sendable {
    private struct State {
        var cancelled = false
        var current: (@Sendable () -> Void)?
        var reads: [ParticipantsPoll.PageRead] = []
        var bytes = 0
        var trail = PageTrail(first: nil)
    }

    private let state = Mutex(State())

    /// Starts the next exchange unless the poll was cancelled.
    func begin(_ start: () -> Exchange) -> Exchange? {
        state.withLock { s in
            guard !s.cancelled else { return nil }
            let exchange = start()
            s.current = exchange.cancel
            return exchange
        }
    }

    func add(_ read: ParticipantsPoll.PageRead, bytes: Int) {
        state.withLock {
            $0.reads.append(read)
            $0.bytes += bytes
        }
    }

    /// Refuses a page this poll has already read (a loop of pages).
    func visit(_ path: String, operation: String) throws {
        try state.withLock { try $0.trail.visit(path, operation: operation) }
    }

    var reads: [ParticipantsPoll.PageRead] { state.withLock { $0.reads } }
    var bytes: Int { state.withLock { $0.bytes } }

    func cancel() {
        let current = state.withLock { s -> (@Sendable () -> Void)? in
            s.cancelled = true
            return s.current
        }
        current?()
    }
}
