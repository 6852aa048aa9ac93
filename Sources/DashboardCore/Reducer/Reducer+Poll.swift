import Foundation
import TwilioModels

extension Reducer {
    /// A successful poll's bookkeeping: fresh again, latency, recovery, the conference's status.
    static func recordPoll(conference: Conference?, latency: Double, at: Date, _ state: inout DashboardState) -> [Effect] {
        if state.poll.failures > 0 {
            state.log(.recovery, "polling recovered after \(state.poll.failures) failed \(state.poll.failures == 1 ? "poll" : "polls")", at: at)
        }
        state.poll.succeeded(at: at, latency: latency)
        guard let conference else { return [] }
        let wasRunning = state.conference?.status != .completed
        state.conference = conference
        guard conference.status == .completed && wasRunning else { return [] }
        let reason = conference.reasonConferenceEnded.map { " (\($0))" } ?? ""
        state.events.append(.warning, "the conference has ended\(reason); press c to choose another", at: at)
        state.poll.halted = .conferenceEnded("the conference has ended\(reason)")
        return [.stopPolling]
    }

    /// Merges a snapshot into the rows: new rows highlighted, changed fields marked, departed rows
    /// kept as tombstones. A row one of our actions' answers set after the poll was sent (`sentAt`)
    /// is left as the answer set it: the poll shows it as it was before.
    static func apply(snapshot participants: [Participant], sentAt: Date, at: Date, _ state: inout DashboardState) {
        defer { noteUnreadable(participants, at: at, &state) }
        guard state.table.haveBaseline else { return applyBaseline(participants, at: at, &state) }
        let diff = diffAgainstRows(participants, state.table)
        let rows = state.table.rows
        func current(_ sid: String) -> Bool { rows[sid]?.settledByAnswerAt.map { $0 <= sentAt } ?? true }
        logDuplicates(diff.duplicates, at: at, &state)
        for p in diff.joined where current(p.callSid) { join(p, at: at, &state) }
        for p in diff.left where current(p.callSid) { leave(p.callSid, at: at, &state) }
        for changed in diff.changed where current(changed.participant.callSid) { change(changed.participant, changed.changes, at: at, &state) }
        // Fields the dashboard does not watch (dates) still follow the API.
        for p in diff.touched where current(p.callSid) {
            state.table.rows[p.callSid]?.participant = p
            if state.table.sort == .recent { state.table.invalidate(.order) }
        }
    }

    /// The first snapshot of a conference (or of a list filter): the table, without highlights.
    static func applyBaseline(_ participants: [Participant], at: Date, _ state: inout DashboardState) {
        let (current, duplicates) = SnapshotDiff.unique(participants)
        logDuplicates(duplicates, at: at, &state)
        state.table.rows = [:]
        for p in current {
            var row = RowState(participant: p, order: state.table.nextOrder)
            row.call = state.calls.calls[p.callSid]
            state.table.rows[p.callSid] = row
            state.table.nextOrder += 1
            state.calls.want(p.callSid)
        }
        state.table.haveBaseline = true
        state.table.invalidate(.order)
        let filter = state.table.listFilter
        let filtered = filter == .all ? "" : " (\(filter.rawValue))"
        state.events.append(.info, "\(current.count) participant\(current.count == 1 ? "" : "s")\(filtered)", at: at)
    }

    /// Someone new (or back under the filter): a highlighted row, and a line in the log.
    static func join(_ p: Participant, at: Date, _ state: inout DashboardState) {
        var row = state.table.rows[p.callSid] ?? RowState(participant: p, order: state.table.nextOrder)
        if state.table.rows[p.callSid] == nil { state.table.nextOrder += 1 }
        row.participant = p
        row.call = state.calls.calls[p.callSid]
        row.departedAt = nil
        row.joinedAt = at
        row.lastChangeAt = at
        row.answered = row.answered || RowState.isAnswered(p.status)
        state.table.rows[p.callSid] = row
        state.table.invalidate(.order)
        state.calls.want(p.callSid)
        let filter = state.table.listFilter
        let name = state.name(of: p.callSid)
        if filter != .all {
            state.log(.view, "\(name) now shown (\(filter.rawValue))", about: p.callSid, at: at)
        } else if row.answered {
            state.log(.joined, "\(name) joined", about: p.callSid, at: at)
        } else {
            // A dial-out: it has not joined until it is answered.
            state.log(.joined, "\(name) is being called (\(p.status?.rawValue ?? "queued"))", about: p.callSid, at: at)
        }
    }

