import Dispatch

/// When the poller's next attempt is due: the seam between the poller and real time. In the
/// product a DispatchSourceTimer on the poller's queue; in tests a scheduler fired by hand, so no
/// test waits for time to pass. All calls come from the poller's queue.
protocol PollScheduler: Sendable {
    /// Calls `fire` on `queue` whenever a scheduled time comes; called once, before anything else.
    func start(on queue: DispatchQueue, _ fire: @escaping @Sendable () -> Void)
    /// The next attempt `seconds` from now, replacing any earlier one.
    func schedule(after seconds: Double)
    /// Attempts every `seconds` from now on, on a fixed cadence, until the next `schedule` or
    /// `pause`. Asking again for the cadence already running changes nothing, so a poller whose
    /// polls keep succeeding never touches the timer (and never wakes the thread that runs it).
    func scheduleSteady(every seconds: Double)
    /// No attempt until the next `schedule`.
    func pause()
    /// Stops for good.
    func cancel()
}

/// The product's scheduler: one DispatchSourceTimer on the poller's own queue.
final class DispatchTimerScheduler: PollScheduler, @unchecked Sendable {
    private var timer: DispatchSourceTimer?
    /// The cadence of the repeating schedule running now, if one is.
    private var steadyEvery: Double?

    func start(on queue: DispatchQueue, _ fire: @escaping @Sendable () -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler(handler: fire)
        timer.schedule(deadline: .distantFuture)
        timer.resume()
        self.timer = timer
    }

    func schedule(after seconds: Double) {
        steadyEvery = nil
        timer?.schedule(deadline: .now() + Self.milliseconds(seconds), leeway: .milliseconds(5))
    }

    func scheduleSteady(every seconds: Double) {
        guard steadyEvery != seconds else { return }
        steadyEvery = seconds
        timer?.schedule(deadline: .now() + Self.milliseconds(seconds), repeating: Self.milliseconds(seconds), leeway: .milliseconds(5))
    }

    func pause() {
        steadyEvery = nil
        timer?.schedule(deadline: .distantFuture)
    }

    private static func milliseconds(_ seconds: Double) -> DispatchTimeInterval { .milliseconds(Int(max(0, seconds) * 1000)) }

    func cancel() {
        timer?.cancel()
        timer = nil
    }
}
