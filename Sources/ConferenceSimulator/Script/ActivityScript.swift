import Foundation
import TwilioModels

/// How lively the simulated meeting is.
public enum ActivityLevel: String, Sendable, CaseIterable {
    /// Nothing happens but what the API is asked to do: deterministic, for tests.
    case none
    /// An event every few seconds: a demo you can follow.
    case calm
    /// Several events a second: for load and soak runs.
    case busy

    var meanInterval: Double? {
        switch self {
        case .none: nil
        case .calm: 2.0
        case .busy: 0.25
        }
    }
}

/// Scripted activity drawn from the seeded generator: people join (some by dial-out that rings first)
/// and leave, mute and unmute themselves, are put on hold and resumed, start and stop coaching.
/// Events have fixed times from the start, applied lazily when a request comes in.
struct ActivityScript: Sendable {
    let level: ActivityLevel
    var nextAt: Date?
    /// Participants per conference the script steers towards.
    var target = 8

    init(level: ActivityLevel, start: Date, rng: inout SeededRandom) {
        self.level = level
        if let mean = level.meanInterval { nextAt = start.addingTimeInterval(rng.exponential(mean: mean)) }
    }

    mutating func run(until now: Date, state: inout SimulatorState) {
        guard let mean = level.meanInterval, var at = nextAt else { return }
        // After a long quiet spell, skip ahead instead of replaying hours of meeting in one request.
        if now.timeIntervalSince(at) > 60 { at = now.addingTimeInterval(-mean) }
        while at <= now {
            state.settleCalls(at: at)
            Self.event(at: at, state: &state, target: target)
            at = at.addingTimeInterval(state.rng.exponential(mean: mean))
        }
        nextAt = at
    }

    static func event(at time: Date, state: inout SimulatorState, target: Int) {
        let live = state.conferences.indices.filter { state.conferences[$0].status == .inProgress && !state.conferences[$0].vanished }
        guard !live.isEmpty else { return }
        let c = live[Int(state.rng.next() % UInt64(live.count))]
        let count = state.conferences[c].participants.count
        // Only the script's own people: whoever an API request dialled in (the supervisor's line) is left alone.
        let connected = state.conferences[c].participants.indices.filter {
            state.conferences[c].participants[$0].status == .connected && state.conferences[c].participants[$0].scripted
        }
        let roll = state.rng.next() % 100
        let joinWeight: UInt64 = count < target ? 22 : (count > target + 2 ? 4 : 10)
        let leaveWeight: UInt64 = count > max(2, target / 2) ? (count > target ? 22 : 10) : 0
        switch roll {
        case ..<joinWeight:
            join(conference: c, at: time, state: &state)
        case ..<(joinWeight + leaveWeight):
            let candidates = connected.filter { !state.conferences[c].participants[$0].endConferenceOnExit }
            guard let p = pick(candidates, &state.rng) else { return }
            state.remove(callSid: state.conferences[c].participants[p].callSid, from: c, at: time, kicked: false)
        case ..<(joinWeight + leaveWeight + 45):
            guard let p = pick(connected, &state.rng) else { return }
            state.conferences[c].participants[p].muted.toggle()
            state.conferences[c].participants[p].dateUpdated = time
        case ..<(joinWeight + leaveWeight + 55):
            guard let p = pick(connected, &state.rng) else { return }
            state.conferences[c].participants[p].hold.toggle()
            state.conferences[c].participants[p].dateUpdated = time
        default:
            guard let p = pick(connected, &state.rng) else { return }
            if state.conferences[c].participants[p].coaching {
                state.conferences[c].participants[p].coaching = false
                state.conferences[c].participants[p].callSidToCoach = nil
            } else if let other = pick(connected.filter { $0 != p }, &state.rng), state.rng.next() % 3 == 0 {
                state.conferences[c].participants[p].coaching = true
                state.conferences[c].participants[p].callSidToCoach = state.conferences[c].participants[other].callSid
            } else {
                state.conferences[c].participants[p].muted.toggle()
            }
            state.conferences[c].participants[p].dateUpdated = time
        }
    }

    /// Someone joins: most dial in and are connected at once, some are dialled out and ring first;
    /// either way with a call of their own.
    static func join(conference c: Int, at time: Date, state: inout SimulatorState) {
        guard state.conferences[c].participants.count < state.conferences[c].maxParticipants else { return }
        var participant = SimParticipant(callSid: state.rng.sid("CA"), label: nil, status: .connected, dateCreated: time, dateUpdated: time)
        if state.rng.next() % 6 != 0 { participant.label = state.nextLabel() }
        if state.rng.next() % 10 < 3 {
            participant.status = .queued
            participant.schedule = state.timing.dialOut(
                from: time, outcome: .connected, at: time.addingTimeInterval(state.timing.answerAfter + Double(state.rng.next() % 3)))
        }
        let call = CallIdentities.scripted(
            callSid: participant.callSid, label: participant.label, dialled: participant.status == .queued,
            conference: state.conferences[c], at: time)
        state.admit(participant, call: call, to: c)
        state.conferences[c].dateUpdated = time
    }

    static func pick(_ indices: [Int], _ rng: inout SeededRandom) -> Int? {
        indices.isEmpty ? nil : indices[Int(rng.next() % UInt64(indices.count))]
    }
}
