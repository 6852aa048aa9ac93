import TwilioConferences

/// A field of a participant the dashboard watches for changes.
public enum ParticipantField: String, CaseIterable, Sendable, Hashable {
    case status
    case muted
    case hold
    case coaching
    case coachedCall = "coaching whom"
    case label
    case startConferenceOnEnter = "start on enter"
    case endConferenceOnExit = "end on exit"

    /// The field's value as text, as the table and the log show it.
    public func value(of p: Participant) -> String {
        switch self {
        case .status: p.status?.rawValue ?? "-"
        case .muted: p.muted ? "yes" : "no"
        case .hold: p.hold ? "yes" : "no"
        case .coaching: (p.coaching ?? false) ? "yes" : "no"
        case .coachedCall: p.callSidToCoach ?? "-"
        case .label: p.label ?? "-"
        case .startConferenceOnEnter: p.startConferenceOnEnter.map { $0 ? "yes" : "no" } ?? "-"
        case .endConferenceOnExit: p.endConferenceOnExit.map { $0 ? "yes" : "no" } ?? "-"
        }
    }
}

/// One field that changed, with its old and new value.
public struct FieldChange: Hashable, Sendable {
    public var field: ParticipantField
    public var old: String
    public var new: String

    public init(field: ParticipantField, old: String, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// What changed between two snapshots of a conference, participants matched by CallSid.
/// Order does not matter; in a malformed snapshot that lists a CallSid twice the first one counts.
public struct SnapshotDiff: Sendable, Hashable {
    public var joined: [Participant] = []
    public var left: [Participant] = []
    public var changed: [Changed] = []
    /// Participants that differ only in fields the dashboard does not watch (dates, URIs).
    public var touched: [Participant] = []
    /// CallSids the new snapshot listed more than once.
    public var duplicates: [String] = []

    public var isEmpty: Bool { joined.isEmpty && left.isEmpty && changed.isEmpty }

    /// A participant in both snapshots whose watched fields differ.
    public struct Changed: Hashable, Sendable {
        public var participant: Participant
        public var changes: [FieldChange]
    }

    /// Participants of `new` with the first of any duplicate CallSids kept, in `new`'s order.
    public static func unique(_ new: [Participant]) -> (participants: [Participant], duplicates: [String]) {
        var seen = Set<String>()
        var duplicates: [String] = []
        var kept: [Participant] = []
        kept.reserveCapacity(new.count)
        for p in new {
            if seen.insert(p.callSid).inserted { kept.append(p) } else if !duplicates.contains(p.callSid) { duplicates.append(p.callSid) }
        }
        return (kept, duplicates)
    }

    public static func between(_ old: [Participant], _ new: [Participant]) -> SnapshotDiff {
        var previous: [String: Participant] = [:]
        previous.reserveCapacity(old.count)
        var order: [String] = []
        order.reserveCapacity(old.count)
        for p in old where previous[p.callSid] == nil {
            previous[p.callSid] = p
            order.append(p.callSid)
        }
        return between(previous: order, lookup: { previous[$0] }, new)
    }

    /// The diff against a previous snapshot given as its CallSids (in order) and a lookup, so a
    /// caller that keeps participants in its own table does not have to build an array first.
    public static func between(previous sids: [String], lookup: (String) -> Participant?, _ new: [Participant]) -> SnapshotDiff {
        var diff = SnapshotDiff()
        var stillHere = Set<String>()
        stillHere.reserveCapacity(new.count)
        for p in new {
            guard stillHere.insert(p.callSid).inserted else {
                if !diff.duplicates.contains(p.callSid) { diff.duplicates.append(p.callSid) }
                continue
            }
            guard let before = lookup(p.callSid) else {
                diff.joined.append(p)
                continue
            }
            guard before != p else { continue }
            let changes = ParticipantField.allCases.compactMap { field -> FieldChange? in
                let (a, b) = (field.value(of: before), field.value(of: p))
                return a == b ? nil : FieldChange(field: field, old: a, new: b)
            }
            if changes.isEmpty { diff.touched.append(p) } else { diff.changed.append(Changed(participant: p, changes: changes)) }
        }
        // Everyone from before is still here when as many are here as were, less those who joined.
        if stillHere.count - diff.joined.count - diff.duplicates.count < sids.count {
            for sid in sids where !stillHere.contains(sid) {
                if let p = lookup(sid) { diff.left.append(p) }
            }
        }
        return diff
    }
}
