import Foundation
import TwilioConferences

/// The dashboard's one state machine: a message in, the state changed, effects out.
/// Pure: no terminal, no network, no timers; time arrives in messages.
public enum Reducer {
    public static func reduce(_ state: inout DashboardState, _ message: Message) -> [Effect] {
        var effects: [Effect]
        var reorders = true
        switch message {
        case .tick(let now):
            state.now = now
            expire(&state)
            effects = refreshOverview(&state)
        case .resized(let width, let height):
            state.width = max(1, width)
            state.height = max(1, height)
            effects = []
        case .key(let key):
            effects = handle(key: key, &state)
        case .polled(let participants, let conference, let latency, let at):
            state.now = max(state.now, at)
            (effects, reorders) = applyPoll(participants, conference: conference, latency: latency, at: at, &state)
        case .pollUnchanged(let conference, let latency, let at):
            state.now = max(state.now, at)
            effects = recordPoll(conference: conference, latency: latency, at: at, &state)
        case .pollFailed(let failure, let at):
            state.now = max(state.now, at)
            effects = applyPollFailure(failure, at: at, &state)
        case .actionFinished(let id, let outcome, let at):
            state.now = max(state.now, at)
            finish(action: id, outcome, at: at, &state)
            effects = []
        case .conferencesLoaded(let list):
            if case .picker(var picker)? = state.overlay {
                // A refresh keeps the highlight on the same conference; the first load starts on the one watched.
                let wanted = picker.loadedAt == nil ? state.conferenceSid : picker.conferences.indices.contains(picker.selection) ? picker.conferences[picker.selection].conference.sid : nil
                picker.conferences = list
                picker.loading = false
                picker.error = nil
                picker.loadedAt = state.now
                if let wanted, let index = list.firstIndex(where: { $0.conference.sid == wanted }) {
                    picker.selection = index
                }
                picker.selection = min(picker.selection, max(0, list.count - 1))
                state.overlay = .picker(picker)
            }
            effects = []
        case .conferencesFailed(let reason):
            if case .picker(var picker)? = state.overlay {
                picker.loading = false
                picker.error = reason
                picker.loadedAt = state.now
                state.overlay = .picker(picker)
            }
            effects = []
        case .interrupted:
            state.quitting = true
            effects = [.stopPolling, .quit]
        case .auditLoaded(let records):
            if case .audit(var view)? = state.overlay {
                view.records = records
                view.loading = false
                view.scroll = max(0, records.count - max(1, state.height - 7))
                state.overlay = .audit(view)
            }
            effects = []
        case .auditFailed(let reason):
            if case .audit(var view)? = state.overlay {
                view.loading = false
                view.error = reason
                state.overlay = .audit(view)
            }
            effects = []
        case .auditWriteFailed(let problem):
            state.events.append(.warning, "audit trail not written: \(problem)", at: state.now)
            effects = []
        case .conferenceFound(let conference):
            state.overlay = nil
            effects = switchTo(conference, &state)
        case .conferenceNotFound(let reason):
            state.events.append(.warning, reason, at: state.now)
            effects = []
        }
        // Only messages that can change the rows, their order or the selection need it checked.
        switch message {
        case .pollUnchanged, .pollFailed, .conferencesLoaded, .conferencesFailed, .actionFinished(_, .failed, _), .actionFinished(_, .uncertain, _), .auditWriteFailed:
            break
        default:
            if reorders { fixSelection(&state) }
        }
        return effects
    }

    // MARK: Starting

    /// The first effects: watch `conferenceSid`, or open the picker when there is none.
    public static func start(_ state: inout DashboardState, conference: Conference?) -> [Effect] {
        guard let conference else {
            state.overlay = .picker(Picker())
            return [.loadConferences]
        }
        return switchTo(conference, &state)
    }

    /// The conferences overview refreshes its counts every 3 s while it is open.
    static func refreshOverview(_ state: inout DashboardState) -> [Effect] {
        guard case .picker(var picker)? = state.overlay, !picker.loading, let loaded = picker.loadedAt,
              state.now.timeIntervalSince(loaded) >= 3 else { return [] }
        picker.loading = true
        state.overlay = .picker(picker)
        return [.loadConferences]
    }

