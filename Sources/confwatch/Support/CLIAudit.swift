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
            await write(request, account: client.credentials.accountSid, sid: answer?.callSid, error: nil)
            return answer
        } catch {
            await write(request, account: client.credentials.accountSid, sid: nil, error: error)
            throw error
        }
    }

    /// Appends the record, waiting for the file a few seconds at most: a file that blocks (a FIFO, a
    /// hung network folder) costs a warning, never a command that does not end.
    private static func write(_ request: ActionRequest, account: String, sid: String?, error: (any Error)?) async {
        var record = AuditTrail.record(request, source: "cli", account: account, error: error)
        if let sid { record.participantSid = sid }
        // A participant named by label is not a SID.
        if let sid = record.participantSid, !SID.isCall(sid) { record.participantSid = nil }
        if let problem = await AuditTrail().append(record, secrets: request.action.write.secretValues, within: 3) {
            Console.line("warning: audit trail not written: \(problem)", to: .standardError)
        }
    }
}
