import TwilioConferences

/// A change the supervisor asked for; the runner sends it through the shared client.
public enum Action: Sendable, Hashable {
    case mute(callSid: String, Bool)
    case hold(callSid: String, Bool, url: String?, method: CallbackMethod?)
    case kick(callSid: String)
    case dial(CreateParticipant)
    /// Switches a participant into coaching `target` (Coaching=true, CallSidToCoach) or out of it.
    case coach(callSid: String, Bool, target: String?)
    /// Plays `url` to one participant, or to everyone when `callSid` is nil.
    case announce(callSid: String?, url: String)
    /// Ends the conference for everyone (Status=completed).
    case endConference

    public var callSid: String? {
        switch self {
        case .mute(let sid, _), .hold(let sid, _, _, _), .kick(let sid), .coach(let sid, _, _): sid
        case .announce(let sid, _): sid
        case .dial, .endConference: nil
        }
    }

    /// The verb for the row and the log: mute, unmute, hold, resume, kick, dial.
    public var verb: String {
        switch self {
        case .mute(_, let on): on ? "mute" : "unmute"
        case .hold(_, let on, let url, _): on ? (url == nil ? "hold" : "hold with music") : "resume"
        case .kick: "kick"
        case .dial(let p): "dial \(p.to)"
        case .coach(_, let on, _): on ? "coach" : "stop coaching"
        case .announce(let sid, _): sid == nil ? "announce to everyone" : "announce"
        case .endConference: "end the conference"
        }
    }
}

/// What an action came to.
public enum ActionOutcome: Sendable, Hashable {
    /// Done; the API's answer for the participant when there is one (kick has none).
    case done(Participant?)
    /// Failed with Twilio's code and message (or the transport's reason).
    case failed(String)
    /// No answer came that says whether it happened (a timeout or a dropped connection on a
    /// dial-out): it may have been done. Shown as failed, with a warning not to just repeat it.
    case uncertain(String)
}
