import CursesUI
import DashboardCore
import Foundation

/// A terminal with no screen: the session's loop runs on it as on the real one; tests press keys
/// and wait for frames. Time does not pass by itself: `wait` returns only when there is a key or
/// a wake-up.
final class HeadlessTerminal: TerminalScreen, @unchecked Sendable {
    private struct FrameWaiter {
        let until: @Sendable (String) -> Bool
        let continuation: CheckedContinuation<String, Never>
    }

    private let condition = NSCondition()
    private var events: [TerminalEvent] = []
    private var woken = false
    private var frames: [String] = []
    private var waiters: [FrameWaiter] = []
    let size: (width: Int, height: Int)

    init(width: Int = 100, height: Int = 30) { size = (width, height) }

    func wait(milliseconds: Int) -> TerminalWait {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty && !woken { condition.wait() }
        let wake = woken
        woken = false
        return TerminalWait(input: !events.isEmpty, woken: wake, quitSignal: false)
    }

    func readEvents() -> [TerminalEvent] {
        condition.lock()
        defer { condition.unlock() }
        defer { events = [] }
        return events
    }

    func draw(_ canvas: Canvas) {
        let text = (0..<canvas.height).map { canvas.text(row: $0) }.joined(separator: "\n")
        condition.lock()
        frames.append(text)
        let ready = waiters.filter { $0.until(text) }
        waiters.removeAll { $0.until(text) }
        condition.unlock()
        for waiter in ready { waiter.continuation.resume(returning: text) }
    }

    var quitSignal: Int32? { nil }
    func teardown() {}

    var wake: @Sendable () -> Void {
        { [weak self] in
            guard let self else { return }
            condition.lock()
            woken = true
            condition.signal()
            condition.unlock()
        }
    }

    /// Presses keys, by name (`j`, `enter`, `esc`…).
    func press(_ names: String...) {
        condition.lock()
        events += names.map { .key(KeyChord(parsing: $0)!) }
        condition.signal()
        condition.unlock()
    }

    /// The frames drawn so far.
    var drawn: [String] {
        condition.lock()
        defer { condition.unlock() }
        return frames
    }

    /// Waits for a frame (already drawn, or to come) that satisfies `until`.
    @discardableResult
    func frame(where until: @escaping @Sendable (String) -> Bool) async -> String {
        await withCheckedContinuation { continuation in
            condition.lock()
            if let last = frames.last, until(last) {
                condition.unlock()
                continuation.resume(returning: last)
                return
            }
            waiters.append(FrameWaiter(until: until, continuation: continuation))
            condition.unlock()
        }
    }
}
