import DashboardCore
import Foundation
import Synchronization
import Testing
import TwilioModels
@testable import DashboardApp
#if canImport(Glibc)
import Glibc
#endif

/// The audit trail's file: a record is appended whole or not at all (a full disk leaves no torn line,
/// and says why in the real errno's words), reading skips a line not finished, and the file is the
/// owner's own regular file: a FIFO or a symbolic link is refused in one line, looser permissions are
/// tightened. Real files in a temporary folder; a full disk by a write(2) that fails half-way.
@Suite("The audit trail's file", .serialized, .timeLimit(.minutes(1)))
struct AuditFileTests {
    static let account = "AC" + String(repeating: "a", count: 32)

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("confwatch-auditfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func record(_ n: Int, message: String? = nil) -> AuditRecord {
        AuditRecord(
            time: Date(timeIntervalSince1970: 1_764_000_000 + Double(n)), source: "dashboard", accountSid: account, conferenceSid: nil,
            conference: "standup", action: "mute", participantSid: nil, participant: "p\(n)", parameters: ["Muted": "true"],
            result: message == nil ? "done" : "failed", message: message)
    }

    /// write(2) as a disk that fills up half-way through a record: half of it is written, then ENOSPC.
    static func fullDisk() -> AuditFile.SystemCalls {
        let calls = Mutex(0)
        return AuditFile.SystemCalls(open: { Glibc.open($0, $1, $2) }, write: { fd, bytes, count in
            let call = calls.withLock { n in
                n += 1
                return n
            }
            if call == 1 { return Glibc.write(fd, bytes, count / 2) }
            errno = ENOSPC
            return -1
        })
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aFullDiskLeavesNoTornLineAndSaysWhyInTheRealWords() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("confwatch/audit.jsonl")
        #expect(AuditTrail(url: url).write(Self.record(1)) == nil)
        let before = try Self.text(url)
        let problem = AuditTrail(url: url, calls: Self.fullDisk()).write(Self.record(2))
        #expect(problem == "cannot write \(url.path): No space left on device", "not \"Success\"")
        #expect(try Self.text(url) == before, "the half-written record is gone")
        #expect(AuditTrail(url: url).write(Self.record(3)) == nil)
        let tail = try AuditTrail(url: url).tail(account: Self.account)
        #expect(tail.records.map(\.participant) == ["p1", "p3"], "the next record does not join a torn line")
    }

    @Test func aLineLeftUnfinishedByACrashKeepsALineOfItsOwn() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("audit.jsonl")
        #expect(AuditTrail(url: url).write(Self.record(1)) == nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"time":"2026-11-25T10:00"#.utf8))
        try handle.close()
        #expect(AuditTrail(url: url).write(Self.record(2)) == nil)
        #expect(try AuditTrail(url: url).tail(account: Self.account).records.map(\.participant) == ["p1", "p2"])
    }

    @Test func theViewerSkipsALastLineStillBeingWritten() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("audit.jsonl")
        #expect(AuditTrail(url: url).write(Self.record(1)) == nil)
        // A whole record but for its newline: not a line yet.
        let encoder = JSONEncoder()
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: try encoder.encode(Self.record(2)))
        try handle.close()
        #expect(try AuditTrail(url: url).tail(account: Self.account).records.map(\.participant) == ["p1"])
    }

    @Test func aFIFOIsRefusedInOneLineWithoutWaitingForAReader() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("audit.jsonl")
        #expect(mkfifo(url.path, 0o600) == 0)
        let trail = AuditTrail(url: url)
        let fix = "not a regular file; remove it (or set XDG_STATE_HOME to another folder)"
        #expect(trail.write(Self.record(1)) == "\(url.path) is a FIFO, \(fix)")
        // With a reader at the other end it opens at once; it is still not a file.
        let reader = open(url.path, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        #expect(trail.write(Self.record(1)) == "\(url.path) is a FIFO, \(fix)")
        #expect(throws: AuditFileProblem.self) { try trail.tail(account: Self.account) }
        #expect((try? trail.tail(account: Self.account)) == nil)
    }

    @Test func aSymbolicLinkIsNeitherFollowedNorWrittenThrough() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let target = home.appendingPathComponent("elsewhere.txt")
        try Data("untouched\n".utf8).write(to: target)
        let url = home.appendingPathComponent("audit.jsonl")
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
        let problem = AuditTrail(url: url).write(Self.record(1))
        #expect(problem == "\(url.path) is a symbolic link, which the audit trail does not follow; remove it (or set XDG_STATE_HOME to another folder)")
        #expect(try Self.text(target) == "untouched\n")
        #expect(throws: AuditFileProblem.self) { try AuditTrail(url: url).tail(account: Self.account) }
    }

    @Test func aFileOthersCanReadIsMadePrivate() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("audit.jsonl")
        try Data().write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        #expect(AuditTrail(url: url).write(Self.record(1)) == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
        // A new file is private from the start.
        let fresh = home.appendingPathComponent("new/audit.jsonl")
        #expect(AuditTrail(url: fresh).write(Self.record(1)) == nil)
        #expect(try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aRecordKeepsNoSecretAServerEchoed() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("audit.jsonl")
        let basic = Data("\(Self.account):sip-secret-4411".utf8).base64EncodedString()
        let record = Self.record(1, message: "21210 echo: Authorization: Basic \(basic); password sip-secret-4411")
        #expect(AuditTrail(url: url).write(record, secrets: ["sip-secret-4411"]) == nil)
        let text = try Self.text(url)
        #expect(!text.contains("sip-secret-4411") && !text.contains(basic), "\(text)")
        #expect(text.contains("Basic <redacted>"))
    }
}
