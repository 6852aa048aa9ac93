import CNCurses
import DashboardCore
import Foundation

/// The one place that touches the terminal: set-up, drawing, input, and a single teardown that
/// every exit path takes (q, Ctrl-C, SIGTERM, SIGHUP, a fatal error), so the terminal always comes
/// back in the mode it had. Ctrl-Z (and SIGTSTP) suspends: the terminal is given back, the process
/// stops, and `fg` repaints everything. Pasted text arrives as one `.paste` (bracketed paste).
/// On a locale that is not UTF-8 every frame is drawn in ASCII (`AsciiFallback`), cell for cell.
public final class Terminal: TerminalScreen {
    private let palette: Palette
    private var previous: Canvas?
    private var active = true
    private var decoder = InputDecoder()
    /// The locale cannot show UTF-8: frames are drawn with `AsciiFallback`.
    public let asciiOnly: Bool
    /// False for a benchmark's pseudo-terminal: the process's own terminal is left alone.
    private let ownsProcessTerminal: Bool
    /// Frames drawn (benchmarks count them).
    public private(set) var frames = 0

    /// The dashboard cannot run here: not a terminal, or one that cannot draw a full screen.
    public struct NotATerminal: Error, CustomStringConvertible {
        public let description: String

        public init(_ description: String = "the dashboard needs a terminal on stdin and stdout; for scripts use the one-shot commands (confwatch --help)") {
            self.description = description
        }

        /// Why $TERM cannot run the dashboard, asked before ncurses starts; nil when it can.
        static func checkTERM(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> NotATerminal? {
            let term = environment["TERM"] ?? ""
            let fix = "run it in a terminal emulator whose TERM names it (e.g. xterm-256color), or use the one-shot commands (confwatch --help)"
            switch cw_terminal_fitness() {
            case 0: return nil
            case 3: return NotATerminal("TERM is not set, so the dashboard cannot tell how to draw; export TERM=xterm-256color (or your terminal's name)")
            case 2: return NotATerminal("TERM=\(term) cannot move the cursor, and the dashboard draws a full screen; \(fix)")
            default: return NotATerminal("TERM=\(term) has no usable terminfo entry here; set TERM to your terminal's name (e.g. xterm-256color) or install its entry (ncurses-term), or use the one-shot commands (confwatch --help)")
            }
        }
    }

    /// Takes over the terminal. `color: false` (NO_COLOR) draws with attributes only.
    public init(color: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw NotATerminal() }
        if let unfit = NotATerminal.checkTERM() { throw unfit }
        setlocale(LC_ALL, "")
        asciiOnly = cw_locale_is_utf8() == 0
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
        cw_bracketed_paste(1)
        Terminal.current = self
        atexit { Terminal.current?.teardown() }
    }

    /// For benchmarks: ncurses on the slave side of a pseudo-terminal, without signal handling.
    public init(pseudoTerminal fd: Int32, color: Bool = true) throws {
        setlocale(LC_ALL, "")
        asciiOnly = cw_locale_is_utf8() == 0
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

    /// Gives the terminal back: cursor shown, modes restored, alternate screen left, bracketed paste
    /// off. Safe to call twice.
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
            if flags & 4 != 0 { suspendRequested = true }
            if flags & 8 != 0 { continued = true }
        }
        return TerminalWait(input: ready & 1 != 0, woken: ready & 2 != 0, quitSignal: quit)
    }

    private var windowChanged = false
    /// SIGTSTP arrived (`kill -TSTP`, or Ctrl-Z from a terminal that sends it as a signal).
    private var suspendRequested = false
    /// SIGCONT arrived: someone stopped and continued the process; the screen may be anything now.
    private var continued = false

    /// The signal that asked to quit (SIGINT, SIGTERM, SIGHUP, SIGQUIT), if one did.
    public var quitSignal: Int32? {
        let signo = cw_last_quit_signal()
        return signo == 0 ? nil : signo
    }

    /// Wakes `wait` from another thread.
    public static func wake() { cw_wake() }

    public var wake: @Sendable () -> Void { { Terminal.wake() } }

    /// Everything the terminal has for us now (keys, pastes, resizes), without waiting.
    public func readEvents() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        if suspendRequested {
            suspendRequested = false
            events.append(suspend())
        }
        if continued {
            continued = false
            events.append(repaintAll())
        }
        if windowChanged {
            windowChanged = false
            if cw_update_size() != 0 {
                // The terminal reflowed what was on it: repaint everything once (only on a resize).
                previous = nil
                wclear(cw_stdscr())
                events.append(.resized(width: size.width, height: size.height))
            }
        }
        var burst: [RawInput] = []
        var value: wint_t = 0
        while true {
            let result = wget_wch(cw_stdscr(), &value)
            if result == cw_err() { break }
            burst.append(result == cw_key_code_yes() ? .function(Int32(value)) : .character(UInt32(value)))
        }
        for input in decoder.decode(burst) {
            switch input {
            case .resize:
                if previous != nil { wclear(cw_stdscr()) }
                previous = nil
                events.append(.resized(width: size.width, height: size.height))
            case .event(.key(let key)) where key == .ctrl("z") && ownsProcessTerminal:
                // In raw mode Ctrl-Z is a key, not a signal: suspend as the shell's job control would.
                events.append(suspend())
            case .event(let event):
                events.append(event)
            }
        }
        return events
    }

    /// Ctrl-Z: gives the terminal back (as the teardown does), stops the process as SIGTSTP does,
    /// and when the shell continues it (`fg`) takes the terminal again; the next frame repaints
    /// every cell. Returns the size then, for the loop to lay out again.
    func suspend() -> TerminalEvent {
        guard ownsProcessTerminal, active else { return .resized(width: size.width, height: size.height) }
        curs_set(1)
        endwin()
        cw_restore_terminal_mode()
        cw_stop_this_process()
        // Continued: the shell's mode now is the one to give back at the end.
        cw_save_terminal_mode()
        wrefresh(cw_stdscr())
        curs_set(0)
        return repaintAll()
    }

    /// Paints every cell again on the next frame (after a suspension, or a stop and continue).
    private func repaintAll() -> TerminalEvent {
        if ownsProcessTerminal { cw_bracketed_paste(1) }
        _ = cw_update_size()
        previous = nil
        wclear(cw_stdscr())
        return .resized(width: size.width, height: size.height)
    }

    /// Copies the canvas to the screen. Only lines that differ from the last frame are written, and
    /// ncurses sends only the cells that changed: no full repaint per frame.
    public func draw(_ canvas: Canvas) {
        // The same frame again (a tick that moved nothing on screen): nothing to hand to ncurses.
        if let previous, previous == canvas { return }
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
                waddstr(screen, asciiOnly ? AsciiFallback.text(run.text) : run.text)
            }
        }
        wattrset(screen, 0)
        previous = canvas
        wnoutrefresh(screen)
        doupdate()
        frames += 1
    }
}
