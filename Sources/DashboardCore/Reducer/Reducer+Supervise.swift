import Foundation
import TwilioModels

extension Reducer {
    /// The supervisor's line, if it is still in the conference.
    static func supervisorLine(_ state: DashboardState) -> String? {
        guard let sid = state.supervisor.callSid, let row = state.table.rows[sid], row.departedAt == nil else { return nil }
        return sid
    }

    /// Dials the supervisor in: coaching `target` (whisper), or muted (listen).
    static func dialSupervisor(coaching target: String?, _ state: inout DashboardState) -> [Effect] {
        guard let endpoint = state.defaults.supervisorEndpoint else {
            state.events.append(.warning, "no supervisor line: set [supervisor] endpoint (a number or client:NAME) in config.toml", at: state.now)
            return []
        }
        guard let from = state.defaults.supervisorFrom ?? state.defaults.dialFrom else {
            state.events.append(.warning, "no caller ID: set [supervisor] from (or [dial] from) in config.toml", at: state.now)
            return []
        }
        var request = CreateParticipant(to: endpoint, from: from, label: supervisorLabel(state))
        if let target {
            request.coaching = true
            request.callSidToCoach = target
        } else {
            request.muted = true
        }
        return perform(.dial(request), dialsSupervisor: true, &state)
    }

    /// "supervisor", or "supervisor-2"… when a participant already has that label.
    static func supervisorLabel(_ state: DashboardState) -> String {
        let taken = Set(state.table.rows.values.compactMap(\.participant.label))
        var label = "supervisor"
        var n = 1
        while taken.contains(label) {
            n += 1
            label = "supervisor-\(n)"
        }
        return label
    }

    static func coach(_ state: inout DashboardState) -> [Effect] {
        guard let target = state.selectedLive?.callSid else {
            state.events.append(.info, "select the participant to coach", at: state.now)
            return []
        }
        guard let line = supervisorLine(state) else { return dialSupervisor(coaching: target, &state) }
        guard line != target else {
            state.events.append(.info, "that is your own line; select the participant to coach", at: state.now)
            return []
        }
        return perform(.coach(callSid: line, true, target: target), &state)
    }

    static func listen(_ state: inout DashboardState) -> [Effect] {
        if let line = supervisorLine(state), let p = state.table.rows[line]?.participant {
            let how = if p.coaching == true {
                "you are in, coaching \(p.callSidToCoach.map(state.name(of:)) ?? "someone"); B barges in"
            } else if p.muted {
                "you are already in, listening; B barges in"
            } else {
                "you are already in, and everyone can hear you"
            }
            state.log(.info, how)
            return []
        }
        return dialSupervisor(coaching: nil, &state)
    }

    /// Barge in: the supervisor's line unmuted, and out of coaching so everyone hears.
    static func barge(_ state: inout DashboardState) -> [Effect] {
        guard let line = supervisorLine(state), let p = state.table.rows[line]?.participant else {
            state.events.append(.info, "you are not in the conference: L listens, w coaches", at: state.now)
            return []
        }
        var effects: [Effect] = []
        if p.coaching == true { effects += perform(.coach(callSid: line, false, target: nil), &state) }
        if p.muted { effects += perform(.mute(callSid: line, false), &state) }
        if effects.isEmpty { state.events.append(.info, "you can already be heard", at: state.now) }
        return effects
    }

    static func toggleCoaching(_ state: inout DashboardState) -> [Effect] {
        guard let row = state.selectedLive else {
            state.events.append(.info, "nothing selected", at: state.now)
            return []
        }
        if row.participant.coaching == true { return perform(.coach(callSid: row.callSid, false, target: nil), &state) }
        // Anyone in the conference, whatever the table's filter hides, in join order.
        let options = state.table.liveInOrder.map(\.callSid).filter { $0 != row.callSid }
        guard !options.isEmpty else {
            state.events.append(.info, "nobody else to coach", at: state.now)
            return []
        }
        state.box = CoachChooser(coach: row.callSid, options: options)
        return []
    }
}
