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

    public init(
        id: Int, action: ConferenceAction, conferenceSid: String?, conferenceName: String? = nil, participantName: String? = nil, undo: Bool = false
    ) {
        self.id = id
        self.action = action
        self.conferenceSid = conferenceSid
        self.conferenceName = conferenceName
        self.participantName = participantName
        self.undo = undo
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
}
