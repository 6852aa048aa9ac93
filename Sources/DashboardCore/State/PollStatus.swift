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

    /// The data on screen is not current: the last poll failed, or polling stopped.
    public var isStale: Bool { lastError != nil || halted != nil }

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
