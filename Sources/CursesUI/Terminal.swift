import CNCurses
import DashboardCore
import Foundation

/// The one place that touches the terminal: set-up, drawing, input, and a single teardown that
/// every exit path takes (q, Ctrl-C, SIGTERM, SIGHUP, a fatal error), so the terminal always comes
/// back in the mode it had.
public final class Terminal: TerminalScreen {
    private let palette: Palette
    private var previous: Canvas?
    private var active = true
    /// False for a benchmark's pseudo-terminal: the process's own terminal is left alone.
    private let ownsProcessTerminal: Bool
    /// Frames drawn (benchmarks count them).
    public private(set) var frames = 0

    public struct NotATerminal: Error, CustomStringConvertible {
        public var description: String { "the dashboard needs a terminal on stdin and stdout; for scripts use the one-shot commands (confwatch --help)" }
    }

    /// Takes over the terminal. `color: false` (NO_COLOR) draws with attributes only.
    public init(color: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw NotATerminal() }
        setlocale(LC_ALL, "")
        cw_save_terminal_mode()
        cw_install_crash_handlers()
        _ = cw_open_wake_pipe()
        cw_install_quit_signal_handlers()
        cw_unblock_signals_in_this_thread()
        // The real size comes from the terminal (ioctl), not from a stale LINES/COLUMNS in the environment.
        use_env(true)
        use_tioctl(true)
        initscr()
        _ = cw_update_size()
        raw()
        noecho()
        nonl()
        keypad(cw_stdscr(), true)
        nodelay(cw_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let canColor = color && has_colors()
        if canColor {
            start_color()
            use_default_colors()
        }
        palette = Palette(color: canColor)
        ownsProcessTerminal = true
        // No insert/delete line: ncurses rewrites changed lines in place rather than scrolling them.
        idlok(cw_stdscr(), false)
        Terminal.current = self
        atexit { Terminal.current?.teardown() }
    }

    /// For benchmarks: ncurses on the slave side of a pseudo-terminal, without signal handling.
    public init(pseudoTerminal fd: Int32, color: Bool = true) throws {
        setlocale(LC_ALL, "")
        guard cw_newterm_on(fd) == 0 else { throw NotATerminal() }
        raw()
        noecho()
        nonl()
        keypad(cw_stdscr(), true)
        nodelay(cw_stdscr(), true)
        curs_set(0)
        if color && has_colors() {
            start_color()
            use_default_colors()
        }
        palette = Palette(color: color && has_colors())
        ownsProcessTerminal = false
        idlok(cw_stdscr(), false)
    }

    nonisolated(unsafe) static var current: Terminal?

    /// Gives the terminal back: cursor shown, modes restored, alternate screen left. Safe to call twice.
    public func teardown() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
        if ownsProcessTerminal { cw_restore_terminal_mode() }
    }

    deinit { teardown() }

    public var size: (width: Int, height: Int) { (Int(getmaxx(cw_stdscr())), Int(getmaxy(cw_stdscr()))) }

    /// Waits for a key, a wake-up or the timeout.
    public func wait(milliseconds: Int) -> TerminalWait {
        let ready = cw_wait_for_input(Int32(milliseconds))
        var quit = false
        if ready & 2 != 0 {
            let flags = cw_drain_wake_pipe()
            quit = flags & 1 != 0
            if flags & 2 != 0 { windowChanged = true }
        }
        return TerminalWait(input: ready & 1 != 0, woken: ready & 2 != 0, quitSignal: quit)
    }

    private var windowChanged = false

    /// The signal that asked to quit (SIGINT, SIGTERM, SIGHUP, SIGQUIT), if one did.
    public var quitSignal: Int32? {
        let signo = cw_last_quit_signal()
        return signo == 0 ? nil : signo
    }

    /// Wakes `wait` from another thread.
    public static func wake() { cw_wake() }

    public var wake: @Sendable () -> Void { { Terminal.wake() } }

    /// Everything the terminal has for us now (keys, resizes), without waiting.
    public func readEvents() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        if windowChanged {
            windowChanged = false
            if cw_update_size() != 0 {
                // The terminal reflowed what was on it: repaint everything once (only on a resize).
                previous = nil
                wclear(cw_stdscr())
                events.append(.resized(width: size.width, height: size.height))
            }
        }
        var value: wint_t = 0
        while true {
            let result = wget_wch(cw_stdscr(), &value)
            if result == cw_err() { break }
            if result == cw_key_code_yes() {
                if Int32(value) == cw_key_resize() {
                    if previous != nil { wclear(cw_stdscr()) }
                    previous = nil
                    events.append(.resized(width: size.width, height: size.height))
                } else if let key = KeyDecoder.functionKey(Int32(value)) {
                    events.append(.key(key))
                }
                continue
            }
            if value == 27 {
                // Esc, or Alt+key when another character is already waiting.
                var next: wint_t = 0
                if wget_wch(cw_stdscr(), &next) == OK, let inner = KeyDecoder.character(UInt32(next)), inner != .esc {
                    events.append(.key(.alt(inner)))
                } else {
                    events.append(.key(.esc))
                }
                continue
            }
            if let key = KeyDecoder.character(UInt32(value)) { events.append(.key(key)) }
        }
        return events
    }

    /// Copies the canvas to the screen. Only lines that differ from the last frame are written, and
    /// ncurses sends only the cells that changed: no full repaint per frame.
    public func draw(_ canvas: Canvas) {
        let screen = cw_stdscr()
        let sameSize = previous.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
        for row in 0..<min(canvas.height, Int(getmaxy(screen))) {
            // Only the changed part of a changed row is handed to ncurses.
            var span = 0..<canvas.width
            if sameSize, let previous {
                guard let changed = canvas.changedSpan(from: previous, row: row) else { continue }
                span = changed
            }
            wmove(screen, Int32(row), Int32(span.lowerBound))
            for run in canvas.runs(row: row, span: span) {
                wattrset(screen, palette.attribute(for: run.style))
                waddstr(screen, run.text)
            }
        }
        wattrset(screen, 0)
        previous = canvas
        wnoutrefresh(screen)
        doupdate()
        frames += 1
    }
}