    /// Someone gone (or no longer under the filter): the row stays a few seconds as a tombstone.
    static func leave(_ sid: String, at: Date, _ state: inout DashboardState) {
        guard var row = state.table.rows[sid] else { return }
        row.departedAt = at
        row.lastChangeAt = at
        state.table.rows[sid] = row
        state.table.invalidate(.order)
        let filter = state.table.listFilter
        let name = state.name(of: sid)
        if filter != .all {
            state.log(.view, "\(name) no longer shown (\(filter.rawValue))", about: sid, at: at)
        } else if row.answered {
            state.log(.left, "\(name) left", about: sid, at: at)
        } else {
            // Never answered: its call says how it ended, and the log says so then.
            state.calls.want(sid, again: row.outcome == nil)
        }
    }

    /// A participant whose watched fields changed: each field marked (old → new), one log line each.
    static func change(_ p: Participant, _ changes: [FieldChange], at: Date, _ state: inout DashboardState) {
        guard var row = state.table.rows[p.callSid] else { return }
        let before = row.participant
        let wasAnswered = row.answered
        row.participant = p
        row.answered = wasAnswered || RowState.isAnswered(p.status)
        row.lastChangeAt = at
        for change in changes {
            // A field that changes again while highlighted shows where it started (queued→connected),
            // unless it is back there: then this last change (no→yes→no shows yes→no, not no→no).
            let first = row.marks[change.field]?.old ?? change.old
            row.marks[change.field] = FieldMark(old: first == change.new ? change.old : first, new: change.new, at: at)
        }
        state.table.rows[p.callSid] = row
        // A new status: read the call again (how it is going, or how it ended).
        if changes.contains(where: { $0.field == .status }) { state.calls.want(p.callSid, again: true) }
        let sort = state.table.sort
        if changes.contains(where: { ParticipantField.placesARow.contains($0.field) || sort.depends(on: $0.field) }) {
            state.table.invalidate(.order)
        }
        for line in describe(changes, before: before, after: p, answered: wasAnswered, state) { state.log(.changed, line, about: p.callSid, at: at) }
    }

    static func logDuplicates(_ duplicates: [String], at: Date, _ state: inout DashboardState) {
        for sid in duplicates {
            state.events.append(.warning, "the API listed \(SID.short(sid)) twice; showing the first", at: at)
        }
    }

    /// The snapshot against the live rows. A function of its own so that no reference to the rows
    /// outlives it: the merge that follows then mutates them in place instead of copying them all.
    static func diffAgainstRows(_ current: [Participant], _ table: TableState) -> SnapshotDiff {
        let rows = table.rows
        var live: [(Int, String)] = []
        live.reserveCapacity(rows.count)
        for (sid, row) in rows where row.departedAt == nil { live.append((row.order, sid)) }
        live.sort { $0.0 < $1.0 }
        return SnapshotDiff.between(previous: live.map(\.1), lookup: { sid in
            guard let row = rows[sid], row.departedAt == nil else { return nil }
            return row.participant
        }, current)
    }

