import Foundation
import TwilioModels

/// A setting an action changes, with its value: what undo compares and puts back.
public enum Setting: Sendable, Hashable {
    case muted(Bool)
    case hold(Bool)
    case coaching(Bool, target: String?)

    /// The participant's value of the same setting now.
    func current(_ p: Participant) -> Setting {
        switch self {
        case .muted: .muted(p.muted)
        case .hold: .hold(p.hold)
        case .coaching: .coaching(p.coaching ?? false, target: p.coaching == true ? p.callSidToCoach : nil)
        }
    }
}

/// What one of the supervisor's actions (a single one or a whole bulk action) changed, kept so `u`
/// can put it back.
public struct UndoEntry: Sendable, Hashable {
    /// "mute alice", "mute all".
    public var verb: String
    public var at: Date
    /// Why it cannot be undone (a kick, a dial-out…); nil when it can.
    public var irreversible: String?
    /// Changes sent and not yet answered, by action id.
    var planned: [Int: Change] = [:]
    /// Changes done: the ones undo puts back.
    public internal(set) var changes: [Change] = []

    public struct Change: Sendable, Hashable {
        public var callSid: String
        public var name: String
        public var before: Setting
        public var after: Setting
    }
}

/// The supervisor's recent actions, newest last: at most 20, within the last 10 minutes.
public struct UndoHistory: Sendable, Hashable {
    public static let depth = 20
    public static let window = 600.0
    public internal(set) var entries: [UndoEntry] = []

    mutating func add(_ entry: UndoEntry) {
        entries.append(entry)
        if entries.count > Self.depth { entries.removeFirst(entries.count - Self.depth) }
    }

    /// An action of an entry answered: done, its change can be undone; failed, there is nothing to undo.
    mutating func answered(_ id: Int, done: Bool) {
        guard let e = entries.lastIndex(where: { $0.planned[id] != nil }), let change = entries[e].planned.removeValue(forKey: id) else { return }
        if done { entries[e].changes.append(change) }
        if entries[e].planned.isEmpty && entries[e].changes.isEmpty && entries[e].irreversible == nil { entries.remove(at: e) }
    }

    /// The newest entry within the window, taken off the history.
    mutating func takeLatest(now: Date) -> UndoEntry? {
        entries.removeAll { now.timeIntervalSince($0.at) > Self.window }
        return entries.popLast()
    }
}
