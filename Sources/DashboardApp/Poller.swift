import DashboardCore
import Dispatch
import Foundation
import TwilioConferences
import TwilioModels

/// Polls one conference: never more than one request in flight, backs off (the client's
/// `RetryPolicy` formula, capped) after failures, honours Retry-After, and reports every outcome to
/// the UI loop as a message. Switching target or stopping cancels the request in flight. Time comes
/// from a `PollScheduler` (a DispatchSourceTimer in the product) and a clock, both replaceable.
final class Poller: @unchecked Sendable {
    private let queue = DispatchQueue(label: "confwatch.poller")
    private let client: TwilioConferencesClient
    private let post: @Sendable (Message) -> Void
    private let interval: Double
    private let scheduler: any PollScheduler
    private let now: @Sendable () -> Date
    /// How the wait grows while polls fail: from two intervals, doubling, up to the cap.
    private let backoff: RetryPolicy
    private var target: (sid: String, filter: ParticipantFilter)?
    private var inFlight: Task<Void, Never>?
    private var generation = 0
    private var failures = 0
    private var polls = 0
    private var refreshRequested = false
    /// Keeps the last answer so an unchanged one is not decoded again.
    /// A new one per target, so a cancelled poll still finishing never shares it with the next.
    private var cache = ParticipantsPoll()
    private var rng = SystemRandomNumberGenerator()
    /// Requests started, for tests.
    private(set) var started = 0

    init(
        client: TwilioConferencesClient, interval: Double, backoffCap: Double? = nil,
        scheduler: any PollScheduler = DispatchTimerScheduler(), now: @escaping @Sendable () -> Date = { Date() },
        post: @escaping @Sendable (Message) -> Void
    ) {
        self.client = client
        self.interval = interval
        // Long enough to relieve a struggling API, short enough that the dashboard is fresh again
        // soon after a fault ends: four intervals, at most 5 s (but never below one interval).
        let cap = max(interval, backoffCap ?? min(5, interval * 4))
        backoff = RetryPolicy(maxAttempts: .max, baseDelay: 2 * interval, maxDelay: cap, budget: .infinity)
        self.scheduler = scheduler
        self.now = now
        self.post = post
        scheduler.start(on: queue) { [weak self] in self?.fire() }
    }

    /// Polls this conference with this filter from now on, starting at once.
    func watch(conferenceSid: String, filter: ParticipantFilter) {
        queue.async {
            self.cancelInFlight()
            self.cache = ParticipantsPoll()
            self.target = (conferenceSid, filter)
            self.failures = 0
            self.polls = 0
            self.scheduler.schedule(after: 0)
        }
    }

    /// Polls now, or right after the request in flight.
    func refreshNow() {
        queue.async {
            if self.inFlight != nil { self.refreshRequested = true } else { self.scheduler.schedule(after: 0) }
        }
    }

    func stop() {
        queue.sync {
            self.cancelInFlight()
            self.target = nil
            self.scheduler.pause()
        }
    }

    /// Stops for good (at quit).
    func shutdown() {
        stop()
        queue.sync { scheduler.cancel() }
    }

    /// Waits until what was asked of the poller so far has been taken in (for tests).
    func settle() { queue.sync {} }

    private func cancelInFlight() {
        generation += 1
        inFlight?.cancel()
        inFlight = nil
        refreshRequested = false
    }

    private func fire() {
        guard let target, inFlight == nil else { return }
        let generation = self.generation
        // The conference itself (its status) is fetched on the first poll and every 30th, its recordings
        // on the first and every 10th; under a list filter, the whole conference's counts every 5th.
        let fetchConference = polls % 30 == 0
        let fetchRecordings = polls % 10 == 0
        let countAll = target.filter != .all && polls % 5 == 0
        polls += 1
        started += 1
        let client = self.client, cache = self.cache, now = self.now
        inFlight = Task { [weak self] in
            let clock = ContinuousClock.now
            do {
                let outcome = try await client.pollParticipants(conferenceSid: target.sid, filter: target.filter, through: cache, retry: .never)
                let conference = fetchConference || outcome.participants.isEmpty ? try await client.fetchConference(sid: target.sid, retry: .never) : nil
                let latency = (ContinuousClock.now - clock).inSeconds
                var messages: [Message] = [outcome.changed
                    ? .polled(participants: outcome.participants, conference: conference, latency: latency, at: now())
                    : .pollUnchanged(conference: conference, latency: latency, at: now())]
                if countAll {
                    messages.append(.conferenceCounted(try await client.listParticipants(conferenceSid: target.sid, retry: .never)))
                }
                if fetchRecordings, let recordings = try? await client.listConferenceRecordings(conferenceSid: target.sid, retry: .never) {
                    // Recordings are a side read: a conference without them, or a failure, changes nothing on screen.
                    messages.append(.recordingsLoaded(recordings))
                }
                self?.finished(generation: generation, messages)
            } catch {
                self?.failed(generation: generation, error)
            }
        }
    }

    private func finished(generation: Int, _ messages: [Message]) {
        queue.async {
            guard generation == self.generation else { return }
            self.inFlight = nil
            self.failures = 0
            for message in messages { self.post(message) }
            self.scheduler.schedule(after: self.refreshRequested ? 0 : self.interval)
            self.refreshRequested = false
        }
    }

    private func failed(generation: Int, _ error: any Error) {
        queue.async {
            guard generation == self.generation else { return }
            self.inFlight = nil
            if case .cancelled? = error as? TwilioError { return }
            self.failures += 1
            let kind = FailureText.pollKind(error)
            var retryAt: Date?
            if kind == .other {
                let wait = self.wait(retryAfter: (error as? TwilioError)?.pollRetryAfter)
                retryAt = self.now().addingTimeInterval(wait)
                self.scheduler.schedule(after: wait)
            }
            self.post(.pollFailed(PollFailure(kind: kind, message: FailureText.poll(error), retryAt: retryAt), at: self.now()))
        }
    }

    /// The wait before the next attempt: the backoff step, or a Retry-After when longer (up to a
    /// minute), never less than one interval.
    func wait(retryAfter: Double?) -> Double {
        let jittered = backoff.backoff(afterAttempt: failures, using: &rng)
        return max(interval, retryAfter.map { max(jittered, min($0, 60)) } ?? jittered)
    }
}

extension TwilioError {
    /// A 429's Retry-After, which the poller waits out (the client keeps the header out of errors otherwise).
    var pollRetryAfter: Double? { httpStatus == 429 ? retryAfter : nil }
}
