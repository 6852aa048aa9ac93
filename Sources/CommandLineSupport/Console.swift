#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TwilioModels

/// The one writer for everything the commands print, on stdout and stderr.
///
/// - When stdout or stderr is a terminal, every line goes through `SafeText` (newlines kept), so
///   nothing from the API, a user's file or an argument can move the cursor, retitle the window or
///   write the clipboard — also when stdout is a pipe into a program that shows it (`| cat`, `| less
///   -R`) while stderr is still the terminal. When neither is a terminal, lines go out as they are.
/// - `exact` text (JSON) goes out byte for byte: `SafeJSON` has escaped what is unsafe in it already.
/// - Writes go straight to the file descriptor with write(2), all of it, whatever the pipe's size;
///   an interrupted write goes on.
/// - A closed pipe (`confwatch list CF | head -1`) ends the process quietly as if by SIGPIPE: no
///   message, exit status 141 from the shell, as `cat` and `grep` do. (The process otherwise ignores
///   SIGPIPE — the HTTP client needs it ignored — which is why this is handled here.)
public enum Console {
    public enum Stream: Sendable {
        case standardOutput, standardError

        var fileDescriptor: Int32 { self == .standardOutput ? 1 : 2 }
    }

    /// Whether lines are sanitised: stdout or stderr is a terminal.
    public static let cleans: Bool = isatty(1) == 1 || isatty(2) == 1

    /// Writes `text` and a newline (sanitised when `cleans`).
    public static func line(_ text: String, to stream: Stream = .standardOutput) {
        write(text + "\n", to: stream)
    }

    /// Writes `text` as it is, sanitised when `cleans` (newlines kept).
    public static func write(_ text: String, to stream: Stream = .standardOutput) {
        exact(cleans ? SafeText.sanitize(text, keeping: ["\n"]) : text, to: stream)
    }

    /// Writes `text` byte for byte: for JSON, already made safe by `SafeJSON`.
    public static func exact(_ text: String, to stream: Stream = .standardOutput) {
        var bytes = Array(text.utf8)
        writeAll(&bytes, to: stream.fileDescriptor)
    }

    static func writeAll(_ bytes: inout [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written > 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN:
                // A non-blocking descriptor that is full: wait until it takes more.
                var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            case EPIPE: endByBrokenPipe()
            default: return  // a closed or unwritable descriptor: nothing can be said about it anyway
            }
        }
    }

    /// The reader went away: end as a program killed by SIGPIPE does, without a word.
    static func endByBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGPIPE)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }
}
