import Foundation

/// Why polling stopped by itself.
public enum PollHalt: Sendable, Hashable {
    /// 401/403: the credentials are wrong; polling again would not help.
    case unauthorized(String)
    /// 404: the conference ended (or vanished); the last snapshot stays on screen.
    case conferenceEnded(String)
}

/// How polling is going: what the header shows (age, latency, STALE).
public struct PollStatus: Sendable, Hashable {
    public var lastSuccess: Date?
    public var lastLatency: Double?
    public var lastError: String?
    public var failures = 0
    public var failingSince: Date?
    /// When the poller will try again (after a failure, backing off).
    public var nextAttempt: Date?
    public var halted: PollHalt?
    public var polls = 0
    /// When polling (re)started: the first poll goes out then.
    public var startedAt: Date?

    /// The data on screen is not current: the last poll failed, or polling stopped.
    public var isStale: Bool { lastError != nil || halted != nil }

    /// Data older than this, with a poll still out, is stale although nothing failed (yet): twice
    /// the interval, and never under a second.
    public static func staleAfter(interval: Double) -> Double { max(2 * interval, 1) }

    /// When the poll still waiting for its answer went out, once that is overdue; nil when none is.
    /// Nothing tells the UI a poll went out, so it is inferred from what is known: the next poll goes
    /// one interval after the last answer (the first at the start), or when a failure's backoff ends.
    /// Overdue: the data is older than `staleAfter(interval:)`, or a retry has gone a second unanswered.
    public func waitingSince(now: Date, interval: Double) -> Date? {
        guard halted == nil else { return nil }
        if lastError != nil {
            guard let retried = nextAttempt, now.timeIntervalSince(retried) >= 1 else { return nil }
            return retried
        }
        guard let reference = lastSuccess ?? startedAt, now.timeIntervalSince(reference) > Self.staleAfter(interval: interval) else { return nil }
        let sent = lastSuccess.map { $0.addingTimeInterval(interval) } ?? reference
        return max(sent, startedAt ?? sent)
    }

    /// A poll answered: fresh again.
    mutating func succeeded(at: Date, latency: Double) {
        lastSuccess = at
        lastLatency = latency
        lastError = nil
        failures = 0
        failingSince = nil
        nextAttempt = nil
        halted = nil
        polls += 1
    }

    /// A poll failed: stale, counting, and when the next try is.
    mutating func failed(_ failure: PollFailure, at: Date) {
        lastError = failure.message
        failures += 1
        failingSince = failingSince ?? at
        nextAttempt = failure.retryAt
    }
}

/// A failed poll as the poller reports it.
public struct PollFailure: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case unauthorized
        case notFound
        case other
    }

    public var kind: Kind
    public var message: String
    /// When the poller will try again, if it will.
    public var retryAt: Date?

    public init(kind: Kind, message: String, retryAt: Date?) {
        self.kind = kind
        self.message = message
        self.retryAt = retryAt
    }
}
