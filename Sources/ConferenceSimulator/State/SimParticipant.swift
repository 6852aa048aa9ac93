import Foundation
import TwilioModels

/// A participant as the simulator keeps it: the API's fields plus what the call is doing.
struct SimParticipant: Sendable {
    var callSid: String
    var label: String?
    var status: ParticipantStatus
    var muted = false
    var hold = false
    var coaching = false
    var callSidToCoach: String?
    var startConferenceOnEnter = true
    var endConferenceOnExit = false
    var dateCreated: Date
    var dateUpdated: Date
    var queueTime: String?
    // Not in the resource, but set through the API and kept like Twilio keeps them.
    var holdUrl: String?
    var holdMethod: String?
    var waitUrl: String?
    var waitMethod: String?
    var beepOnExit = true
    var lastAnnounceUrl: String?
    /// Status changes still to come, in time order (dial-outs ringing, answering, failing).
    var schedule: [(at: Date, status: ParticipantStatus)] = []
    /// When a finished call (failed, no answer) drops out of the list.
    var leavesAt: Date?
    /// Seeded or joined by the scripted activity, which only ever acts on these: never on someone an
    /// API request dialled in (the supervisor's own line among them).
    var scripted = true
    /// Answered, with `StartConferenceOnEnter=false`, before anyone started the conference: muted
    /// and hearing the wait music until someone who may start it joins.
    var waiting = false
    /// Dialled with `ConferenceRecord` `true` or `record-from-start`: the conference records from when they are answered.
    var recordsConference = false

    func resource(accountSid: String, conferenceSid: String) -> Participant {
        Participant(
            accountSid: accountSid, callSid: callSid, conferenceSid: conferenceSid, label: label, status: status,
            muted: muted || waiting, hold: hold, coaching: coaching, callSidToCoach: callSidToCoach,
            startConferenceOnEnter: startConferenceOnEnter, endConferenceOnExit: endConferenceOnExit,
            dateCreated: dateCreated, dateUpdated: dateUpdated, queueTime: queueTime,
            uri: "/2010-04-01/Accounts/\(accountSid)/Conferences/\(conferenceSid)/Participants/\(callSid).json")
    }
}
