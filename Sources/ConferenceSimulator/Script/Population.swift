import Foundation
import TwilioModels

/// The meeting the simulator starts with.
enum Population {
    static let conferenceNames = [
        "standup", "incident-bridge", "sales-weekly", "support-escalation", "board-prep",
        "all-hands", "design-review", "customer-onboarding", "war-room", "quarterly-planning",
    ]

    static let names = [
        "alice", "bruno", "chen-wei", "dara", "emeka", "fatima", "gustavo", "hana", "ivan", "jules",
        "kofi", "lena", "mateo", "nadia", "oscar", "priya", "quinn", "rahul", "sofia", "tomas",
        "uma", "viktor", "wen", "ximena", "yusuf", "zoe",
    ]

    /// `conferences` in progress, each with `participants` connected callers: the first is the
    /// moderator (ends the conference on exit), about one in six has no label, some are muted.
    /// Each has a call (see `CallIdentities`); the first conference is recorded from its start.
    static func seed(_ state: inout SimulatorState, conferences: Int, participants: Int, now: Date) {
        for i in 0..<conferences {
            let base = conferenceNames[i % conferenceNames.count]
            let name = i < conferenceNames.count ? base : "\(base)-\(i / conferenceNames.count + 1)"
            let started = now.addingTimeInterval(-Double(600 + Int(state.rng.next() % 3000)))
            let c = state.newConference(friendlyName: name, status: .inProgress, at: started)
            for j in 0..<participants {
                let joined = j == 0 ? started : started.addingTimeInterval(Double(state.rng.next() % UInt64(max(1, now.timeIntervalSince(started)))))
                var participant = SimParticipant(
                    callSid: state.rng.sid("CA"), label: nil, status: .connected, dateCreated: joined, dateUpdated: joined)
                if j == 0 {
                    participant.label = "moderator"
                    participant.endConferenceOnExit = true
                } else if state.rng.next() % 6 != 0 {
                    participant.label = state.nextLabel()
                }
                participant.muted = j > 0 && state.rng.next() % 10 < 3
                let call = CallIdentities.seeded(
                    callSid: participant.callSid, label: participant.label, position: j, conference: state.conferences[c], at: joined)
                state.admit(participant, call: call, to: c)
            }
            state.conferences[c].participants.sort { $0.dateCreated < $1.dateCreated }
            state.conferences[c].dateUpdated = state.conferences[c].participants.last?.dateCreated ?? started
            if i == 0 {
                // The first conference (standup) is recorded from its start: the moderator's call set it up.
                let moderator = state.conferences[c].participants.first { $0.label == "moderator" }?.callSid
                state.startRecording(conference: c, callSid: moderator, source: "Conference", at: started)
            }
        }
    }
}
