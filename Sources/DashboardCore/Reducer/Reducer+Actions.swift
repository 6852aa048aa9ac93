import Foundation
import TwilioModels

extension Reducer {
    /// Sends an action: it shows as pending on its row and in the log until its result arrives.
    /// Unless it is an undo, what it changes is kept so that `u` can put it back.
    /// The same key again while its action is pending (`m m m…`, `x y x y`) is refused and says so:
    /// a burst of presses sends one request.
    static func perform(_ action: ConferenceAction, undoing: Bool = false, dialsSupervisor: Bool = false, _ state: inout DashboardState) -> [Effect] {
        if refuseRepeat(action, dialsSupervisor: dialsSupervisor, &state) { return [] }
        let request = request(for: action, undoing: undoing, &state)
        if dialsSupervisor { state.supervisor.dials.insert(request.id) }
        if !undoing { remember([request], verb: describe(request, state), &state) }
        if let sid = action.callSid {
            state.table.rows[sid]?.action = RowAction(id: request.id, verb: action.verb, phase: .pending)
        }
        state.log(.action, "you: \(describe(request, state)) …", about: action.callSid, mine: true)
        return [.perform(request)]
    }

    /// A new action id, and everything the runner and the audit trail will need, as things stand now.
    static func request(for action: ConferenceAction, undoing: Bool = false, lane: ActionLane = .interactive, _ state: inout DashboardState) -> ActionRequest {
        let id = state.actions.takeId()
        let participant: String? = if case .dial(let p) = action { p.label } else { action.callSid.map(state.name(of:)) }
        let request = ActionRequest(
            id: id, action: action, conferenceSid: state.conferenceSid, conferenceName: state.conference?.friendlyName,
            participantName: participant, undo: undoing, lane: lane)
        state.actions.pending[id] = request
        return request
    }

    /// The pending action `action` would repeat (the same kind, on the same participant), if any.
    static func pendingLike(_ action: ConferenceAction, dialsSupervisor: Bool = false, _ state: DashboardState) -> ActionRequest? {
        guard let key = PendingKey(action, dialsSupervisor: dialsSupervisor) else { return nil }
        return state.actions.pending(key, supervisorDials: state.supervisor.dials)
    }

    /// True, with a note on the footer (`mute alice already pending`), when `action` repeats a pending one.
    static func refuseRepeat(_ action: ConferenceAction, dialsSupervisor: Bool = false, _ state: inout DashboardState) -> Bool {
        guard let earlier = pendingLike(action, dialsSupervisor: dialsSupervisor, state) else { return false }
        state.events.note = ("\(describe(earlier, state)) already pending", state.now.addingTimeInterval(5))
        return true
    }

    /// The log's words for an action: "mute alice", "dial +1555… as guest", "dial yourself in to listen"…
    static func describe(_ request: ActionRequest, _ state: DashboardState) -> String {
        request.undo ? "undo: " + describeAction(request, state) : describeAction(request, state)
    }

    static func describeAction(_ request: ActionRequest, _ state: DashboardState) -> String {
        let name = request.participantName ?? ""
        switch request.action {
        case .dial(let p) where state.supervisor.dials.contains(request.id):
            return p.coaching == true ? "dial yourself in to coach \(p.callSidToCoach.map(state.name(of:)) ?? "")" : "dial yourself in to listen"
        case .dial(let p): return "dial \(p.to)\(p.label.map { " as \($0)" } ?? "")"
        case .coach(_, true, let target): return "\(name) coach \(target.map(state.name(of:)) ?? "")"
        case .coach(_, false, _): return "\(name) stop coaching"
        case .announce(nil, let url, _): return "announce \(url) to everyone"
        case .announce(_?, let url, _): return "announce \(url) to \(name)"
        case .endConference: return "end \(request.conferenceName ?? "the conference") for everyone"
        default: return "\(request.action.verb) \(name)"
        }
    }

