import Foundation
import TwilioModels

/// How long simulated calls take to ring, answer and clear.
public struct CallTiming: Sendable, Hashable {
    /// queued → ringing
    public var ringAfter: Double
    /// queued → connected (or failed)
    public var answerAfter: Double
    /// Longest ring before a no-answer number gives up (the participant's Timeout if shorter).
    public var noAnswerAfter: Double
    /// How long a failed or unanswered call stays listed before it drops out.
    public var linger: Double

    public init(ringAfter: Double = 0.5, answerAfter: Double = 2, noAnswerAfter: Double = 8, linger: Double = 4) {
        self.ringAfter = ringAfter
        self.answerAfter = answerAfter
        self.noAnswerAfter = noAnswerAfter
        self.linger = linger
    }

    /// Everything at once: handy for in-process tests.
    public static let instant = CallTiming(ringAfter: 0, answerAfter: 0, noAnswerAfter: 0, linger: 0)

    /// A dial-out placed at `start`, as Twilio's participant statuses go: `connecting` halfway to
    /// ringing, `ringing`, then `outcome` at `end`.
    func dialOut(from start: Date, outcome: ParticipantStatus, at end: Date) -> [(at: Date, status: ParticipantStatus)] {
        [(start.addingTimeInterval(ringAfter / 2), .connecting), (start.addingTimeInterval(ringAfter), .ringing), (end, outcome)]
    }
}

/// The simulated account: its conferences and participants, and the rules that change them.
/// A value type behind one lock; every request first brings it up to the current time.
struct SimulatorState: Sendable {
    let accountSid: String
    var conferences: [SimConference] = []
    /// Every participant's call, kept after they leave.
    var calls = CallRegistry()
    var rng: SeededRandom
    var activity: ActivityScript
    let timing: CallTiming
    var nameQueue: [String] = []
    var churnIndex = -1
    var round = 0
    /// The largest page served (`SimulatorConfiguration.maxPageSize`).
    var maxPageSize = 1000

    init(accountSid: String, seed: UInt64, activity: ActivityLevel, timing: CallTiming, now: Date) {
        self.accountSid = accountSid
        self.rng = SeededRandom(seed: seed)
        self.timing = timing
        self.activity = ActivityScript(level: activity, start: now, rng: &rng)
    }

    var accountPath: String { "/2010-04-01/Accounts/\(accountSid)" }

    func conferenceIndex(sid: String) -> Int? { conferences.firstIndex { $0.sid == sid && !$0.vanished } }

    /// A conference that accepts new participants under this friendly name.
    func liveConferenceIndex(friendlyName: String) -> Int? {
        conferences.lastIndex { $0.friendlyName == friendlyName && !$0.vanished && $0.status != .completed }
    }

    // MARK: Time

    /// Applies every status change and scripted event due by `now`.
    mutating func advance(to now: Date) {
        var script = activity
        script.run(until: now, state: &self)
        activity = script
        settleCalls(at: now)
    }

    /// Ringing, answering, failing and clearing of dial-outs due by `now`.
    mutating func settleCalls(at now: Date) {
        for c in conferences.indices where conferences[c].status != .completed {
            for p in conferences[c].participants.indices {
                while let next = conferences[c].participants[p].schedule.first, next.at <= now {
                    conferences[c].participants[p].schedule.removeFirst()
                    setStatus(next.status, conference: c, participant: p, at: next.at)
                }
            }
            let leaving = conferences[c].participants.filter { $0.leavesAt.map { $0 <= now } ?? false }
            for participant in leaving {
                remove(callSid: participant.callSid, from: c, at: participant.leavesAt ?? now, kicked: false)
            }
        }
    }

    /// A participant's status changes, and their call's with it.
    mutating func setStatus(_ status: ParticipantStatus, conference c: Int, participant p: Int, at time: Date) {
        conferences[c].participants[p].status = status
        conferences[c].participants[p].dateUpdated = time
        let callSid = conferences[c].participants[p].callSid
        switch status {
        case .ringing:
            calls.update(callSid) { $0.ring(at: time) }
        case .connected:
            calls.update(callSid) { $0.answer(at: time) }
            if conferences[c].status == .initializing {
                if conferences[c].participants[p].startConferenceOnEnter {
                    start(conference: c, at: time)
                } else {
                    conferences[c].participants[p].waiting = true
                }
            }
            if conferences[c].participants[p].recordsConference {
                startRecording(conference: c, callSid: callSid, source: "OutboundAPI", at: time)
            }
        case .failed, .complete:
            // Only unanswered dial-outs end this way: failed, busy or no answer, as they were dialled.
            calls.update(callSid) { $0.end(at: time, unanswered: $0.unansweredEnding) }
            conferences[c].participants[p].leavesAt = time.addingTimeInterval(timing.linger)
        default:
            break
        }
    }

