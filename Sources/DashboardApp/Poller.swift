import DashboardCore
import Dispatch
import Foundation
import NIOCore
import Synchronization
import TwilioConferences
import TwilioModels

/// Polls one conference: never more than one request in flight, backs off (the client's
/// `RetryPolicy` formula, capped) after failures, honours Retry-After, and reports outcomes to the
/// UI loop as messages. Switching target or stopping cancels the request in flight. Time comes
/// from a `PollScheduler` (a DispatchSourceTimer in the product) and a clock, both replaceable.
///
/// The common poll stays off Swift's shared thread pool: the timer starts it, and the request, the
/// byte comparison and the bookkeeping run on the client's event loop. A poll that changed nothing
/// goes to `postQuiet` instead of `post`, so the UI thread is not woken for it (the UI loop collects
/// it on its next wake, at least once a second).
final class Poller: Sendable {
    private let queue = DispatchQueue(label: "confwatch.poller")
    private let client: TwilioConferencesClient
    private let post: @Sendable (Message) -> Void
    private let postQuiet: @Sendable (Message) -> Void
    private let interval: Double
    private let scheduler: any PollScheduler
    private let now: @Sendable () -> Date
    /// How the wait grows while polls fail: from two intervals, doubling, up to the cap.
    private let backoff: RetryPolicy

    private struct State {
        var target: (sid: String, filter: ParticipantFilter)?
        /// Abandons the poll in flight, if one is.
        var inFlight: (@Sendable () -> Void)?
        var generation = 0
        var failures = 0
        var polls = 0
        var refreshRequested = false
        /// Counts attempts, so an answer that comes before its attempt is registered is recognised.
        var attempt = 0
        /// Keeps the last answer so an unchanged one is not decoded again.
        /// A new one per target, so a cancelled poll still finishing never shares it with the next.
        var cache = ParticipantsPoll()
        /// The conference and its recordings as last told to the UI: a side read that found them
        /// the same is not news, and does not wake the UI.
        var toldConference: Conference?
        var toldRecordings: [ConferenceRecording]?
        var rng = SystemRandomNumberGenerator()
        /// Requests started, for tests.
        var started = 0
    }

    private let state = Mutex(State())

    /// Polls started, for tests.
    var started: Int { state.withLock { $0.started } }

    init(
        client: TwilioConferencesClient, interval: Double, backoffCap: Double? = nil,
        scheduler: any PollScheduler = DispatchTimerScheduler(), now: @escaping @Sendable () -> Date = { Date() },
        post: @escaping @Sendable (Message) -> Void, postQuiet: (@Sendable (Message) -> Void)? = nil
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
        self.postQuiet = postQuiet ?? post
        scheduler.start(on: queue) { [weak self] in self?.fire() }
    }

    /// Polls this conference with this filter from now on, starting at once.
    func watch(conferenceSid: String, filter: ParticipantFilter) {
        let cancel = state.withLock { s in
            let cancel = Self.cancelInFlight(&s)
            s.cache = ParticipantsPoll()
            s.toldConference = nil
            s.toldRecordings = nil
            s.target = (conferenceSid, filter)
            s.failures = 0
            s.polls = 0
            scheduler.schedule(after: 0)
            return cancel
        }
        cancel?()
    }

    /// Polls now, or right after the request in flight.
    func refreshNow() {
        state.withLock { s in
            if s.inFlight != nil { s.refreshRequested = true } else { scheduler.schedule(after: 0) }
        }
    }

    func stop() {
        let cancel = state.withLock { s in
            let cancel = Self.cancelInFlight(&s)
            s.target = nil
            scheduler.pause()
            return cancel
        }
        cancel?()
    }

    /// Stops for good (at quit).
    func shutdown() {
        stop()
        queue.sync { scheduler.cancel() }
    }

    /// Waits until a timer firing already under way has been taken in (for tests).
    func settle() { queue.sync {} }

    private static func cancelInFlight(_ s: inout State) -> (@Sendable () -> Void)? {
        s.generation += 1
        defer {
            s.inFlight = nil
            s.refreshRequested = false
        }
        return s.inFlight
    }

    /// What one attempt asks for besides the participants.
    private struct Plan {
        var target: (sid: String, filter: ParticipantFilter)
        var generation: Int
        var attempt: Int
        var cache: ParticipantsPoll
        /// The conference itself (its status) on the first poll and every 30th.
        var fetchConference: Bool
        /// Its recordings on the first and every 10th.
        var fetchRecordings: Bool
        /// Under a list filter, the whole conference's counts every 5th.
        var countAll: Bool
        var wasFailing: Bool
    }

