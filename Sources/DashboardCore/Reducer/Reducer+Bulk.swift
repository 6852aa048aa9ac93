import Foundation
import TwilioModels

extension Reducer {
    /// Sends one action per participant as a bulk action: one line in the log when it starts and one
    /// when every part has answered, each participant's own result on its row.
    /// A participant with the same kind of action still pending is left out, and the log says so.
    static func performBatch(_ verb: String, _ wanted: [ConferenceAction], undoing: Bool = false, _ state: inout DashboardState) -> [Effect] {
        guard !wanted.isEmpty else {
            state.events.append(.info, "\(verb): nobody to change", at: state.now)
            return []
        }
        let repeats = wanted.compactMap { action in pendingLike(action, state).map { (action, $0) } }
        let actions = wanted.filter { action in !repeats.contains { $0.0 == action } }
        if !repeats.isEmpty {
            let skipped = repeats.map { "\(describe($0.1, state)) already pending" }.joined(separator: ", ")
            state.log(.info, "\(verb): skipped \(skipped)")
        }
        guard !actions.isEmpty else { return [] }
        if actions.count == 1 { return perform(actions[0], undoing: undoing, &state) }
        let batch = state.actions.nextBatch
        state.actions.nextBatch += 1
        state.actions.batches[batch] = Batch(verb: verb, total: actions.count)
        state.log(.action, "you: \(verb) (\(actions.count)) …", mine: true, batch: batch)
        let requests = actions.map { action in
            let request = request(for: action, undoing: undoing, lane: .bulk, &state)
            state.actions.batchOf[request.id] = batch
            if let sid = action.callSid { state.table.rows[sid]?.action = RowAction(id: request.id, verb: action.verb, phase: .pending) }
            return request
        }
        if !undoing { remember(requests, verb: verb, &state) }
        return requests.map(Effect.perform)
    }

    /// Counts a bulk action's part; returns true when the part belonged to one (logged there, not alone).
    static func countInBatch(_ id: Int, _ request: ActionRequest?, _ outcome: ActionOutcome, at: Date, _ state: inout DashboardState) -> Bool {
        guard let batchID = state.actions.batchOf.removeValue(forKey: id), var batch = state.actions.batches[batchID] else { return false }
        let name = request?.participantName ?? "?"
        switch outcome {
        case .done:
            batch.done += 1
            batch.parts.append("\(name) ✓")
        case .failed(let reason), .uncertain(let reason):
            batch.failed.append("\(name): \(reason)")
            batch.parts.append("\(name) ✗ \(reason)")
        }
        guard batch.finished else {
            state.actions.batches[batchID] = batch
            return true
        }
        state.actions.batches[batchID] = nil
        if batch.failed.isEmpty {
            state.log(.done, "you: \(batch.verb) ✓ all \(batch.total)", mine: true, batch: batchID, parts: batch.parts, at: at)
        } else {
            let reasons = batch.failed.prefix(3).joined(separator: "; ") + (batch.failed.count > 3 ? "; …" : "")
            state.log(.failed, "you: \(batch.verb): \(batch.done) done, \(batch.failed.count) failed — \(reasons)",
                      mine: true, batch: batchID, parts: batch.parts, at: at)
        }
        return true
    }

    /// Why a bulk action over everyone leaves a participant alone, if it does: it is the
    /// supervisor's own line, the host (ends the conference on exit), or on the `[bulk] spare` list.
    static func whySpared(_ sid: String, _ state: DashboardState) -> String? {
        guard let row = state.table.rows[sid] else { return nil }
        if sid == state.supervisor.callSid { return "you" }
        if row.participant.endConferenceOnExit == true { return "\(row.name) (ends the conference on exit)" }
        if state.defaults.spare.contains(where: { onSpareList($0, row) }) { return "\(row.name) (spare list)" }
        return nil
    }

    /// A `[bulk] spare` entry names a participant by label, by number (digits compared), or by identity.
    static func onSpareList(_ entry: String, _ row: RowState) -> Bool {
        if let label = row.participant.label, label.caseInsensitiveCompare(entry) == .orderedSame { return true }
        guard let party = row.call?.otherParty else { return false }
        if entry.hasPrefix("+") { return party.filter(\.isNumber) == entry.filter(\.isNumber) }
        return party == entry
    }

