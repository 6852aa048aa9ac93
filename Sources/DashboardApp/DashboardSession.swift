import CursesUI
import DashboardCore
import Foundation
import Synchronization
import TwilioConferences
import TwilioModels

/// The dashboard's one UI loop: it owns the terminal, turns keys, resizes, signals, poll and action
/// results into messages, runs them through the reducer, hands effects to the runner and draws.
public final class DashboardSession: @unchecked Sendable {
    private var state: DashboardState
    private let client: TwilioConferencesClient
    private let startConference: Conference?
    private let makeTerminal: () throws -> any TerminalScreen
    private let scheduler: any PollScheduler
    private let clock: @Sendable () -> Date
    private let audit: AuditTrail?

    /// On the real terminal (ncurses); `color: false` draws with attributes only (NO_COLOR).
    public convenience init(
        state: DashboardState, client: TwilioConferencesClient, conference: Conference?, color: Bool,
        audit: AuditTrail? = AuditTrail()
    ) {
        self.init(state: state, client: client, conference: conference, audit: audit, terminal: { try Terminal(color: color) })
    }

    /// On any terminal, with time from `scheduler` and `clock` (tests run it headless and drive time by hand).
    init(
        state: DashboardState, client: TwilioConferencesClient, conference: Conference?, audit: AuditTrail?,
        terminal: @escaping () throws -> any TerminalScreen, scheduler: any PollScheduler = DispatchTimerScheduler(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        var state = state
        state.settings.auditPath = audit?.url.path
        self.state = state
        self.client = client
        self.startConference = conference
        self.makeTerminal = terminal
        self.scheduler = scheduler
        self.audit = audit
        self.clock = clock
    }

    /// Runs the dashboard on its own thread until the user quits; throws when there is no terminal.
    /// Returns the signal that ended it, if a signal did (the caller exits with 128 + its number).
    @discardableResult
    public func run() async throws -> Int32? {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32?, any Error>) in
            let thread = Thread {
                do {
                    let signal = try self.loop()
                    // The audit trail's last records get a short, bounded moment; a file that blocks never holds up quitting.
                    self.audit?.flush(within: 1)
                    continuation.resume(returning: signal)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "confwatch-ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func loop() throws -> Int32? {
        let terminal = try makeTerminal()
        defer { terminal.teardown() }
        let mailbox = Mailbox(wake: terminal.wake)
        let post: @Sendable (Message) -> Void = { mailbox.post($0) }
        // Quiet polls (nothing changed) wait in `quiet` for the loop's next wake instead of waking it.
        let quiet = Mutex<Message?>(nil)
        let poller = Poller(
            client: client, interval: state.settings.interval, scheduler: scheduler, now: clock, post: post,
            postQuiet: { message in quiet.withLock { $0 = message } })
        defer { poller.shutdown() }
        let runner = EffectRunner(client: client, poller: poller, audit: audit, readOnly: state.settings.readOnly, post: post)

        let frames = FrameCache()
        state.now = clock()
        let size = terminal.size
        _ = Reducer.reduce(&state, .resized(width: size.width, height: size.height))
        var quit = runner.run(Reducer.start(&state, conference: startConference))
        terminal.draw(DashboardView.render(state, cache: frames))

        // Test hook for the terminal-integrity test: a fatal error after this many seconds.
        let fatalAt = ProcessInfo.processInfo.environment["CONFWATCH_TEST_FATAL_AFTER"].flatMap(Double.init).map { clock().addingTimeInterval($0) }

        while !quit {
            if let fatalAt, clock() >= fatalAt { fatalError("CONFWATCH_TEST_FATAL_AFTER: a deliberate fatal error") }
            let waited = terminal.wait(milliseconds: millisecondsToNextSecond())
            var messages: [Message] = [.tick(clock())]
            if waited.quitSignal { messages.append(.interrupted) }
            // Always ask: a resize (SIGWINCH) interrupts the wait without making stdin readable.
            for event in terminal.readEvents() {
                switch event {
                case .key(let key): messages.append(.key(key))
                case .paste(let text): messages.append(.paste(text))
                case .resized(let width, let height): messages.append(.resized(width: width, height: height))
                }
            }
            if let latest = quiet.withLock({ $0.take() }) { messages.insert(latest, at: 0) }
            messages += mailbox.drain()
            for message in messages {
                if runner.run(Reducer.reduce(&state, message)) { quit = true }
            }
            if !quit { terminal.draw(DashboardView.render(state, cache: frames)) }
        }
        return terminal.quitSignal
    }

    /// Ages on screen are in whole seconds: wake at the next second, or at once for keys and results.
    private func millisecondsToNextSecond() -> Int {
        let now = clock().timeIntervalSince1970
        return max(1, Int(((now.rounded(.down) + 1 - now) * 1000).rounded(.up)) + 1)
    }
}