    /// The first participant who may start it has joined: the conference is in progress, and
    /// those who were waiting for it hear it instead of the wait music.
    mutating func start(conference c: Int, at time: Date) {
        conferences[c].status = .inProgress
        conferences[c].dateUpdated = time
        for i in conferences[c].participants.indices where conferences[c].participants[i].waiting {
            conferences[c].participants[i].waiting = false
            conferences[c].participants[i].dateUpdated = time
        }
    }

    /// Adds a participant and their call.
    mutating func admit(_ participant: SimParticipant, call: SimCall, to c: Int) {
        conferences[c].participants.append(participant)
        calls.add(call)
    }

    /// Starts recording the conference, unless a recording is already in progress or paused.
    mutating func startRecording(conference c: Int, callSid: String?, source: String, at time: Date) {
        guard conferences[c].activeRecordingIndex == nil else { return }
        // Its own generator, as for calls: recordings never shift the main sequence.
        var ids = SeededRandom(deriving: "\(conferences[c].sid)/RE\(conferences[c].recordingsStarted)")
        conferences[c].recordingsStarted += 1
        conferences[c].recordings.append(SimRecording(sid: ids.sid("RE"), conferenceSid: conferences[c].sid, callSid: callSid, source: source, at: time))
    }

    /// Takes a participant out of a conference and ends the conference when Twilio would.
    mutating func remove(callSid: String, from c: Int, at time: Date, kicked: Bool) {
        guard let p = conferences[c].participants.firstIndex(where: { $0.callSid == callSid }) else { return }
        let leaving = conferences[c].participants.remove(at: p)
        // Hung up while it rang: canceled; answered: completed.
        calls.update(callSid) { $0.end(at: time, unanswered: .canceled) }
        for i in conferences[c].participants.indices where conferences[c].participants[i].callSidToCoach == callSid {
            conferences[c].participants[i].coaching = false
            conferences[c].participants[i].callSidToCoach = nil
            conferences[c].participants[i].dateUpdated = time
        }
        conferences[c].dateUpdated = time
        let wasConnected = leaving.status == .connected
        if leaving.endConferenceOnExit && wasConnected {
            end(conference: c, at: time, reason: kicked ? "participant-with-end-conference-on-exit-kicked" : "participant-with-end-conference-on-exit-left", by: callSid)
        } else if conferences[c].participants.isEmpty {
            end(conference: c, at: time, reason: kicked ? "last-participant-kicked" : "last-participant-left", by: callSid)
        }
    }

    mutating func end(conference c: Int, at time: Date, reason: String, by callSid: String?) {
        guard conferences[c].status != .completed else { return }
        conferences[c].status = .completed
        conferences[c].reasonConferenceEnded = reason
        conferences[c].callSidEndingConference = callSid
        for participant in conferences[c].participants {
            calls.update(participant.callSid) { $0.end(at: time, unanswered: .canceled) }
        }
        conferences[c].participants.removeAll()
        for r in conferences[c].recordings.indices { conferences[c].recordings[r].complete(at: time) }
        conferences[c].dateUpdated = time
    }

    /// Flips the mute of the next participant (round robin) of the conference whose path this is.
    mutating func churn(conference path: String, at time: Date) {
        guard let c = conferences.firstIndex(where: { path.contains($0.sid) }), !conferences[c].participants.isEmpty else { return }
        churnIndex = (churnIndex + 1) % conferences[c].participants.count
        conferences[c].participants[churnIndex].muted.toggle()
        conferences[c].participants[churnIndex].dateUpdated = time
    }

    // MARK: New things

    mutating func newConference(friendlyName: String, status: ConferenceStatus, at time: Date) -> Int {
        conferences.append(SimConference(sid: rng.sid("CF"), friendlyName: friendlyName, status: status, dateCreated: time, dateUpdated: time))
        return conferences.count - 1
    }

    /// A fresh label: the name pool in a seeded order, then again with a number, unique within the simulator.
    mutating func nextLabel() -> String {
        if nameQueue.isEmpty {
            nameQueue = Population.names.shuffled(using: &rng)
            round += 1
        }
        let base = nameQueue.removeFirst()
        return round == 1 ? base : "\(base)-\(round)"
    }
}
