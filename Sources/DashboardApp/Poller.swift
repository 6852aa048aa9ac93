import DashboardCore
import Dispatch
import Foundation
import TwilioConferences

/// Polls one conference on a DispatchSourceTimer: never more than one request in flight, backs off
/// (exponential with jitter, capped) after failures, honours Retry-After, and reports every
/// outcome to the UI loop as a message. Switching target or stopping cancels the request in flight.
final class Poller: @unchecked Sendable {
    private let queue = DispatchQueue(label: "confwatch.poller")
    private let client: TwilioConferencesClient
    private let post: @Sendable (Message) -> Void
    private let interval: Double
    /// Longest wait between attempts while failing.
    private let backoffCap: Double
    private var timer: DispatchSourceTimer?
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

    init(client: TwilioConferencesClient, interval: Double, backoffCap: Double? = nil, post: @escaping @Sendable (Message) -> Void) {
        self.client = client
        self.interval = interval
        // Long enough to relieve a struggling API, short enough that the dashboard is fresh again
        // soon after a fault ends: four intervals, at most 5 s (but never below one interval).
        self.backoffCap = max(interval, backoffCap ?? min(5, interval * 4))
        self.post = post
        let timer = DispatchSource.makeTimerSource(queue: queue)
        self.timer = timer
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.schedule(deadline: .distantFuture)
        timer.resume()
    }

    /// Polls this conference with this filter from now on, starting at once.
    func watch(conferenceSid: String, filter: ParticipantFilter) {
        queue.async {
            self.cancelInFlight()
            self.cache = ParticipantsPoll()
            self.target = (conferenceSid, filter)
            self.failures = 0
            self.polls = 0
            self.schedule(after: 0)
        }
    }

    /// Polls now, or right after the request in flight.
    func refreshNow() {
        queue.async {
            if self.inFlight != nil { self.refreshRequested = true } else { self.schedule(after: 0) }
        }
    }

    func stop() {
        queue.sync {
            self.cancelInFlight()
            self.target = nil
            self.timer?.schedule(deadline: .distantFuture)
        }
    }

    /// Stops for good (at quit).
    func shutdown() {
        stop()
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    private func cancelInFlight() {
        generation += 1
        inFlight?.cancel()
        inFlight = nil
        refreshRequested = false
    }

    private func schedule(after seconds: Double) {
        timer?.schedule(deadline: .now() + .milliseconds(Int(max(0, seconds) * 1000)), leeway: .milliseconds(5))
    }

    private func fire() {
        guard let target, inFlight == nil else { return }
        let generation = self.generation
        // The conference itself (its status) is fetched on the first poll and every 30th.
        let fetchConference = polls % 30 == 0
        polls += 1
        let client = self.client, cache = self.cache
        inFlight = Task { [weak self] in
            let started = ContinuousClock.now
            do {
                let outcome = try await client.pollParticipants(conferenceSid: target.sid, filter: target.filter, through: cache, retry: .never)
                let conference = fetchConference || outcome.participants.isEmpty ? try await client.fetchConference(sid: target.sid, retry: .never) : nil
                let latency = Self.seconds(ContinuousClock.now - started)
                let message: Message = outcome.changed
                    ? .polled(participants: outcome.participants, conference: conference, latency: latency, at: Date())
                    : .pollUnchanged(conference: conference, latency: latency, at: Date())
                self?.finished(generation: generation, message, retryAfter: nil)
            } catch {
                self?.failed(generation: generation, error)
            }
        }
    }

    private func finished(generation: Int, _ message: Message, retryAfter: Double?) {
        queue.async {
            guard generation == self.generation else { return }
            self.inFlight = nil
            self.failures = 0
            self.post(message)
            self.schedule(after: self.refreshRequested ? 0 : self.interval)
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
                let wait = self.backoff(retryAfter: Self.retryAfter(error))
                retryAt = Date().addingTimeInterval(wait)
                self.schedule(after: wait)
            }
            self.post(.pollFailed(PollFailure(kind: kind, message: FailureText.poll(error), retryAt: retryAt), at: Date()))
        }
    }

    /// Exponential with jitter, capped; a Retry-After is honoured (up to a minute).
    private func backoff(retryAfter: Double?) -> Double {
        let step = min(backoffCap, interval * pow(2, Double(min(failures, 16))))
        let jittered = step / 2 + Double.random(in: 0...(step / 2), using: &rng)
        return max(interval, retryAfter.map { max(jittered, min($0, 60)) } ?? jittered)
    }

    private static func retryAfter(_ error: any Error) -> Double? {
        // The client keeps the header out of errors; a 429 waits the longest step.
        guard let error = error as? TwilioError, error.httpStatus == 429 else { return nil }
        return error.retryAfter
    }

    static func seconds(_ duration: Duration) -> Double {
        let c = duration.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
