import CommandLineSupport
import DashboardApp
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// One-shot commands that change a call send it as the dashboard does (`ConferenceAction.write`)
/// and leave a line in the audit trail too (source "cli").
enum CLIAudit {
    /// Sends `action` to `conference` (a SID, or for a dial-out a friendly name) and records what it
    /// did to whom, done or failed. Returns the participant the API answers with, if any.
    static func perform(
        _ action: ConferenceAction, conference: String, resolved: Conference?, participant: String?, client: TwilioConferencesClient
    ) async throws -> Participant? {
        let request = ActionRequest(
            id: 0, action: action, conferenceSid: resolved?.sid ?? (SID.isConference(conference) ? conference : nil),
            conferenceName: resolved?.friendlyName ?? conference, participantName: participant)
        do {
            let answer = try await client.perform(action.write, conference: conference)
            write(request, account: client.credentials.accountSid, sid: answer?.callSid, error: nil)
            return answer
        } catch {
            write(request, account: client.credentials.accountSid, sid: nil, error: error)
            throw error
        }
    }

    private static func write(_ request: ActionRequest, account: String, sid: String?, error: (any Error)?) {
        var record = AuditTrail.record(request, source: "cli", account: account, error: error)
        if let sid { record.participantSid = sid }
        // A participant named by label is not a SID.
        if let sid = record.participantSid, !SID.isCall(sid) { record.participantSid = nil }
        if let problem = AuditTrail().append(record) {
            Console.line("warning: audit trail not written: \(problem)", to: .standardError)
        }
    }
}
