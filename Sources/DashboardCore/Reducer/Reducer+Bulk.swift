import Foundation
import TwilioModels

extension Reducer {
    /// Sends one action per participant as a bulk action: one line in the log when it starts and one
    /// when every part has answered, each participant's own result on its row.
    static func performBatch(_ verb: String, _ actions: [ConferenceAction], _ state: inout DashboardState) -> [Effect] {
        guard !actions.isEmpty else {
            state.events.append(.info, "\(verb): nobody to change", at: state.now)
            return []
        }
        if actions.count == 1 { return perform(actions[0], &state) }
        let batch = state.actions.nextBatch
        state.actions.nextBatch += 1
        state.actions.batches[batch] = Batch(verb: verb, total: actions.count)
        state.events.append(.action, "you: \(verb) (\(actions.count)) …", at: state.now)
        return actions.map { action in
            let request = request(for: action, &state)
            state.actions.batchOf[request.id] = batch
            if let sid = action.callSid { state.table.rows[sid]?.action = RowAction(id: request.id, verb: action.verb, phase: .pending) }
            return .perform(request)
        }
    }

    /// Counts a bulk action's part; returns true when the part belonged to one (logged there, not alone).
    static func countInBatch(_ id: Int, _ request: ActionRequest?, _ outcome: ActionOutcome, at: Date, _ state: inout DashboardState) -> Bool {
        guard let batchID = state.actions.batchOf.removeValue(forKey: id), var batch = state.actions.batches[batchID] else { return false }
        switch outcome {
        case .done: batch.done += 1
        case .failed(let reason), .uncertain(let reason): batch.failed.append("\(request?.participantName ?? "?"): \(reason)")
        }
        guard batch.finished else {
            state.actions.batches[batchID] = batch
            return true
        }
        state.actions.batches[batchID] = nil
        if batch.failed.isEmpty {
            state.events.append(.done, "you: \(batch.verb) ✓ all \(batch.total)", at: at)
        } else {
            let reasons = batch.failed.prefix(3).joined(separator: "; ") + (batch.failed.count > 3 ? "; …" : "")
            state.events.append(.failed, "you: \(batch.verb): \(batch.done) done, \(batch.failed.count) failed — \(reasons)", at: at)
        }
        return true
    }

    static func muteAll(except keep: String?, _ state: inout DashboardState) -> [Effect] {
        let marked = state.table.markedIDs
        let targets = marked.isEmpty || keep != nil ? state.table.liveIDs : marked
        var actions = targets.filter { $0 != keep && $0 != state.supervisor.callSid && state.table.rows[$0]?.participant.muted == false }
            .map { ConferenceAction.mute(callSid: $0, true) }
        if let keep, state.table.rows[keep]?.participant.muted == true { actions.append(.mute(callSid: keep, false)) }
        let verb = keep.map { "mute all\(shown(state)) except \(state.name(of: $0))" } ?? (marked.isEmpty ? "mute all\(shown(state))" : "mute the marked")
        state.table.marked = []
        return performBatch(verb, actions, &state)
    }

    static func muteAllExceptSelected(_ state: inout DashboardState) -> [Effect] {
        guard let row = requireSelection("keep unmuted", &state) else { return [] }
        return muteAll(except: row.callSid, &state)
    }

    static func unmuteAll(_ state: inout DashboardState) -> [Effect] {
        let marked = state.table.markedIDs
        let targets = marked.isEmpty ? state.table.liveIDs : marked
        let actions = targets.filter { state.table.rows[$0]?.participant.muted == true && $0 != state.supervisor.callSid }
            .map { ConferenceAction.mute(callSid: $0, false) }
        state.table.marked = []
        return performBatch(marked.isEmpty ? "unmute all\(shown(state))" : "unmute the marked", actions, &state)
    }

    /// " shown" when a filter hides some participants: "all" then means all the table shows.
    static func shown(_ state: DashboardState) -> String {
        state.table.listFilter != .all || !state.table.textFilter.isEmpty ? " shown" : ""
    }

    /// Hold the marked (or resume them when all are held already).
    static func holdMarked(_ state: inout DashboardState) -> [Effect] {
        let marked = state.table.markedIDs
        let holding = marked.contains { state.table.rows[$0]?.participant.hold == false }
        let actions = marked.filter { state.table.rows[$0]?.participant.hold != holding }.map { hold($0, holding, state) }
        state.table.marked = []
        return performBatch(holding ? "hold the marked" : "resume the marked", actions, &state)
    }
}
