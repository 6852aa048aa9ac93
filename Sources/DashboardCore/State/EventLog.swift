import Foundation

/// What kind of line the event log holds; it picks the line's colour.
public enum EventKind: String, Sendable, Hashable {
    case joined, left, changed, action, done, failed, info, warning
}

public struct LogEntry: Sendable, Hashable {
    public var time: Date
    public var kind: EventKind
    public var text: String
}

/// The event log: newest last, bounded so a long meeting cannot grow memory.
public struct EventLog: Sendable, Hashable {
    public static let capacity = 500
    public private(set) var entries: [LogEntry] = []
    /// Entries dropped because the log was full.
    public private(set) var dropped = 0

    public init() {}

    public mutating func append(_ kind: EventKind, _ text: String, at time: Date) {
        if entries.count >= Self.capacity {
            entries.removeFirst(Self.capacity / 5)
            dropped += Self.capacity / 5
        }
        entries.append(LogEntry(time: time, kind: kind, text: text))
    }
}