    private func fire() {
        let plan = state.withLock { s -> Plan? in
            guard let target = s.target, s.inFlight == nil else { return nil }
            defer {
                s.polls += 1
                s.started += 1
            }
            s.attempt += 1
            // Busy from now on; the real cancel replaces this once the request is under way.
            s.inFlight = {}
            return Plan(
                target: target, generation: s.generation, attempt: s.attempt, cache: s.cache, fetchConference: s.polls % 30 == 0,
                fetchRecordings: s.polls % 10 == 0, countAll: target.filter != .all && s.polls % 5 == 0, wasFailing: s.failures > 0)
        }
        guard let plan else { return }
        let started = NIODeadline.now()
        let request = client.startPoll(conferenceSid: plan.target.sid, filter: plan.target.filter, through: plan.cache)
        let registered = state.withLock { s -> Bool in
            guard s.generation == plan.generation else { return false }
            // Unless it has already been answered.
            if s.inFlight != nil && s.attempt == plan.attempt { s.inFlight = request.cancel }
            return true
        }
        guard registered else { return request.cancel() }
        request.outcome.whenComplete { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let outcome):
                let latency = Double((NIODeadline.now() - started).nanoseconds) / 1e9
                if plan.fetchConference || plan.fetchRecordings || plan.countAll || outcome.participants.isEmpty {
                    self.readAlongside(outcome, latency: latency, plan)
                } else {
                    self.finished(plan, outcome, latency: latency, conference: nil, extras: [])
                }
            case .failure(let error):
                self.failed(generation: plan.generation, error)
            }
        }
    }

    /// The rarer reads that go with some polls (the conference, its recordings, the unfiltered
    /// counts), awaited before the poll is reported.
    private func readAlongside(_ outcome: ParticipantsPoll.Outcome, latency: Double, _ plan: Plan) {
        let client = self.client
        let task = Task { [weak self] in
            do {
                let fetch = plan.fetchConference || outcome.participants.isEmpty
                let conference = fetch ? try await client.fetchConference(sid: plan.target.sid, retry: .never) : nil
                var extras: [Message] = []
                if plan.countAll {
                    extras.append(.conferenceCounted(try await client.listParticipants(conferenceSid: plan.target.sid, retry: .never)))
                }
                if plan.fetchRecordings, let recordings = try? await client.listConferenceRecordings(conferenceSid: plan.target.sid, retry: .never) {
                    // Recordings are a side read: a conference without them, or a failure, changes nothing on screen.
                    extras.append(.recordingsLoaded(recordings))
                }
                self?.finished(plan, outcome, latency: latency, conference: conference, extras: extras)
            } catch {
                self?.failed(generation: plan.generation, error)
            }
        }
        let registered = state.withLock { s -> Bool in
            guard s.generation == plan.generation else { return false }
            if s.inFlight != nil && s.attempt == plan.attempt { s.inFlight = { task.cancel() } }
            return true
        }
        if !registered { task.cancel() }
    }

    private func finished(_ plan: Plan, _ outcome: ParticipantsPoll.Outcome, latency: Double, conference: Conference?, extras: [Message]) {
        let at = now()
        let news = state.withLock { s -> (conference: Conference?, extras: [Message])? in
            guard plan.generation == s.generation else { return nil }
            s.inFlight = nil
            s.failures = 0
            if s.refreshRequested { scheduler.schedule(after: 0) } else { scheduler.scheduleSteady(every: interval) }
            s.refreshRequested = false
            return (Self.news(conference, told: &s.toldConference), extras.filter { Self.isNews($0, &s) })
        }
        guard let news else { return }
        if !outcome.problems.isEmpty { post(.pollProblems(outcome.problems)) }
        if outcome.changed {
            post(.polled(participants: outcome.participants, conference: news.conference, latency: latency, at: at))
        } else if news.conference != nil || plan.wasFailing || !news.extras.isEmpty {
            post(.pollUnchanged(conference: news.conference, latency: latency, at: at))
        } else {
            postQuiet(.pollUnchanged(conference: nil, latency: latency, at: at))
        }
        for message in news.extras { post(message) }
    }

    /// The conference read beside a poll, unless it is what the UI was last told.
    private static func news(_ conference: Conference?, told: inout Conference?) -> Conference? {
        guard let conference, conference != told else { return nil }
        told = conference
        return conference
    }

    /// Whether a side read's message tells the UI something new (recordings it already has are not).
    private static func isNews(_ message: Message, _ s: inout State) -> Bool {
        guard case .recordingsLoaded(let recordings) = message else { return true }
        guard recordings != s.toldRecordings else { return false }
        s.toldRecordings = recordings
        return true
    }

    private func failed(generation: Int, _ error: any Error) {
        let at = now()
        let failure = state.withLock { s -> PollFailure? in
            guard generation == s.generation else { return nil }
            s.inFlight = nil
            if case .cancelled? = error as? TwilioError { return nil }
            s.failures += 1
            let kind = FailureText.pollKind(error)
            var retryAt: Date?
            if kind == .other {
                let wait = Self.wait(backoff.backoff(afterAttempt: s.failures, using: &s.rng), interval: interval, retryAfter: (error as? TwilioError)?.pollRetryAfter)
                retryAt = at.addingTimeInterval(wait)
                scheduler.schedule(after: wait)
            }
            return PollFailure(kind: kind, message: FailureText.poll(error), retryAt: retryAt)
        }
        if let failure { post(.pollFailed(failure, at: at)) }
    }

    /// The wait before the next attempt: the backoff step, or a Retry-After when longer (up to a
    /// minute), never less than one interval.
    func wait(retryAfter: Double?) -> Double {
        state.withLock { s in Self.wait(backoff.backoff(afterAttempt: s.failures, using: &s.rng), interval: interval, retryAfter: retryAfter) }
    }

    private static func wait(_ jittered: Double, interval: Double, retryAfter: Double?) -> Double {
        max(interval, retryAfter.map { max(jittered, min($0, 60)) } ?? jittered)
    }
}

extension TwilioError {
    /// A 429's Retry-After, which the poller waits out (the client keeps the header out of errors otherwise).
    var pollRetryAfter: Double? { httpStatus == 429 ? retryAfter : nil }
}
