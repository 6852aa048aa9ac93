import Foundation
import TwilioConferences

/// Timings of the highlights, in seconds.
public struct Highlights: Sendable, Hashable {
    public var joined = 4.0
    public var changed = 4.0
    public var tombstone = 5.0
    public var actionDone = 5.0
    public var actionFailed = 15.0

    public init() {}
}

/// A bulk action in progress: how many of its per-participant actions are done and which failed.
public struct Batch: Sendable, Hashable {
    public var verb: String
    public var total: Int
    public var done = 0
    public var failed: [String] = []

    public var finished: Bool { done + failed.count >= total }
}

/// Everything the dashboard knows. Changed only by `Reducer.reduce`; drawn by `DashboardView`.
public struct DashboardState: Sendable {
    // Set-up
    public var keyTable: KeyTable
    public var keymapName: String
    public var readOnly = false
    public var interval: Double
    public var holdURL: String?
    public var holdMethod: CallbackMethod?
    public var dialFrom: String?
    public var highlights = Highlights()
    /// Seconds east of UTC for the log's clock (injected so tests are stable).
    public var utcOffset: Int

    // The conference
    public var conferenceSid: String?
    public var conference: Conference?
    public var rows: [String: RowState] = [:]
    public var nextOrder = 0
    /// False until the first snapshot of the current conference and filter has arrived.
    public var haveBaseline = false

    // Polling
    public var poll = PollStatus()

    // The view
    public var now: Date
    public var width = 80
    public var height = 24
    public var selection: String?
    /// The participant the supervisor last chose. A filter that hides it moves the highlight to a
    /// neighbour, and when the participant is shown again the highlight goes back to it.
    public var selectionAnchor: String?
    /// The table's order before a list filter emptied it, to land next to the anchor if the filter hides it.
    var formerOrder: [String] = []
    /// `visibleIDs` as of the end of the last reduce: the view draws from it instead of sorting again.
    public internal(set) var orderedIDs: [String] = []
    /// Index the selection had, to land nearby when its row goes away.
    public var selectionIndex = 0
    public var scrollTop = 0
    public var listFilter = ListFilter.all
    public var textFilter = ""
    public var sort = SortOrder.joined
    public var overlay: Overlay?
    public var events = EventLog()
    public var nextActionId = 1
    /// Actions sent and not yet answered, by id.
    public var pending: [Int: Action] = [:]
    public var quitting = false

    // Supervisor power features
    /// Participants marked (space) for a bulk action.
    public var marked: Set<String> = []
    /// Where coach/listen dial the supervisor: a number or client:NAME (config [supervisor] endpoint).
    public var supervisorEndpoint: String?
    /// Caller ID for those dials (config [supervisor] from, else [dial] from).
    public var supervisorFrom: String?
    /// The announcement offered by a and A (config [announce] url).
    public var announceURL: String?
    /// The supervisor's own participant, once dialled in.
    public var supervisorCallSid: String?
    /// Dial-outs that are the supervisor dialling in (their answer becomes `supervisorCallSid`).
    public var supervisorDials: Set<Int> = []
    /// Where the audit trail is written (shown by its viewer); nil when none is kept.
    public var auditPath: String?
    public var batches: [Int: Batch] = [:]
    public var nextBatch = 1
    /// Action id → the bulk action it belongs to.
    public var batchOf: [Int: Int] = [:]

    public init(
        keyTable: KeyTable = BuiltInKeymaps.defaultTable, keymapName: String = "default", interval: Double = 1,
        now: Date, utcOffset: Int = 0
    ) {
        self.keyTable = keyTable
        self.keymapName = keymapName
        self.interval = interval
        self.now = now
        self.utcOffset = utcOffset
    }

