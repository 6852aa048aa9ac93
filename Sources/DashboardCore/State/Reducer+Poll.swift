import Foundation
import TwilioConferences

extension Reducer {
    /// A successful poll with its participants; also says whether the table's order may have changed.
    static func applyPoll(_ participants: [Participant], conference: Conference?, latency: Double, at: Date, _ state: inout DashboardState) -> (effects: [Effect], reorders: Bool) {
        let effects = recordPoll(conference: conference, latency: latency, at: at, &state)
        let reorders = apply(snapshot: participants, at: at, &state)
        return (effects, reorders)
    }

    /// A successful poll's bookkeeping: fresh again, latency, recovery, the conference's status.
    static func recordPoll(conference: Conference?, latency: Double, at: Date, _ state: inout DashboardState) -> [Effect] {
        var effects: [Effect] = []
        if state.poll.failures > 0 {
            state.events.append(.info, "polling recovered after \(state.poll.failures) failed \(state.poll.failures == 1 ? "poll" : "polls")", at: at)
        }
        state.poll.lastSuccess = at
        state.poll.lastLatency = latency
        state.poll.lastError = nil
        state.poll.failures = 0
        state.poll.failingSince = nil
        state.poll.nextAttempt = nil
        state.poll.halted = nil
        state.poll.polls += 1
        if let conference {
            let wasRunning = state.conference?.status != .completed
            state.conference = conference
            if conference.status == .completed && wasRunning {
                let reason = conference.reasonConferenceEnded.map { " (\($0))" } ?? ""
                state.events.append(.warning, "the conference has ended\(reason); press c to choose another", at: at)
                state.poll.halted = .conferenceEnded("the conference has ended\(reason)")
                effects.append(.stopPolling)
            }
        }
        return effects
    }

    /// Merges a snapshot into the rows: new rows highlighted, changed fields marked, departed rows kept as tombstones.
    /// Returns false when the table's order and membership cannot have changed: join order, nobody came or
    /// went, and no field changed that places a row (coaching moves a coach under whom it coaches).
    @discardableResult
    static func apply(snapshot participants: [Participant], at: Date, _ state: inout DashboardState) -> Bool {
        guard state.haveBaseline else {
            let (current, duplicates) = SnapshotDiff.unique(participants)
            logDuplicates(duplicates, at: at, &state)
            state.rows = [:]
            for p in current {
                state.rows[p.callSid] = RowState(participant: p, order: state.nextOrder)
                state.nextOrder += 1
            }
            state.haveBaseline = true
            let filtered = state.listFilter == .all ? "" : " (\(state.listFilter.rawValue))"
            state.events.append(.info, "\(current.count) participant\(current.count == 1 ? "" : "s")\(filtered)", at: at)
            return true
        }
        let diff = diffAgainstRows(participants, state)
        logDuplicates(diff.duplicates, at: at, &state)
        let filter = state.listFilter
        for p in diff.joined {
            var row = state.rows[p.callSid] ?? RowState(participant: p, order: state.nextOrder)
            if state.rows[p.callSid] == nil { state.nextOrder += 1 }
            row.participant = p
            row.departedAt = nil
            row.joinedAt = at
            row.lastChangeAt = at
            state.rows[p.callSid] = row
            let name = state.name(of: p.callSid)
            state.events.append(.joined, filter == .all ? "\(name) joined" : "\(name) now shown (\(filter.rawValue))", at: at)
        }
        for p in diff.left {
            guard var row = state.rows[p.callSid] else { continue }
            row.departedAt = at
            row.lastChangeAt = at
            state.rows[p.callSid] = row
            let name = state.name(of: p.callSid)
            state.events.append(.left, filter == .all ? "\(name) left" : "\(name) no longer shown (\(filter.rawValue))", at: at)
        }
        for changed in diff.changed {
            guard var row = state.rows[changed.participant.callSid] else { continue }
            let before = row.participant
            row.participant = changed.participant
            row.lastChangeAt = at
            for change in changed.changes {
                // A field that changes again while highlighted shows where it started (queued→connected),
                // unless it is back there: then this last change (no→yes→no shows yes→no, not no→no).
                let first = row.marks[change.field]?.old ?? change.old
                row.marks[change.field] = FieldMark(old: first == change.new ? change.old : first, new: change.new, at: at)
            }
            state.rows[changed.participant.callSid] = row
            for line in describe(changed.changes, before: before, after: changed.participant, state: state) {
                state.events.append(.changed, line, at: at)
            }
        }
        // Fields the dashboard does not watch (dates) still follow the API.
        for p in diff.touched { state.rows[p.callSid]?.participant = p }
        return state.sort != .joined || !diff.joined.isEmpty || !diff.left.isEmpty
            || diff.changed.contains { $0.changes.contains { Self.placesARow.contains($0.field) } }
    }

    /// Fields whose change can move a row in join order or in or out of the text filter.
    static let placesARow: Set<ParticipantField> = [.coaching, .coachedCall, .label]

    static func logDuplicates(_ duplicates: [String], at: Date, _ state: inout DashboardState) {
        for sid in duplicates {
            state.events.append(.warning, "the API listed \(DashboardState.shortSid(sid)) twice; showing the first", at: at)
        }
    }

    /// The snapshot against the live rows. A function of its own so that no reference to the rows
    /// outlives it: the merge that follows then mutates them in place instead of copying them all.
    static func diffAgainstRows(_ current: [Participant], _ state: DashboardState) -> SnapshotDiff {
        let rows = state.rows
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
    static func describe(_ changes: [FieldChange], before: Participant, after: Participant, state: DashboardState) -> [String] {
        let name = state.name(of: after.callSid)
        return changes.compactMap { change in
            switch change.field {
            case .muted: return "\(name) \(after.muted ? "muted" : "unmuted")"
            case .hold: return "\(name) \(after.hold ? "held" : "resumed")"
            case .status: return "\(name) \(change.old) → \(change.new)"
            case .coaching:
                if after.coaching == true { return "\(name) coaching \(after.callSidToCoach.map { state.name(of: $0) } ?? "someone")" }
                return "\(name) stopped coaching"
            case .coachedCall:
                guard after.coaching == true, before.coaching == true else { return nil }
                return "\(name) now coaching \(after.callSidToCoach.map { state.name(of: $0) } ?? "nobody")"
            case .label: return "\(DashboardState.shortSid(after.callSid)) label \(change.old) → \(change.new)"
            case .startConferenceOnEnter, .endConferenceOnExit: return "\(name) \(change.field.rawValue) \(change.old) → \(change.new)"
            }
        }
    }

    static func applyPollFailure(_ failure: PollFailure, at: Date, _ state: inout DashboardState) -> [Effect] {
        let repeated = state.poll.lastError == failure.message
        state.poll.lastError = failure.message
        state.poll.failures += 1
        state.poll.failingSince = state.poll.failingSince ?? at
        state.poll.nextAttempt = failure.retryAt
        switch failure.kind {
        case .unauthorized:
            state.poll.halted = .unauthorized(failure.message)
            state.events.append(.failed, "polling stopped: \(failure.message)", at: at)
            return [.stopPolling]
        case .notFound:
            state.poll.halted = .conferenceEnded(failure.message)
            state.events.append(.warning, "the conference is gone (\(failure.message)); press c to choose another — the last snapshot stays", at: at)
            return [.stopPolling]
        case .other:
            if !repeated { state.events.append(.failed, "poll failed: \(failure.message)", at: at) }
            return []
        }
    }
}
