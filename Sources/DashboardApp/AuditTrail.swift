import DashboardCore
import Foundation
import Synchronization
import TwilioConferences
import TwilioModels

/// The audit trail: one JSON line per action the supervisor takes, appended to
/// `$XDG_STATE_HOME/confwatch/audit.jsonl` (else `~/.local/state/confwatch/audit.jsonl`), readable by
/// the owner only. It holds what was done, to whom, with which parameters (credentials masked) and
/// what came of it, never a secret.
///
/// Every append and read runs on the trail's own serial queue: never on Swift's shared thread pool,
/// never on the UI thread, so a file that blocks (a FIFO, a home directory on a hung network share)
/// cannot stop polling, keys or quitting. Quitting waits for it only for a short, bounded flush.
public struct AuditTrail: Sendable {
    public let url: URL
    let file: AuditFile
    private let queue = DispatchQueue(label: "confwatch.audit")

    /// `file` is audit.jsonl; the demo keeps its own (demo-audit.jsonl), apart from real calls.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, file: String = "audit.jsonl") {
        self.init(url: XDGDirectory.state(environment: environment).appendingPathComponent(file))
    }

    init(url: URL, calls: AuditFile.SystemCalls = .real) {
        self.url = url
        self.file = AuditFile(path: url.path, calls: calls)
    }

    /// Appends one record on the audit queue; `done` gets what went wrong, if anything did.
    /// The record is cleaned of credentials, of `secrets` and of the configured secrets first.
    public func append(_ record: AuditRecord, secrets: [String] = [], then done: @escaping @Sendable (String?) -> Void) {
        queue.async { done(write(record, secrets: secrets)) }
    }

    /// Appends one record, waiting for it at most `seconds` (a one-shot command, before it exits).
    public func append(_ record: AuditRecord, secrets: [String] = [], within seconds: Double) async -> String? {
        let first = FirstAnswer()
        let late = "\(url.path) did not take the record within \(Int(seconds)) s (a hung network folder?)"
        return await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            append(record, secrets: secrets) { problem in
                if first.take() { continuation.resume(returning: problem) }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                if first.take() { continuation.resume(returning: late) }
            }
        }
    }

    /// Reads the last `count` records of `account` on the audit queue (see `tail`).
    func read(account: String, count: Int = 500, then done: @escaping @Sendable (Result<(records: [AuditRecord], otherAccounts: Int), AuditFileProblem>) -> Void) {
        queue.async { done(Result { () throws(AuditFileProblem) in try tail(count, account: account) }) }
    }

    /// Waits until what was handed to the queue so far is written, for at most `seconds`; false when
    /// the file did not answer in time (quitting goes ahead anyway).
    @discardableResult
    public func flush(within seconds: Double) -> Bool {
        let drained = DispatchSemaphore(value: 0)
        queue.async { drained.signal() }
        return drained.wait(timeout: .now() + seconds) == .success
    }

    /// Appends one record now, on the caller's thread (the audit queue's work).
    func write(_ record: AuditRecord, secrets: [String] = []) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(record.redacted(secrets: secrets)) else { return "cannot write \(url.path): the record could not be encoded" }
        line.append(0x0A)
        return file.append(line).map(Redaction.redact)
    }

    /// The last `count` records of `account` (unreadable lines are skipped, and so is a last line
    /// still being written), and how many of the others there were: of other accounts, or written
    /// before records named their account. Now, on the caller's thread (the audit queue's work).
    func tail(_ count: Int = 500, account: String) throws(AuditFileProblem) -> (records: [AuditRecord], otherAccounts: Int) {
        guard let lines = try file.wholeLines() else { return ([], 0) }
        let decoder = JSONDecoder()
        let all = lines.compactMap { try? decoder.decode(AuditRecord.self, from: Data($0.utf8)) }
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
            message: error.map { Redaction.redact(FailureText.short($0), secrets: request.action.write.secretValues) })
    }
}

/// Whichever answer comes first: true once, then false.
private final class FirstAnswer: Sendable {
    private let taken = Mutex(false)

    func take() -> Bool {
        taken.withLock { taken in
            defer { taken = true }
            return !taken
        }
    }
}
