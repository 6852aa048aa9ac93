import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// The audit trail: one JSON line per action the supervisor takes, appended to
/// `$XDG_STATE_HOME/confwatch/audit.jsonl` (else `~/.local/state/confwatch/audit.jsonl`), readable by
/// the owner only. It holds what was done, to whom, with which parameters (credentials masked) and
/// what came of it, never a secret.
public struct AuditTrail: Sendable {
    public let url: URL

    /// `file` is audit.jsonl; the demo keeps its own (demo-audit.jsonl), apart from real calls.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, file: String = "audit.jsonl") {
        url = XDGDirectory.state(environment: environment).appendingPathComponent(file)
    }

    /// Appends one record; a failure to write is returned, for the caller to report.
    @discardableResult
    public func append(_ record: AuditRecord) -> String? {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var line = try encoder.encode(record)
            line.append(0x0A)
            let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return "cannot open \(url.path): \(String(cString: strerror(errno)))" }
            defer { close(fd) }
            let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            return written == line.count ? nil : "cannot write \(url.path): \(String(cString: strerror(errno)))"
        } catch {
            return "cannot write \(url.path): \(error.localizedDescription)"
        }
    }

    /// The last `count` records of `account` (unreadable lines are skipped), and how many of the
    /// others there were: of other accounts, or written before records named their account.
    public func tail(_ count: Int = 500, account: String) throws -> (records: [AuditRecord], otherAccounts: Int) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], 0) }
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        let all = text.split(separator: "\n").compactMap { try? decoder.decode(AuditRecord.self, from: Data($0.utf8)) }
        let mine = all.filter { $0.accountSid == account }
        return (Array(mine.suffix(count)), all.count - mine.count)
    }

    /// The record for an action and what came of it.
    public static func record(_ request: ActionRequest, source: String, account: String, error: (any Error)?, at: Date = Date()) -> AuditRecord {
        let twilio = error as? TwilioError
        return AuditRecord(
            time: at, source: source, accountSid: account, conferenceSid: request.conferenceSid, conference: request.conferenceName,
            action: request.undo ? "\(request.action.verb) (undo)" : request.action.verb,
            participantSid: request.action.callSid, participant: request.participantName, parameters: request.action.write.redactedParameters,
            result: error == nil ? "done" : "failed", code: twilio?.code, httpStatus: twilio?.httpStatus,
            message: error.map { FailureText.short($0) })
    }
}