    /// Asks before a bulk action (a one-line y/N question); nothing to do is said at once.
    static func ask(_ question: String, spared: [String] = [], verb: String, _ actions: [ConferenceAction], _ state: inout DashboardState) -> [Effect] {
        guard !actions.isEmpty else {
            state.log(.info, "\(verb): nobody to change")
            state.table.marked = []
            return []
        }
        state.box = ConfirmLine(question: question, spared: spared, verb: verb, actions: actions)
        return []
    }

    /// `M` (or `E` keeping `keep`): everyone shown muted, or the marked; asks first. Over everyone the
    /// spared are left alone; the supervisor's own line is never muted by it.
    static func muteAll(except keep: String?, _ state: inout DashboardState) -> [Effect] {
        let marked = keep == nil ? state.table.markedIDs : []
        let everyone = marked.isEmpty
        var spared: [String] = []
        var actions: [ConferenceAction] = []
        for sid in everyone ? state.table.liveIDs : marked where sid != keep {
            if let why = whySpared(sid, state), everyone || sid == state.supervisor.callSid {
                spared.append(why)
            } else if state.table.rows[sid]?.participant.muted == false {
                actions.append(.mute(callSid: sid, true))
            }
        }
        if let keep, state.table.rows[keep]?.participant.muted == true { actions.append(.mute(callSid: keep, false)) }
        let total = state.table.liveIDs.count
        if let keep {
            let name = state.name(of: keep)
            let mutes = actions.filter { if case .mute(_, true) = $0 { true } else { false } }.count
            return ask("Mute \(mutes) of \(total) except \(name)", spared: spared, verb: "mute all\(shown(state)) except \(name)", actions, &state)
        }
        let verb = everyone ? "mute all\(shown(state))" : "mute the marked"
        return ask("Mute \(actions.count) of \(total)", spared: spared, verb: verb, actions, &state)
    }

    static func muteAllExceptSelected(_ state: inout DashboardState) -> [Effect] {
        guard let row = requireSelection("keep unmuted", &state) else { return [] }
        return muteAll(except: row.callSid, &state)
    }

    /// `U`: everyone shown unmuted, or the marked; asks first; over everyone the spared are left alone.
    static func unmuteAll(_ state: inout DashboardState) -> [Effect] {
        let marked = state.table.markedIDs
        let everyone = marked.isEmpty
        var spared: [String] = []
        var actions: [ConferenceAction] = []
        for sid in everyone ? state.table.liveIDs : marked {
            if everyone, let why = whySpared(sid, state) {
                spared.append(why)
            } else if state.table.rows[sid]?.participant.muted == true {
                actions.append(.mute(callSid: sid, false))
            }
        }
        let verb = everyone ? "unmute all\(shown(state))" : "unmute the marked"
        return ask("Unmute \(actions.count) of \(state.table.liveIDs.count)", spared: spared, verb: verb, actions, &state)
    }

    /// " shown" when a filter hides some participants: "all" then means all the table shows.
    static func shown(_ state: DashboardState) -> String {
        state.table.listFilter != .all || !state.table.textFilter.isEmpty ? " shown" : ""
    }

    /// Hold the marked (or resume them when all are held already); asks first.
    static func holdMarked(_ state: inout DashboardState) -> [Effect] {
        let marked = state.table.markedIDs
        let holding = marked.contains { state.table.rows[$0]?.participant.hold == false }
        let actions = marked.filter { state.table.rows[$0]?.participant.hold != holding }.map { hold($0, holding, state) }
        return ask("\(holding ? "Hold" : "Resume") \(actions.count) marked", verb: holding ? "hold the marked" : "resume the marked", actions, &state)
    }

    /// Kick the marked; asks first, naming them when they are few.
    static func kickMarked(_ marked: [String], _ state: inout DashboardState) -> [Effect] {
        let names = marked.map(state.name(of:))
        let whom = names.count <= 3 ? ": " + names.joined(separator: ", ") : " participants"
        return ask("Kick \(marked.count) marked\(whom)", verb: "kick \(marked.count)", marked.map { ConferenceAction.kick(callSid: $0) }, &state)
    }
}