    /// The CallSids of the rows the table shows, in order: text filter applied, tombstones included,
    /// sorted (ties by join order). Sorts small keys, never whole rows: it runs on every frame.
    public var visibleIDs: [String] {
        let needle = textFilter.lowercased()
        if sort == .joined {
            // The default: join order, sorted by a number alone.
            var ordered: [(order: Int, sid: String)] = []
            ordered.reserveCapacity(rows.count)
            for (sid, row) in rows where needle.isEmpty || matches(row, needle) { ordered.append((row.order, sid)) }
            ordered.sort { $0.order < $1.order }
            return coachesUnderCoached(ordered.map(\.sid))
        }
        var keyed: [(key: String, order: Int, sid: String)] = []
        keyed.reserveCapacity(rows.count)
        for (sid, row) in rows where needle.isEmpty || matches(row, needle) {
            keyed.append((sortKey(row), row.order, sid))
        }
        keyed.sort { a, b in a.key != b.key ? a.key < b.key : a.order < b.order }
        return coachesUnderCoached(keyed.map(\.sid))
    }

    /// Moves each coach right under the participant it coaches (the view indents it there).
    func coachesUnderCoached(_ ids: [String]) -> [String] {
        var coachesOf: [String: [String]] = [:]
        var present: Set<String>?
        for sid in ids {
            guard let row = rows[sid], row.participant.coaching == true, let target = row.participant.callSidToCoach,
                  target != sid, rows[target] != nil else { continue }
            if present == nil { present = Set(ids) }
            if present!.contains(target) { coachesOf[target, default: []].append(sid) }
        }
        guard !coachesOf.isEmpty else { return ids }
        let moving = Set(coachesOf.values.joined())
        var result: [String] = []
        result.reserveCapacity(ids.count)
        var placed = Set<String>()
        func place(_ sid: String) {
            guard placed.insert(sid).inserted else { return }
            result.append(sid)
            for coach in coachesOf[sid] ?? [] { place(coach) }
        }
        for sid in ids where !moving.contains(sid) { place(sid) }
        // Coaches in a loop (A coaches B, B coaches A) keep their own places at the end.
        for sid in ids where !placed.contains(sid) { place(sid) }
        return result
    }

    /// Whether this row is drawn indented under the one it coaches.
    public func isNestedCoach(_ row: RowState) -> Bool {
        guard row.participant.coaching == true, let target = row.participant.callSidToCoach, target != row.callSid else { return false }
        return rows[target] != nil
    }

    private func matches(_ row: RowState, _ needle: String) -> Bool {
        row.callSid.lowercased().contains(needle) || (row.participant.label?.lowercased().contains(needle) ?? false)
    }

    /// The rows the table shows, in order (see `visibleIDs`).
    public var visibleRows: [RowState] { visibleIDs.compactMap { rows[$0] } }

    /// Live participants in join order (the last snapshot, tombstones left out).
    var liveInOrder: [Participant] {
        rows.values.lazy.filter { $0.departedAt == nil }.map { ($0.order, $0.participant) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func sortKey(_ row: RowState) -> String {
        let p = row.participant
        switch sort {
        case .joined: return ""
        case .name: return p.displayName.lowercased()
        case .status: return String(Self.statusRank(p.status)) + (p.status?.rawValue ?? "")
        case .muted: return p.muted ? "0" : "1"
        case .held: return p.hold ? "0" : "1"
        case .recent:
            let at = row.lastChangeAt ?? p.dateUpdated ?? .distantPast
            return String(format: "%020.3f", 1e15 - at.timeIntervalSince1970)
        }
    }

    static func statusRank(_ status: ParticipantStatus?) -> Int {
        switch status {
        case .queued?: 0
        case .connecting?: 1
        case .ringing?: 2
        case .connected?: 3
        case .failed?: 4
        case .complete?: 5
        default: 6
        }
    }

    public var selectedRow: RowState? { selection.flatMap { rows[$0] } }

    /// A participant's name for the log and prompts: label, else the CallSid's tail.
    public func name(of callSid: String) -> String {
        if let label = rows[callSid]?.participant.label, !label.isEmpty { return SafeText.sanitize(label) }
        return Self.shortSid(callSid)
    }

    /// `CA…1a2b3c` for a row without a label.
    public static func shortSid(_ sid: String) -> String { sid.count > 10 ? String(sid.prefix(2)) + "…" + String(sid.suffix(6)) : sid }

    /// Live participants (not tombstones) for the header's counts.
    public var live: [Participant] { rows.values.filter { $0.departedAt == nil }.map(\.participant) }
}
