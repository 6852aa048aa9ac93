import Foundation
import TwilioModels

extension Reducer {
    /// A participant's call arrived: their row says who they are from now on, and for a call that
    /// was never answered, how it ended.
    static func callFetched(_ call: Call, _ state: inout DashboardState) {
        state.calls.fetched(call)
        guard let row = state.table.rows[call.sid] else { return }
        state.table.rows[call.sid]?.call = call
        // The name, the number and what the text filter matches may have changed.
        if state.table.sort == .name || !state.table.textFilter.isEmpty { state.table.invalidate(.order) }
        if !row.answered, row.outcome == nil, let status = call.status, status.neverAnswered {
            settle(outcome: outcome(of: call, status, row, state), for: call.sid, &state)
        }
    }

    /// A read of a call failed. A call that never connected and has gone still needs its outcome
    /// told: after a few failed reads, as much as is known.
    static func callFailed(_ sid: String, retryAfter: Double?, _ state: inout DashboardState) {
        let failures = state.calls.failed(sid, retryAfter: retryAfter, now: state.now)
        guard failures >= 3, let row = state.table.rows[sid], !row.answered, row.outcome == nil, row.departedAt != nil else { return }
        settle(outcome: "ended before it was answered", for: sid, &state)
    }

    /// Says how an unanswered call ended, on its row (kept a minute) and once in the log.
    static func settle(outcome: String, for sid: String, _ state: inout DashboardState) {
        state.table.rows[sid]?.outcome = outcome
        state.log(.failed, "\(state.name(of: sid)): \(outcome)", about: sid)
    }

    /// "no answer after 30 s", "busy", "call failed", "call canceled".
    static func outcome(of call: Call, _ status: CallStatus, _ row: RowState, _ state: DashboardState) -> String {
        switch status {
        case .noAnswer:
            let start = call.startTime ?? call.dateCreated ?? row.participant.dateCreated ?? state.now
            let seconds = max(0, Int((call.endTime ?? row.departedAt ?? state.now).timeIntervalSince(start).rounded()))
            return "no answer after \(seconds) s"
        case .busy: return "busy"
        case .canceled: return "call canceled"
        default: return "call failed"
        }
    }

    /// A dial-out Twilio refused outright never became a participant: a tombstone row says what was
    /// refused and why, for a minute, like a call that failed.
    static func refusedDialOut(_ request: ActionRequest, _ p: CreateParticipant, reason: String, at: Date, _ state: inout DashboardState) {
        let sid = "dial-\(request.id)"
        var row = RowState(participant: Participant(
            accountSid: "", callSid: sid, conferenceSid: state.conferenceSid ?? "", label: p.label ?? p.to, status: .failed,
            dateCreated: at, dateUpdated: at), order: state.table.nextOrder)
        state.table.nextOrder += 1
        row.answered = false
        row.departedAt = at
        row.lastChangeAt = at
        row.outcome = "refused: \(reason)"
        state.table.rows[sid] = row
        state.table.invalidate(.order)
    }
}
