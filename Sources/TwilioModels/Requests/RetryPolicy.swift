
/// When and how long to wait before repeating a request that got 429 (Twilio 20429) or 503.
///
/// Exponential backoff with "equal jitter" (half the step fixed, half random), a `Retry-After`
/// header taking precedence, and a total time budget after which the last error is returned.
/// A retried attempt's deadline is cut to what is left of the budget, so once a call is retried it
/// ends within the budget (the first attempt has the client's request timeout, as any call does).
/// Only requests that are safe to repeat are retried; a dial-out never is.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// Wait before the first retry, in seconds; doubles each time.
    public var baseDelay: Double
    /// Longest single wait, in seconds.
    public var maxDelay: Double
    /// Longest total time spent on one call, waits and retried attempts included, in seconds.
    public var budget: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 8, budget: Double = 20) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.budget = budget
    }

    public static let standard = RetryPolicy()
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1` (attempt counts from 1), or nil when it is time to stop.
    /// `retryAfter` is the server's `Retry-After` in seconds; `elapsed` the time spent so far.
    public func delay<R: RandomNumberGenerator>(
        afterAttempt attempt: Int, retryAfter: Double?, elapsed: Double, using rng: inout R
    ) -> Double? {
        guard attempt < maxAttempts else { return nil }
        let wait = retryAfter.flatMap { $0 >= 0 ? $0 : nil } ?? backoff(afterAttempt: attempt, using: &rng)
        return elapsed + wait < budget ? wait : nil
    }

    /// The jittered wait after `attempt` failures in a row (counting from 1): the step doubles from
    /// `baseDelay` up to `maxDelay`; half of it is fixed, half random ("equal jitter").
    public func backoff<R: RandomNumberGenerator>(afterAttempt attempt: Int, using rng: inout R) -> Double {
        let step = step(afterAttempt: attempt)
        return step / 2 + Double.random(in: 0...(step / 2), using: &rng)
    }

    /// The step after `attempt` failures in a row, before jitter: `baseDelay` doubling up to `maxDelay`.
    public func step(afterAttempt attempt: Int) -> Double {
        min(maxDelay, baseDelay * Double(1 << min(max(attempt, 1) - 1, 30)))
    }

    /// The deadline of a retried attempt starting `elapsed` seconds into the call: the request
    /// timeout, or less when the budget has less left; nil when nothing is left.
    public func attemptTimeout(requestTimeout: Double, elapsed: Double) -> Double? {
        let left = budget - elapsed
        return left > 0 ? min(requestTimeout, left) : nil
    }

    /// Parses `Retry-After`: whole seconds, or an HTTP date (RFC 2822 form) relative to `now`.
    public static func parseRetryAfter(_ value: String?, now: Double) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return seconds }
        if let date = RFC2822.date(from: value) { return max(0, date.timeIntervalSince1970 - now) }
        return nil
    }
}

import Foundation
