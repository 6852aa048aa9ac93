import Foundation
import TwilioConferences

extension Reducer {
    /// Sends an action: it shows as pending on its row and in the log until its result arrives.
    static func perform(_ action: Action, _ state: inout DashboardState) -> [Effect] {
        guard !state.readOnly else {
            state.events.append(.warning, "read-only: \(action.verb) not sent", at: state.now)
            return []
        }
        let id = state.nextActionId
        state.nextActionId += 1
        state.pending[id] = action
        if let sid = action.callSid {
            state.rows[sid]?.action = RowAction(id: id, verb: action.verb, phase: .pending)
        }
        state.events.append(.action, "you: \(describe(action, id: id, state)) …", at: state.now)
        return [.perform(id: id, action)]
    }

    static func describe(_ action: Action, id: Int? = nil, _ state: DashboardState) -> String {
        switch action {
        case .dial(let p) where id.map(state.supervisorDials.contains) ?? false:
            p.coaching == true ? "dial yourself in to coach \(p.callSidToCoach.map { state.name(of: $0) } ?? "")" : "dial yourself in to listen"
        case .dial(let p): "dial \(p.to)\(p.label.map { " as \($0)" } ?? "")"
        case .coach(let sid, true, let target): "\(state.name(of: sid)) coach \(target.map { state.name(of: $0) } ?? "")"
        case .coach(let sid, false, _): "\(state.name(of: sid)) stop coaching"
        case .announce(nil, let url): "announce \(url) to everyone"
        case .announce(let sid?, let url): "announce \(url) to \(state.name(of: sid))"
        case .endConference: "end \(state.conference?.friendlyName ?? "the conference") for everyone"
        default: "\(action.verb) \(action.callSid.map { state.name(of: $0) } ?? "")"
        }
    }

    static func finish(action id: Int, _ outcome: ActionOutcome, at: Date, _ state: inout DashboardState) {
        let action = state.pending.removeValue(forKey: id)
        let what = action.map { describe($0, id: id, state) } ?? "action #\(id)"
        let inBatch = countInBatch(id, action, outcome, at: at, &state)
        switch outcome {
        case .done(let participant):
            if !inBatch { state.events.append(.done, "you: \(what) ✓", at: at) }
            if state.supervisorDials.remove(id) != nil, let participant { state.supervisorCallSid = participant.callSid }
            if let sid = action?.callSid, state.rows[sid]?.action?.id == id {
                state.rows[sid]?.action?.phase = .done(at: at)
            }
            if case .kick(let sid)? = action, state.rows[sid]?.departedAt == nil {
                state.rows[sid]?.departedAt = at
                state.rows[sid]?.lastChangeAt = at
            } else if let participant, state.haveBaseline {
                // The API's answer is the participant's state now; the next poll confirms it.
                merge(participant, at: at, &state)
            }
            if case .dial(let request)? = action {
                // The next form starts from the caller ID that worked.
                state.dialFrom = request.from
                if case .dial(let form)? = state.overlay, form.pending == id { state.overlay = nil }
            }
        case .failed(let reason), .uncertain(let reason):
            let uncertain = if case .uncertain = outcome { true } else { false }
            state.supervisorDials.remove(id)
            if !inBatch {
                let text = uncertain ? "you: \(what) ? no clear answer (\(reason)) — it may have happened; the next poll will show" : "you: \(what) ✗ \(reason)"
                state.events.append(.failed, text, at: at)
            }
            if let sid = action?.callSid, state.rows[sid]?.action?.id == id {
                state.rows[sid]?.action?.phase = .failed(reason: uncertain ? "unknown: \(reason)" : reason, at: at)
            }
            if case .dial(var form)? = state.overlay, form.pending == id {
                form.pending = nil
                form.refusal = uncertain ? nil : reason
                form.unknownOutcome = uncertain ? reason : nil
                form.dialAnyway = false
                state.overlay = .dial(form)
            }
        }
    }

    /// Puts one participant from an action's answer into the rows, as a poll would.
    static func merge(_ participant: Participant, at: Date, _ state: inout DashboardState) {
        guard state.listFilter == .all || matches(participant, state.listFilter) else { return }
        var snapshot = state.liveInOrder
        if let index = snapshot.firstIndex(where: { $0.callSid == participant.callSid }) {
            snapshot[index] = participant
        } else {
            snapshot.append(participant)
        }
        apply(snapshot: snapshot, at: at, &state)
    }

    static func matches(_ p: Participant, _ filter: ListFilter) -> Bool {
        let f = filter.parameters
        return (f.muted.map { $0 == p.muted } ?? true) && (f.hold.map { $0 == p.hold } ?? true) && (f.coaching.map { $0 == (p.coaching ?? false) } ?? true)
    }
}
