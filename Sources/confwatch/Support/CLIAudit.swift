import DashboardApp
import DashboardCore
import Foundation
import TwilioConferences

/// One-shot commands that change a call leave a line in the audit trail too (source "cli").
enum CLIAudit {
    /// Runs `body` (the API call) and records what `action` did to whom, done or failed.
    static func recording<T>(
        _ action: Action, conferenceSid: String?, conference: String?, participant: String?,
        sidOf: (T) -> String? = { _ in nil }, _ body: () async throws -> T
    ) async throws -> T {
        do {
            let result = try await body()
            write(action, conferenceSid: conferenceSid, conference: conference, participant: participant, sid: sidOf(result), error: nil)
            return result
        } catch {
            write(action, conferenceSid: conferenceSid, conference: conference, participant: participant, sid: nil, error: error)
            throw error
        }
    }

    private static func write(_ action: Action, conferenceSid: String?, conference: String?, participant: String?, sid: String?, error: (any Error)?) {
        var record = AuditTrail.record(action, source: "cli", conferenceSid: conferenceSid, conference: conference, participant: participant, error: error)
        if let sid { record.participantSid = sid }
        if let sid = record.participantSid, !sid.hasPrefix("CA") { record.participantSid = nil }
        if let problem = AuditTrail().append(record) {
            FileHandle.standardError.write(Data("warning: audit trail not written: \(problem)\n".utf8))
        }
    }
}