    /// Log lines for a participant's changes: "alice muted", "bob ringing → connected"…
    /// `answered`: whether the participant had been connected before these changes.
    static func describe(_ changes: [FieldChange], before: Participant, after: Participant, answered: Bool, _ state: DashboardState) -> [String] {
        let name = state.name(of: after.callSid)
        return changes.compactMap { change in
            switch change.field {
            case .muted: return "\(name) \(after.muted ? "muted" : "unmuted")"
            case .hold: return "\(name) \(after.hold ? "held" : "resumed")"
            case .status where !answered && after.status == .connected: return "\(name) answered and joined"
            // A call that ends unanswered: its outcome (no answer, busy…) is told once the call is read.
            case .status where !answered && (after.status == .failed || after.status == .complete): return nil
            case .status: return "\(name) \(change.old.text) → \(change.new.text)"
            case .coaching:
                if after.coaching == true { return "\(name) coaching \(after.callSidToCoach.map { state.name(of: $0) } ?? "someone")" }
                return "\(name) stopped coaching"
            case .coachedCall:
                guard after.coaching == true, before.coaching == true else { return nil }
                return "\(name) now coaching \(after.callSidToCoach.map { state.name(of: $0) } ?? "nobody")"
            case .label: return "\(SID.short(after.callSid)) label \(change.old.text) → \(change.new.text)"
            case .startConferenceOnEnter, .endConferenceOnExit: return "\(name) \(change.field.rawValue) \(change.old.text) → \(change.new.text)"
            }
        }
    }

    static func applyPollFailure(_ failure: PollFailure, at: Date, _ state: inout DashboardState) -> [Effect] {
        let repeated = state.poll.lastError == failure.message
        state.poll.failed(failure, at: at)
        switch failure.kind {
        case .unauthorized:
            state.poll.halted = .unauthorized(failure.message)
            state.log(.fault, "polling stopped: \(failure.message)", at: at)
            return [.stopPolling]
        case .notFound:
            state.poll.halted = .conferenceEnded(failure.message)
            state.events.append(.warning, "the conference is gone (\(failure.message)); press c to choose another — the last snapshot stays", at: at)
            return [.stopPolling]
        case .other:
            if !repeated { state.log(.fault, "poll failed: \(failure.message)", at: at) }
            return []
        }
    }

    // MARK: Time

    /// Highlights fade, finished actions' results go, tombstones are removed.
    static func expire(_ state: inout DashboardState) {
        let now = state.now
        if let note = state.events.note, note.until <= now {
            state.events.note = nil
            state.revision &+= 1
        }
        guard now >= state.table.nextExpiry else { return }
        state.revision &+= 1
        let h = state.settings.highlights
        var next = Date.distantFuture
        for (sid, var row) in state.table.rows {
            // A call that never connected stays a minute: how it ended is told, or still to come.
            if let departed = row.departedAt {
                let until = departed.addingTimeInterval(row.answered ? h.tombstone : h.outcome)
                if now >= until {
                    state.table.rows[sid] = nil
                    state.table.marked.remove(sid)
                    state.table.invalidate(.order)
                    continue
                }
                next = min(next, until)
            }
            var changed = false
            if let joined = row.joinedAt {
                if now.timeIntervalSince(joined) >= h.joined {
                    row.joinedAt = nil
                    changed = true
                } else {
                    next = min(next, joined.addingTimeInterval(h.joined))
                }
            }
            for (field, mark) in row.marks {
                if now.timeIntervalSince(mark.at) >= h.changed {
                    row.marks[field] = nil
                    changed = true
                } else {
                    next = min(next, mark.at.addingTimeInterval(h.changed))
                }
            }
            if let until = row.action.flatMap({ resultShownUntil($0.phase, h) }) {
                if now >= until {
                    row.action = nil
                    changed = true
                } else {
                    next = min(next, until)
                }
            }
            if changed { state.table.rows[sid] = row }
        }
        state.table.nextExpiry = next
    }

    /// Until when an action's result stays on its row: a success briefly, a failure longer.
    private static func resultShownUntil(_ phase: RowAction.Phase, _ h: Highlights) -> Date? {
        switch phase {
        case .done(let at): at.addingTimeInterval(h.actionDone)
        case .failed(_, let at): at.addingTimeInterval(h.actionFailed)
        default: nil
        }
    }
}