    /// Watches another conference: the table starts afresh.
    static func switchTo(_ conference: Conference, _ state: inout DashboardState) -> [Effect] {
        state.conferenceSid = conference.sid
        state.conference = conference
        state.rows = [:]
        state.nextOrder = 0
        state.haveBaseline = false
        state.selection = nil
        state.selectionAnchor = nil
        state.selectionIndex = 0
        state.scrollTop = 0
        state.poll = PollStatus()
        state.marked = []
        state.supervisorCallSid = nil
        state.events.append(.info, "watching \(conference.friendlyName) (\(conference.sid))", at: state.now)
        return [.watch(conferenceSid: conference.sid, filter: state.listFilter.parameters)]
    }

    // MARK: Time

    static func expire(_ state: inout DashboardState) {
        let now = state.now
        let h = state.highlights
        for (sid, var row) in state.rows {
            if let departed = row.departedAt, now.timeIntervalSince(departed) >= h.tombstone {
                state.rows[sid] = nil
                state.marked.remove(sid)
                continue
            }
            var changed = false
            if let joined = row.joinedAt, now.timeIntervalSince(joined) >= h.joined {
                row.joinedAt = nil
                changed = true
            }
            let stale = row.marks.filter { now.timeIntervalSince($0.value.at) >= h.changed }.map(\.key)
            if !stale.isEmpty {
                for field in stale { row.marks[field] = nil }
                changed = true
            }
            if let action = row.action {
                switch action.phase {
                case .done(let at) where now.timeIntervalSince(at) >= h.actionDone,
                     .failed(_, let at) where now.timeIntervalSince(at) >= h.actionFailed:
                    row.action = nil
                    changed = true
                default:
                    break
                }
            }
            if changed { state.rows[sid] = row }
        }
    }

    // MARK: Selection

    static func fixSelection(_ state: inout DashboardState) {
        let rows = state.visibleIDs
        state.orderedIDs = rows
        guard !rows.isEmpty else {
            // Nothing is shown, so nothing is selected; the anchor brings the choice back.
            if state.selectionAnchor == nil { state.selectionAnchor = state.selection }
            state.selection = nil
            state.selectionIndex = 0
            state.scrollTop = 0
            return
        }
        let former = state.formerOrder
        state.formerOrder = []
        if let anchor = state.selectionAnchor, let index = rows.firstIndex(of: anchor) {
            state.selection = anchor
            state.selectionIndex = index
        } else if let selected = state.selection, let index = rows.firstIndex(of: selected) {
            state.selectionIndex = index
        } else if let near = nearest(to: state.selectionAnchor, in: former, shown: rows) {
            state.selection = rows[near]
            state.selectionIndex = near
        } else {
            let index = min(state.selectionIndex, rows.count - 1)
            state.selection = rows[index]
            state.selectionIndex = index
        }
        let visible = max(1, DashboardLayout(width: state.width, height: state.height).tableRows)
        if state.selectionIndex < state.scrollTop { state.scrollTop = state.selectionIndex }
        if state.selectionIndex >= state.scrollTop + visible { state.scrollTop = state.selectionIndex - visible + 1 }
        state.scrollTop = max(0, min(state.scrollTop, max(0, rows.count - visible)))
    }

    /// The index in `shown` of the participant closest to `sid` in `order` (below first, then above).
    static func nearest(to sid: String?, in order: [String], shown: [String]) -> Int? {
        guard let sid, let at = order.firstIndex(of: sid) else { return nil }
        for distance in 1..<max(1, order.count) {
            for i in [at + distance, at - distance] where order.indices.contains(i) {
                if let index = shown.firstIndex(of: order[i]) { return index }
            }
        }
        return nil
    }

    static func move(by step: Int, _ state: inout DashboardState) {
        let rows = state.visibleIDs
        guard !rows.isEmpty else { return }
        let index = max(0, min(rows.count - 1, state.selectionIndex + step))
        state.selection = rows[index]
        state.selectionAnchor = rows[index]
        state.selectionIndex = index
    }
}
