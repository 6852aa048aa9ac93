import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The audit trail's file at the level of system calls: a record is appended as one whole line or
/// not at all, and read back as whole lines. The file is the owner's alone (0600), a regular file,
/// never followed through a symbolic link. Blocking calls: run it on the audit queue only.
struct AuditFile: Sendable {
    /// The system calls a test may replace (a disk that fills mid-write, a home directory that hangs).
    struct SystemCalls: Sendable {
        var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
        var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int

        static let real = SystemCalls(open: { Glibc.open($0, $1, $2) }, write: { Glibc.write($0, $1, $2) })
    }

    let path: String
    var calls: SystemCalls = .real

    /// Appends `line` (ending in a newline) whole, or leaves the file as it was; returns what went wrong.
    func append(_ line: Data) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot create \(directory): \(error.localizedDescription)"
        }
        // Read and write: the last byte is read to see whether an earlier line was left unfinished.
        let fd = calls.open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return openProblem(errno) }
        defer { close(fd) }
        if let problem = checkOwnFile(fd, tighten: true) { return problem }
        // One writer at a time, across processes (the dashboard and one-shot commands).
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        let before = info.st_size
        var bytes = line
        // A line left unfinished by a crash keeps a line of its own; this record never joins it.
        if before > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, before - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var done = 0
            // One write(2) of the whole line; after a short one, the rest is tried once more so
            // that the reason it stopped (EFBIG, ENOSPC…) is the one reported.
            while done < buffer.count {
                let n = calls.write(fd, base + done, buffer.count - done)
                if n > 0 {
                    done += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    return n < 0 ? errno : EIO
                }
            }
            return nil
        }
        guard let failure else { return nil }
        // Nothing half-written stays: the file goes back to how it was before this record.
        ftruncate(fd, before)
        return "cannot write \(path): \(String(cString: strerror(failure)))"
    }

    /// The file's whole lines (nil when there is no file yet); a last line without its newline is
    /// one still being written, or left by a crash, and is not one.
    func wholeLines() throws(AuditFileProblem) -> [Substring]? {
        let fd = calls.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw AuditFileProblem(openProblem(code))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        if let problem = checkOwnFile(fd, tighten: false) { throw AuditFileProblem(problem) }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw AuditFileProblem("cannot read \(path): \(error.localizedDescription)")
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last newline: empty, or a line not finished
        return lines.filter { !$0.isEmpty }
    }

    /// Refuses anything but a regular file, and makes a file others can read the owner's alone.
    private func checkOwnFile(_ fd: Int32, tighten: Bool) -> String? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return "cannot read \(path): \(String(cString: strerror(errno)))" }
        let kind = info.st_mode & FileKind.mask
        guard kind == FileKind.regular else {
            return "\(path) is \(Self.describe(kind)), not a regular file; remove it (or set XDG_STATE_HOME to another folder)"
        }
        let loose = info.st_mode & 0o077
        guard tighten, loose != 0 else { return nil }
        guard fchmod(fd, 0o600) == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            return "\(path) can be read by others (mode 0\(mode)) and cannot be made private (\(String(cString: strerror(errno)))); run chmod 600 \(path)"
        }
        return nil
    }

    private func openProblem(_ code: Int32) -> String {
        switch code {
        case ELOOP:
            return "\(path) is a symbolic link, which the audit trail does not follow; remove it (or set XDG_STATE_HOME to another folder)"
        case ENXIO:
            // Opening a FIFO without a reader for writing, without waiting: it is a FIFO.
            return "\(path) is a FIFO, not a regular file; remove it (or set XDG_STATE_HOME to another folder)"
        default:
            return "cannot open \(path): \(String(cString: strerror(code)))"
        }
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case FileKind.fifo: "a FIFO"
        case FileKind.directory: "a directory"
        case FileKind.socket: "a socket"
        case FileKind.characterDevice, FileKind.blockDevice: "a device"
        default: "a special file"
        }
    }

    /// The file type bits of `st_mode` (S_IFMT and its kinds, which import as C macros).
    enum FileKind {
        static let mask: mode_t = 0o170000
        static let regular: mode_t = 0o100000
        static let fifo: mode_t = 0o010000
        static let directory: mode_t = 0o040000
        static let socket: mode_t = 0o140000
        static let characterDevice: mode_t = 0o020000
        static let blockDevice: mode_t = 0o060000
    }
}

/// Why the audit trail could not be read: one line naming the file and what to do.
struct AuditFileProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
