import Dispatch

/// When the poller's next attempt is due: the seam between the poller and real time. In the
/// product a DispatchSourceTimer on the poller's queue; in tests a scheduler fired by hand, so no
/// test waits for time to pass. All calls come from the poller's queue.
protocol PollScheduler: Sendable {
    /// Calls `fire` on `queue` whenever a scheduled time comes; called once, before anything else.
    func start(on queue: DispatchQueue, _ fire: @escaping @Sendable () -> Void)
    /// The next attempt `seconds` from now, replacing any earlier one.
    func schedule(after seconds: Double)
    /// No attempt until the next `schedule`.
    func pause()
    /// Stops for good.
    func cancel()
}

/// The product's scheduler: one DispatchSourceTimer on the poller's own queue.
final class DispatchTimerScheduler: PollScheduler, @unchecked Sendable {
    private var timer: DispatchSourceTimer?

    func start(on queue: DispatchQueue, _ fire: @escaping @Sendable () -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler(handler: fire)
        timer.schedule(deadline: .distantFuture)
        timer.resume()
        self.timer = timer
    }

    func schedule(after seconds: Double) {
        timer?.schedule(deadline: .now() + .milliseconds(Int(max(0, seconds) * 1000)), leeway: .milliseconds(5))
    }

    func pause() { timer?.schedule(deadline: .distantFuture) }

    func cancel() {
        timer?.cancel()
        timer = nil
    }
}
