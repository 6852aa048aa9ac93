import Foundation
import TwilioConferences

extension Reducer {
    /// Live participants (not tombstones), in table order.
    static func liveIDs(_ state: DashboardState) -> [String] {
        state.orderedIDs.filter { state.rows[$0]?.departedAt == nil }
    }

    /// The marked participants still here, in table order.
    static func markedIDs(_ state: DashboardState) -> [String] {
        liveIDs(state).filter { state.marked.contains($0) }
    }

    /// Sends one action per participant as a bulk action: one line in the log when it starts and one
    /// when every part has answered, each participant's own result on its row.
    static func performBatch(_ verb: String, _ actions: [Action], _ state: inout DashboardState) -> [Effect] {
        guard !state.readOnly else {
            state.events.append(.warning, "read-only: \(verb) not sent", at: state.now)
            return []
        }
        guard !actions.isEmpty else {
            state.events.append(.info, "\(verb): nobody to change", at: state.now)
            return []
        }
        if actions.count == 1 { return perform(actions[0], &state) }
        let batch = state.nextBatch
        state.nextBatch += 1
        state.batches[batch] = Batch(verb: verb, total: actions.count)
        state.events.append(.action, "you: \(verb) (\(actions.count)) …", at: state.now)
        var effects: [Effect] = []
        for action in actions {
            let id = state.nextActionId
            state.nextActionId += 1
            state.pending[id] = action
            state.batchOf[id] = batch
            if let sid = action.callSid { state.rows[sid]?.action = RowAction(id: id, verb: action.verb, phase: .pending) }
            effects.append(.perform(id: id, action))
        }
        return effects
    }

    /// Counts a bulk action's part; returns true when the part belonged to one (logged there, not alone).
    static func countInBatch(_ id: Int, _ action: Action?, _ outcome: ActionOutcome, at: Date, _ state: inout DashboardState) -> Bool {
        guard let batchID = state.batchOf.removeValue(forKey: id), var batch = state.batches[batchID] else { return false }
        switch outcome {
        case .done: batch.done += 1
        case .failed(let reason), .uncertain(let reason): batch.failed.append("\(action?.callSid.map { state.name(of: $0) } ?? "?"): \(reason)")
        }
        if batch.finished {
            state.batches[batchID] = nil
            if batch.failed.isEmpty {
                state.events.append(.done, "you: \(batch.verb) ✓ all \(batch.total)", at: at)
            } else {
                state.events.append(.failed, "you: \(batch.verb): \(batch.done) done, \(batch.failed.count) failed — \(batch.failed.prefix(3).joined(separator: "; "))\(batch.failed.count > 3 ? "; …" : "")", at: at)
            }
        } else {
            state.batches[batchID] = batch
        }
        return true
    }

    static func muteAll(except keep: String?, _ state: inout DashboardState) -> [Effect] {
        let targets = markedIDs(state).isEmpty || keep != nil ? liveIDs(state) : markedIDs(state)
        var actions = targets.filter { $0 != keep && $0 != state.supervisorCallSid && state.rows[$0]?.participant.muted == false }
            .map { Action.mute(callSid: $0, true) }
        if let keep, state.rows[keep]?.participant.muted == true { actions.append(.mute(callSid: keep, false)) }
        let verb = keep.map { "mute all\(shown(state)) except \(state.name(of: $0))" } ?? (markedIDs(state).isEmpty ? "mute all\(shown(state))" : "mute the marked")
        state.marked = []
        return performBatch(verb, actions, &state)
    }

    static func unmuteAll(_ state: inout DashboardState) -> [Effect] {
        let marked = markedIDs(state)
        let targets = marked.isEmpty ? liveIDs(state) : marked
        let actions = targets.filter { state.rows[$0]?.participant.muted == true && $0 != state.supervisorCallSid }.map { Action.mute(callSid: $0, false) }
        state.marked = []
        return performBatch(marked.isEmpty ? "unmute all\(shown(state))" : "unmute the marked", actions, &state)
    }

    /// " shown" when a filter hides some participants: "all" then means all the table shows.
    static func shown(_ state: DashboardState) -> String {
        state.listFilter != .all || !state.textFilter.isEmpty ? " shown" : ""
    }

    /// Hold the marked (or resume them when all are held already).
    static func holdMarked(_ state: inout DashboardState) -> [Effect] {
        let marked = markedIDs(state)
        let holding = marked.contains { state.rows[$0]?.participant.hold == false }
        let actions = marked.filter { state.rows[$0]?.participant.hold != holding }.map {
            Action.hold(callSid: $0, holding, url: holding ? state.holdURL : nil, method: holding && state.holdURL != nil ? state.holdMethod : nil)
        }
        state.marked = []
        return performBatch(holding ? "hold the marked" : "resume the marked", actions, &state)
    }
}
