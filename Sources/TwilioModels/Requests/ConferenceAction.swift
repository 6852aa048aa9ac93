/// A change a supervisor makes to a conference or one of its participants. It is the one
/// description of every Twilio write confwatch sends: the dashboard's runner, the audit trail and
/// the one-shot commands all turn it into a request with `write`, and name it with `verb`.
///
/// `callSid` is a participant's CallSid; a one-shot command may put the participant's label there.
public enum ConferenceAction: Sendable, Hashable {
    case mute(callSid: String, Bool)
    case hold(callSid: String, Bool, url: String?, method: CallbackMethod?)
    case kick(callSid: String)
    case dial(CreateParticipant)
    /// Switches a participant into coaching `target` (Coaching=true, CallSidToCoach) or out of it.
    case coach(callSid: String, Bool, target: String?)
    /// Plays `url` to one participant, or to everyone when `callSid` is nil, fetched with `method`
    /// (Twilio's default when nil).
    case announce(callSid: String?, url: String, method: CallbackMethod? = nil)
    /// Ends the conference for everyone (Status=completed).
    case endConference
    /// Pauses, resumes or stops one of the conference's recordings.
    case recording(sid: String, RecordingUpdate)
    /// Any participant update, parameters as given (`confwatch update`).
    case update(callSid: String, ParticipantUpdate)

    /// The participant it is about, if it is about one.
    public var callSid: String? {
        switch self {
        case .mute(let sid, _), .hold(let sid, _, _, _), .kick(let sid), .coach(let sid, _, _), .update(let sid, _): sid
        case .announce(let sid, _, _): sid
        case .dial, .endConference, .recording: nil
        }
    }

    /// The verb for the row, the log and the audit trail: mute, unmute, hold, resume, kick, dial…
    public var verb: String {
        switch self {
        case .mute(_, let on): on ? "mute" : "unmute"
        case .hold(_, let on, let url, _): on ? (url == nil ? "hold" : "hold with music") : "resume"
        case .kick: "kick"
        case .dial(let p): "dial \(p.to)"
        case .coach(_, let on, _): on ? "coach" : "stop coaching"
        case .announce(let sid, _, _): sid == nil ? "announce to everyone" : "announce"
        case .endConference: "end the conference"
        case .update: "update"
        case .recording(_, let update):
            switch update.status {
            case .paused: "pause the recording"
            case .stopped: "stop the recording"
            default: "resume the recording"
            }
        }
    }

    /// The request that carries it out: which resource, and the form fields in the API's names.
    public var write: ConferenceWrite {
        switch self {
        case .mute(let sid, let on): .updateParticipant(sid, ParticipantUpdate(muted: on))
        case .hold(let sid, let on, let url, let method): .updateParticipant(sid, ParticipantUpdate(hold: on, holdUrl: url, holdMethod: method))
        case .kick(let sid): .deleteParticipant(sid)
        case .dial(let request): .createParticipant(request)
        case .coach(let sid, let on, let target): .updateParticipant(sid, ParticipantUpdate(coaching: on, callSidToCoach: on ? target : nil))
        case .announce(let sid?, let url, let method): .updateParticipant(sid, ParticipantUpdate(announceUrl: url, announceMethod: method))
        case .announce(nil, let url, let method): .updateConference(ConferenceUpdate(announceUrl: url, announceMethod: method))
        case .endConference: .updateConference(ConferenceUpdate(endConference: true))
        case .recording(let sid, let update): .updateRecording(sid, update)
        case .update(let sid, let update): .updateParticipant(sid, update)
        }
    }
}

/// One write to the API, as sent: update, kick or dial out a participant, or update the conference.
public enum ConferenceWrite: Sendable, Hashable {
    /// POST to the participant (a CallSid or a label).
    case updateParticipant(String, ParticipantUpdate)
    /// DELETE of the participant.
    case deleteParticipant(String)
    /// POST to the conference's participants: a dial-out.
    case createParticipant(CreateParticipant)
    /// POST to the conference.
    case updateConference(ConferenceUpdate)
    /// POST to one of the conference's recordings.
    case updateRecording(String, RecordingUpdate)

    /// The form fields sent, in the API's names and order.
    public var formFields: [(String, String)] {
        switch self {
        case .updateParticipant(_, let update): update.formFields
        case .deleteParticipant: []
        case .createParticipant(let request): request.formFields
        case .updateConference(let update): update.formFields
        case .updateRecording(_, let update): update.formFields
        }
    }

    /// The form fields as a record may keep them: SIP passwords and call tokens are `<redacted>`.
    public var redactedParameters: [String: String] {
        let pairs = formFields.map { name, value in CreateParticipant.secretFields.contains(name) ? (name, Redaction.mask) : (name, value) }
        return Dictionary(pairs, uniquingKeysWith: { a, b in a + "," + b })
    }

    /// The secrets it sends (a SIP password, a call token), for `Redaction` to take out of whatever comes back.
    public var secretValues: [String] {
        formFields.filter { CreateParticipant.secretFields.contains($0.0) }.map(\.1)
    }
}
