import DashboardCore

/// What the dashboard's loop needs of a terminal: its size, a wait for input or a wake-up, the keys
/// and resizes that came, drawing a frame, and giving the terminal back. `Terminal` is the real one
/// (ncurses); tests run the loop on a headless one.
public protocol TerminalScreen: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Waits for a key, a wake-up (`wake`) or the timeout.
    func wait(milliseconds: Int) -> TerminalWait
    /// Everything the terminal has for the loop now (keys, resizes), without waiting.
    func readEvents() -> [TerminalEvent]
    func draw(_ canvas: Canvas)
    /// The signal that asked to quit (SIGINT, SIGTERM, SIGHUP, SIGQUIT), if one did.
    var quitSignal: Int32? { get }
    /// Gives the terminal back; safe to call twice.
    func teardown()
    /// Wakes `wait` from another thread.
    var wake: @Sendable () -> Void { get }
}

/// Why a wait ended.
public struct TerminalWait: Sendable, Hashable {
    /// Input is ready to read.
    public var input: Bool
    /// Another thread woke the loop (a message is waiting).
    public var woken: Bool
    /// A signal asked to quit.
    public var quitSignal: Bool

    public init(input: Bool, woken: Bool, quitSignal: Bool) {
        self.input = input
        self.woken = woken
        self.quitSignal = quitSignal
    }
}
