import Dispatch
import Synchronization
@testable import DashboardApp

/// The poller's timer, fired by hand: tests decide when time has come, and read what the poller
/// asked for (`delays`), so nothing waits for real time to pass.
final class ManualScheduler: PollScheduler, @unchecked Sendable {
    private struct State {
        var target: (queue: DispatchQueue, fire: @Sendable () -> Void)?
        /// The pending attempt's delay, until it fires or is paused.
        var scheduled: Double?
        var delays: [Double] = []
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func start(on queue: DispatchQueue, _ fire: @escaping @Sendable () -> Void) {
        state.withLock { $0.target = (queue, fire) }
    }

    func schedule(after seconds: Double) {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.scheduled = seconds
            s.delays.append(seconds)
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Recorded as one attempt `seconds` from now: the poller asks again after every poll that
    /// succeeds, so firing it by hand is the repeating timer's next tick.
    func scheduleSteady(every seconds: Double) { schedule(after: seconds) }

    func pause() { state.withLock { $0.scheduled = nil } }
    func cancel() { state.withLock { $0.scheduled = nil } }

    /// The attempt the poller is waiting for, if any: its delay in seconds.
    var scheduled: Double? { state.withLock { $0.scheduled } }

    /// Every delay asked for, oldest first.
    var delays: [Double] { state.withLock { $0.delays } }

    /// Waits until the poller has asked for an attempt, then fires it as the timer would once it is due.
    func fireNext() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let due = state.withLock { s -> Bool in
                if s.scheduled != nil && s.target != nil { return true }
                s.waiters.append(continuation)
                return false
            }
            if due { continuation.resume() }
        }
        fireNow()
    }

    /// Fires at once, scheduled or not (a timer firing while a request is still in flight).
    func fireNow() {
        let target = state.withLock { s -> (queue: DispatchQueue, fire: @Sendable () -> Void)? in
            s.scheduled = nil
            return s.target
        }
        if let target { target.queue.sync(execute: target.fire) }
    }
}
