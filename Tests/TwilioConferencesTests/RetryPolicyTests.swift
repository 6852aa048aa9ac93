import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Backoff, jitter and Retry-After")
struct RetryPolicyTests {
    @Test func backsOffExponentiallyWithJitterAndACap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 1, maxDelay: 4, budget: 1000)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let first = policy.delay(afterAttempt: 1, retryAfter: nil, elapsed: 0, using: &rng)!
            let second = policy.delay(afterAttempt: 2, retryAfter: nil, elapsed: 0, using: &rng)!
            let late = policy.delay(afterAttempt: 8, retryAfter: nil, elapsed: 0, using: &rng)!
            #expect((0.5...1).contains(first))
            #expect((1...2).contains(second))
            #expect((2...4).contains(late))
        }
    }

    @Test func honoursRetryAfterAndStopsAtTheLimits() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 4, budget: 10)
        var rng = SystemRandomNumberGenerator()
        #expect(policy.delay(afterAttempt: 1, retryAfter: 7, elapsed: 0, using: &rng) == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 11, elapsed: 0, using: &rng) == nil)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3, elapsed: 8, using: &rng) == nil)
        #expect(policy.delay(afterAttempt: 3, retryAfter: 0, elapsed: 0, using: &rng) == nil)
        #expect(RetryPolicy.never.delay(afterAttempt: 1, retryAfter: 0, elapsed: 0, using: &rng) == nil)
    }

    @Test func aRetriedAttemptGetsWhatIsLeftOfTheBudget() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 1, maxDelay: 4, budget: 20)
        #expect(policy.attemptTimeout(requestTimeout: 10, elapsed: 3) == 10)
        #expect(policy.attemptTimeout(requestTimeout: 10, elapsed: 14.5) == 5.5)
        #expect(policy.attemptTimeout(requestTimeout: 10, elapsed: 20) == nil)
        #expect(policy.attemptTimeout(requestTimeout: 10, elapsed: 25) == nil)
        var rng = SystemRandomNumberGenerator()
        #expect(policy.delay(afterAttempt: 1, retryAfter: 5, elapsed: 15, using: &rng) == nil, "no retry with nothing left for it")
    }

    @Test func readsRetryAfterInSecondsOrAsADate() {
        #expect(RetryPolicy.parseRetryAfter("2", now: 0) == 2)
        #expect(RetryPolicy.parseRetryAfter(" 0 ", now: 0) == 0)
        #expect(RetryPolicy.parseRetryAfter("Thu, 01 Jan 1970 00:00:30 GMT", now: 10) == 20)
        #expect(RetryPolicy.parseRetryAfter("soon", now: 0) == nil)
        #expect(RetryPolicy.parseRetryAfter("-3", now: 0) == nil)
        #expect(RetryPolicy.parseRetryAfter(nil, now: 0) == nil)
    }
}
