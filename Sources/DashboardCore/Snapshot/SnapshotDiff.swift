import TwilioModels

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

    /// The field's value, typed: a flag, a status, or text (the view writes it out).
    public func value(of p: Participant) -> FieldValue {
        switch self {
        case .status: .status(p.status)
        case .muted: .flag(p.muted)
        case .hold: .flag(p.hold)
        case .coaching: .flag(p.coaching ?? false)
        case .coachedCall: .text(p.callSidToCoach)
        case .label: .text(p.label)
        case .startConferenceOnEnter: .flag(p.startConferenceOnEnter)
        case .endConferenceOnExit: .flag(p.endConferenceOnExit)
        }
    }

    /// Fields whose change can move a row in join order or in or out of the text filter (a coach
    /// sits under whom it coaches; the filter matches labels).
    static let placesARow: Set<ParticipantField> = [.coaching, .coachedCall, .label]
}

/// A watched field's value: a flag, a participant status or a piece of text, each possibly absent.
public enum FieldValue: Sendable, Hashable {
    case flag(Bool?)
    case status(ParticipantStatus?)
    case text(String?)
}

/// One field that changed, with its old and new value.
public struct FieldChange: Hashable, Sendable {
    public var field: ParticipantField
    public var old: FieldValue
    public var new: FieldValue

    public init(field: ParticipantField, old: FieldValue, new: FieldValue) {
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
            let changes = Self.changes(from: before, to: p)
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

    /// The watched fields that differ between two versions of one participant.
    public static func changes(from before: Participant, to after: Participant) -> [FieldChange] {
        ParticipantField.allCases.compactMap { field in
            let (a, b) = (field.value(of: before), field.value(of: after))
            return a == b ? nil : FieldChange(field: field, old: a, new: b)
        }
    }
}
