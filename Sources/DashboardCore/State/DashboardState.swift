import Foundation
import TwilioModels

/// Everything the dashboard knows, grouped by what it is for. Changed only by `Reducer.reduce`;
/// drawn by `DashboardView` and the open box.
public struct DashboardState: Sendable {
    /// How it was set up: the key table, read-only, the interval, highlight timings, the clock's offset.
    public var settings: Settings
    /// What the supervisor acts with: hold music, caller IDs, their own line's address, the announcement.
    public var defaults = ModerationDefaults()
    /// The conference watched, as last fetched.
    public var conference: Conference?
    /// Its recordings, as last read.
    public var recording = RecordingState()
    /// The participants, their order, the filters, the marks and the selection.
    public var table = TableState()
    /// Who the participants are: their calls, read once each.
    public var calls = CallBook()
    public var poll = PollStatus()
    /// The box over the table (a prompt, a form, a chooser, a scroller), when one is open.
    public var box: (any Box)?
    public var events = EventLog()
    /// Actions sent and not yet answered, and the bulk actions they belong to.
    public var actions = ActionBook()
    /// The supervisor's own line once dialled in.
    public var supervisor = SupervisorLine()
    public var now: Date
    /// Bumped by every reduce that may change the frame in more than what time moves (the title's
    /// poll text and the rows' ages): the view redraws only those while it stays the same.
    public internal(set) var revision = 0
    /// The terminal's size, and where things go on it.
    public var layout = DashboardLayout(width: 80, height: 24)

    public init(
        keyTable: KeyTable = BuiltInKeymaps.defaultTable, keymapName: String = "default", interval: Double = 1,
        now: Date, utcOffset: Int = 0
    ) {
        settings = Settings(keyTable: keyTable, keymapName: keymapName, interval: interval, utcOffset: utcOffset)
        self.now = now
    }

    /// The conference watched, by SID.
    public var conferenceSid: String? { conference?.sid }

    /// The selected participant's row (a tombstone included).
    public var selectedRow: RowState? { table.selection.id.flatMap { table.rows[$0] } }

    /// The selected participant, unless it has left.
    var selectedLive: RowState? { selectedRow.flatMap { $0.departedAt == nil ? $0 : nil } }

    /// A participant's name for the table, the log, prompts and the audit trail: the one rule
    /// (`RowState.name`), or the CallSid's tail for someone the table does not hold.
    public func name(of callSid: String) -> String {
        table.rows[callSid]?.name ?? SID.short(callSid)
    }
}

/// How the dashboard was set up; changes only at start.
public struct Settings: Sendable {
    public var keyTable: KeyTable
    public var keymapName: String
    public var readOnly = false
    public var interval: Double
    public var highlights = Highlights()
    /// Seconds east of UTC for the log's clock (injected so tests are stable).
    public var utcOffset: Int
    /// Where the audit trail is written (shown by its viewer); nil when none is kept.
    public var auditPath: String?
}

/// What the supervisor acts with, from flags and the config file.
public struct ModerationDefaults: Sendable, Hashable {
    /// Hold music for h, offered by H.
    public var holdURL: String?
    public var holdMethod: CallbackMethod?
    /// The dial-out form's From: the config's, then the last one that worked.
    public var dialFrom: String?
    /// Where coach and listen dial the supervisor: a number or client:NAME ([supervisor] endpoint).
    public var supervisorEndpoint: String?
    /// Caller ID for those dials ([supervisor] from, else [dial] from).
    public var supervisorFrom: String?
    /// The announcement offered by a and A ([announce] url).
    public var announceURL: String?
    /// Participants a bulk action over everyone leaves alone ([bulk] spare): labels, numbers, identities.
    public var spare: [String] = []

    public init() {}
}

/// Timings of the highlights, in seconds.
public struct Highlights: Sendable, Hashable {
    public var joined = 4.0
    public var changed = 4.0
    public var tombstone = 5.0
    /// A call that ended without being answered (busy, no answer, failed, refused) stays this long.
    public var outcome = 60.0
    public var actionDone = 5.0
    public var actionFailed = 15.0

    public init() {}
}

/// The supervisor's own line in the conference.
public struct SupervisorLine: Sendable, Hashable {
    /// Its CallSid, once dialled in.
    public var callSid: String?
    /// Dial-outs (by action id) that are the supervisor dialling in: the answer becomes `callSid`.
    public var dials: Set<Int> = []
}

extension DashboardState {
    /// Adds a line to the meeting's history: about `sid` (with the name shown now) when given, one
    /// of the supervisor's own actions when `mine`, part of bulk action `batch`.
    mutating func log(
        _ kind: EventKind, _ text: String, about sid: String? = nil, mine: Bool = false, batch: Int? = nil, parts: [String] = [], at time: Date? = nil
    ) {
        var entry = LogEntry(time: time ?? now, kind: kind, text: text)
        entry.participantSid = sid
        entry.participantName = sid.map(name(of:))
        entry.mine = mine
        entry.batch = batch
        entry.parts = parts
        events.append(entry)
    }
}
