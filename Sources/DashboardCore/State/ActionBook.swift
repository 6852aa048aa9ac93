import TwilioModels

/// An action on its way: everything the runner and the audit trail need, taken when the
/// supervisor acted (the participant's name then, even if they have left since).
public struct ActionRequest: Sendable, Hashable {
    public var id: Int
    public var action: ConferenceAction
    public var conferenceSid: String?
    public var conferenceName: String?
    /// Who it is about, as the supervisor saw them; for a dial-out, the label it gives.
    public var participantName: String?
    /// It puts back what an earlier action changed (`u`).
    public var undo: Bool
    /// Which of the runner's lanes it goes through: one key's action never waits behind a bulk action's burst.
    public var lane: ActionLane

    public init(
        id: Int, action: ConferenceAction, conferenceSid: String?, conferenceName: String? = nil, participantName: String? = nil, undo: Bool = false,
        lane: ActionLane = .interactive
    ) {
        self.id = id
        self.action = action
        self.conferenceSid = conferenceSid
        self.conferenceName = conferenceName
        self.participantName = participantName
        self.undo = undo
        self.lane = lane
    }
}

/// How the runner sends an action: a bulk action's parts a few at a time, a single key's action at once
/// (never queued behind a bulk action's burst, nor behind actions on other participants).
public enum ActionLane: Sendable, Hashable, CaseIterable {
    case interactive
    case bulk
}

/// What pressing the same key again would repeat: one kind of change to one participant (mute and
/// unmute are one kind, as `m` toggles), or to the conference, or the supervisor dialling in. While
/// one is pending, another of the same key is refused: a burst of presses sends one request.
/// Dial-outs to others have none: each is a call of its own.
struct PendingKey: Hashable {
    var callSid: String?
    var kind: String

    init?(_ action: ConferenceAction, dialsSupervisor: Bool) {
        callSid = action.callSid
        switch action {
        case .mute: kind = "mute"
        case .hold: kind = "hold"
        case .kick: kind = "kick"
        case .coach: kind = "coaching"
        case .announce: kind = "announce"
        case .update: kind = "update"
        case .endConference: kind = "end"
        case .recording(let sid, _): (callSid, kind) = (sid, "recording")
        case .dial:
            guard dialsSupervisor else { return nil }
            kind = "dial yourself in"
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

/// A bulk action in progress: how many of its per-participant actions are done and which failed.
public struct Batch: Sendable, Hashable {
    public var verb: String
    public var total: Int
    public var done = 0
    public var failed: [String] = []
    /// Each participant's result, as it came: "alice ✓", "bob ✗ 20429 …".
    public var parts: [String] = []

    public var finished: Bool { done + failed.count >= total }
}

/// The actions sent and not yet answered, and the bulk actions they belong to.
public struct ActionBook: Sendable {
    var nextId = 1
    /// Actions sent and not yet answered, by id.
    public internal(set) var pending: [Int: ActionRequest] = [:]
    public internal(set) var batches: [Int: Batch] = [:]
    var nextBatch = 1
    /// Action id → the bulk action it belongs to.
    var batchOf: [Int: Int] = [:]
    /// What recent actions changed, for undo.
    public internal(set) var history = UndoHistory()

    /// Takes the next action id.
    mutating func takeId() -> Int {
        defer { nextId += 1 }
        return nextId
    }

    /// The pending action that `key` would repeat, if there is one.
    func pending(_ key: PendingKey, supervisorDials: Set<Int>) -> ActionRequest? {
        pending.values.first { PendingKey($0.action, dialsSupervisor: supervisorDials.contains($0.id)) == key }
    }
}