    /// An action's answer: on its row, in the log, in its bulk action; a recording action reads the recordings again.
    static func finish(action id: Int, _ outcome: ActionOutcome, at: Date, _ state: inout DashboardState) -> [Effect] {
        let request = state.actions.pending.removeValue(forKey: id)
        let what = request.map { describe($0, state) } ?? "action #\(id)"
        let inBatch = countInBatch(id, request, outcome, at: at, &state)
        if case .done = outcome { state.actions.history.answered(id, done: true) } else { state.actions.history.answered(id, done: false) }
        let sid = request?.action.callSid
        switch outcome {
        case .done(let answer):
            if !inBatch { state.log(.done, "you: \(what) ✓", about: sid, mine: true, at: at) }
            // An answer about another call or conference is no news of this one: never a row, never a join.
            var participant = answer
            if request?.conferenceSid != state.conferenceSid {
                participant = nil  // sent in a conference no longer on screen
            } else if let answer, let request, let why = strayAnswer(answer, to: request) {
                state.log(.warning, "the answer to \(what) \(why): not shown; the next poll shows how things are", about: sid, mine: true, at: at)
                participant = nil
            }
            if state.supervisor.dials.remove(id) != nil, let participant { state.supervisor.callSid = participant.callSid }
            if let sid, state.table.rows[sid]?.action?.id == id { state.table.rows[sid]?.action?.phase = .done(at: at) }
            if case .kick(let sid)? = request?.action, state.table.rows[sid]?.departedAt == nil {
                state.table.rows[sid]?.departedAt = at
                state.table.rows[sid]?.lastChangeAt = at
                state.table.rows[sid]?.settledByAnswerAt = at
            } else if let participant, state.table.haveBaseline {
                // Whom a dial-out called is known before its call is read: until then it names them.
                if case .dial(let p)? = request?.action { state.calls.dialled(participant.callSid, to: p.to, from: p.from, account: participant.accountSid) }
                // The API's answer is the participant's state now; the next poll confirms it.
                merge(participant, at: at, &state)
            }
            // The next form starts from the caller ID that worked.
            if case .dial(let p)? = request?.action { state.defaults.dialFrom = p.from }
        case .failed(let reason), .uncertain(let reason):
            let uncertain = if case .uncertain = outcome { true } else { false }
            state.supervisor.dials.remove(id)
            if !inBatch {
                let text = uncertain ? "you: \(what) ? no clear answer (\(reason)) — it may have happened; the next poll will show" : "you: \(what) ✗ \(reason)"
                state.log(.failed, text, about: sid, mine: true, at: at)
            }
            if let sid, state.table.rows[sid]?.action?.id == id {
                state.table.rows[sid]?.action?.phase = .failed(reason: uncertain ? "unknown: \(reason)" : reason, at: at)
            }
            if case .dial(let p)? = request?.action, let request, !uncertain, !inBatch { refusedDialOut(request, p, reason: reason, at: at, &state) }
        }
        if case .recording? = request?.action, let sid = request?.conferenceSid { return [.loadRecordings(conferenceSid: sid)] }
        return []
    }

    /// Why an action's answer is not about what the action was about, if it is not: it names another
    /// call than the participant acted on, or another conference than the action's.
    static func strayAnswer(_ answer: Participant, to request: ActionRequest) -> String? {
        if answer.conferenceSid != request.conferenceSid {
            return "was about conference \(SID.short(answer.conferenceSid)), not \(request.conferenceName ?? "this one")"
        }
        if let sid = request.action.callSid, answer.callSid != sid {
            return "named \(SID.short(answer.callSid)), not \(request.participantName ?? SID.short(sid))"
        }
        return nil
    }

    /// One participant from an action's answer, applied to its row alone, as a poll would.
    static func merge(_ participant: Participant, at: Date, _ state: inout DashboardState) {
        guard state.table.listFilter.matches(participant) else { return }
        defer { state.table.rows[participant.callSid]?.settledByAnswerAt = at }
        guard let row = state.table.rows[participant.callSid], row.departedAt == nil else { return join(participant, at: at, &state) }
        let changes = SnapshotDiff.changes(from: row.participant, to: participant)
        if changes.isEmpty {
            state.table.rows[participant.callSid]?.participant = participant
        } else {
            change(participant, changes, at: at, &state)
        }
    }
}
