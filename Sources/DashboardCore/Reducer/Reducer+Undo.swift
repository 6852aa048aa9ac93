import Foundation
import TwilioModels

extension Reducer {
    /// Keeps what `requests` (one action, or a bulk action's parts) change, for undo.
    static func remember(_ requests: [ActionRequest], verb: String, _ state: inout DashboardState) {
        var entry = UndoEntry(verb: verb, at: state.now)
        for request in requests {
            guard let change = change(request.action, state) else {
                entry.irreversible = irreversible(request.action)
                continue
            }
            entry.planned[request.id] = change
        }
        state.actions.history.add(entry)
    }

    /// What an action changes, from the participant's value now; nil for what cannot be undone.
    static func change(_ action: ConferenceAction, _ state: DashboardState) -> UndoEntry.Change? {
        let after: Setting
        switch action {
        case .mute(_, let on): after = .muted(on)
        case .hold(_, let on, _, _): after = .hold(on)
        case .coach(_, let on, let target): after = .coaching(on, target: on ? target : nil)
        default: return nil
        }
        guard let sid = action.callSid, let row = state.table.rows[sid] else { return nil }
        return UndoEntry.Change(callSid: sid, name: row.name, before: after.current(row.participant), after: after)
    }

    static func irreversible(_ action: ConferenceAction) -> String {
        switch action {
        case .kick: "a kick cannot be undone"
        case .dial: "a dial-out cannot be undone (kick the participant instead)"
        case .announce: "an announcement cannot be taken back"
        case .endConference: "an ended conference cannot be restarted"
        case .recording: "a recording change is not undone here (R pauses or resumes)"
        default: "it cannot be undone"
        }
    }

    /// `u`: puts back what the newest action (within 10 minutes) changed, for everyone still there
    /// whose value is as that action left it; says whom it skipped and why. Again, the one before.
    static func undo(_ state: inout DashboardState) -> [Effect] {
        guard let entry = state.actions.history.takeLatest(now: state.now) else {
            state.log(.info, "nothing to undo (mutes, holds and coaching changes of the last 10 minutes can be)")
            return []
        }
        if let why = entry.irreversible, entry.changes.isEmpty {
            state.log(.warning, "cannot undo \(entry.verb): \(why); u again undoes the action before it")
            return []
        }
        if !entry.planned.isEmpty {
            state.actions.history.add(entry)
            state.log(.info, "\(entry.verb) is still under way: undo it once it has finished")
            return []
        }
        var actions: [ConferenceAction] = []
        var skipped: [String] = []
        for change in entry.changes {
            guard let row = state.table.rows[change.callSid], row.departedAt == nil else {
                skipped.append("\(change.name) (left)")
                continue
            }
            guard change.after.current(row.participant) == change.after else {
                skipped.append("\(change.name) (changed since)")
                continue
            }
            actions.append(restore(change.before, change.callSid, state))
        }
        if !skipped.isEmpty { state.log(.warning, "undo \(entry.verb): skipped \(skipped.joined(separator: ", "))") }
        guard !actions.isEmpty else {
            state.log(.info, "undo \(entry.verb): nothing left to put back")
            return []
        }
        return performBatch("undo \(entry.verb)", actions, undoing: true, &state)
    }

    /// The action that sets a setting back (a hold goes back with the configured music).
    static func restore(_ setting: Setting, _ sid: String, _ state: DashboardState) -> ConferenceAction {
        switch setting {
        case .muted(let on): .mute(callSid: sid, on)
        case .hold(let on): hold(sid, on, state)
        case .coaching(let on, let target): .coach(callSid: sid, on, target: target)
        }
    }
}
