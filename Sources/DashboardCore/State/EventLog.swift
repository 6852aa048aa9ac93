import Foundation

/// What kind of line the meeting's history holds; it picks the line's colour and its filters.
public enum EventKind: String, Sendable, Hashable, CaseIterable {
    case joined, left, changed, action, done, failed, fault, recovery, info, warning
    /// About the view only (a filter switched, someone no longer shown): kept in the timeline
    /// under its "view" filter, never in the main pane.
    case view
}

/// One line of the meeting's history.
public struct LogEntry: Sendable, Hashable {
    public var time: Date
    public var kind: EventKind
    public var text: String
    /// Whom it is about, by CallSid and by the name shown at the time.
    public var participantSid: String?
    public var participantName: String?
    /// One of the supervisor's own actions (sent, done or failed).
    public var mine = false
    /// The bulk action it belongs to: its first line when it starts, its last when all have answered.
    public var batch: Int?
    /// A finished bulk action's result for each participant ("alice ✓", "bob ✗ 20429 …").
    public var parts: [String] = []

    public init(time: Date, kind: EventKind, text: String) {
        self.time = time
        self.kind = kind
        self.text = text
    }
}

/// The meeting's history for this session, newest last: every join, leave and change, every action
/// and its result, every fault and recovery. The main pane shows its latest lines; the timeline (`l`)
/// all of it. Bounded so a long meeting cannot grow memory; it counts what it dropped.
public struct EventLog: Sendable, Hashable {
    public static let capacity = 10_000
    public private(set) var entries: [LogEntry] = []
    /// Entries dropped because the history was full.
    public private(set) var dropped = 0
    /// A short note for the footer (a refused key, a file written), until it is due to go.
    public internal(set) var note: (text: String, until: Date)? {
        get { noteText.map { ($0, noteUntil ?? .distantPast) } }
        set { (noteText, noteUntil) = (newValue?.text, newValue?.until) }
    }
    private var noteText: String?
    private var noteUntil: Date?

    public init() {}

    public mutating func append(_ kind: EventKind, _ text: String, at time: Date) {
        append(LogEntry(time: time, kind: kind, text: text))
    }

    public mutating func append(_ entry: LogEntry) {
        if entries.count >= Self.capacity {
            entries.removeFirst(Self.capacity / 5)
            dropped += Self.capacity / 5
        }
        entries.append(entry)
    }

    /// The latest `count` entries the main pane shows (view-only ones left out), oldest first.
    public func latest(_ count: Int) -> [LogEntry] {
        var shown: [LogEntry] = []
        for entry in entries.reversed() where entry.kind != .view {
            if shown.count == count { break }
            shown.append(entry)
        }
        return shown.reversed()
    }
}
