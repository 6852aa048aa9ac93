import CNCurses
import Foundation

/// Reads what the dashboard will find in this terminal, without taking it over (`confwatch doctor`).
public enum TerminalProbe {
    public enum TerminfoAnswer: Equatable, Sendable {
        case known(colors: Int)
        case unknown
        case noDatabase
    }

    /// What terminfo says of terminal type `name`.
    public static func terminfo(_ name: String) -> TerminfoAnswer {
        switch cw_terminfo_colors(name) {
        case -2: .unknown
        case -3: .noDatabase
        case let colors: .known(colors: Int(colors))
        }
    }

    /// The character set of the locale the environment selects (`UTF-8`), or nil when the
    /// environment names a locale this system does not have.
    public static func localeCodeset() -> String? {
        guard setlocale(LC_CTYPE, "") != nil else { return nil }
        defer { _ = setlocale(LC_CTYPE, "C") }
        return String(cString: nl_langinfo(nl_item(CODESET)))
    }

    /// Columns and rows of the terminal on stdin, stdout or stderr, else of /dev/tty; nil without one.
    public static func size() -> (columns: Int, rows: Int)? {
        func measure(_ fd: Int32) -> (columns: Int, rows: Int)? {
            var size = winsize()
            guard isatty(fd) == 1, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
            return (Int(size.ws_col), Int(size.ws_row))
        }
        for fd in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] {
            if let found = measure(fd) { return found }
        }
        let tty = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        return measure(tty)
    }
}
