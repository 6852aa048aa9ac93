import TwilioModels

/// The list filter, sent to the server as the API's Muted / Hold / Coaching parameters.
public enum ListFilter: String, CaseIterable, Sendable, Hashable {
    case all
    case muted
    case unmuted
    case held
    case notHeld = "not held"
    case coaching

    public var parameters: ParticipantFilter {
        switch self {
        case .all: .all
        case .muted: ParticipantFilter(muted: true)
        case .unmuted: ParticipantFilter(muted: false)
        case .held: ParticipantFilter(hold: true)
        case .notHeld: ParticipantFilter(hold: false)
        case .coaching: ParticipantFilter(coaching: true)
        }
    }

    /// Whether a participant is one the server would list under this filter.
    func matches(_ p: Participant) -> Bool {
        let f = parameters
        return (f.muted.map { $0 == p.muted } ?? true) && (f.hold.map { $0 == p.hold } ?? true) && (f.coaching.map { $0 == (p.coaching ?? false) } ?? true)
    }

    public var next: ListFilter { step(1) }
    public var previous: ListFilter { step(-1) }

    func step(_ by: Int) -> ListFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + by + all.count) % all.count]
    }
}

/// How the table is ordered; ties keep join order.
public enum SortOrder: String, CaseIterable, Sendable, Hashable {
    case joined
    case name
    case status
    case muted
    case held
    case recent = "last change"

    public var next: SortOrder { step(1) }
    public var previous: SortOrder { step(-1) }

    func step(_ by: Int) -> SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + by + all.count) % all.count]
    }

    /// Whether `a` goes before `b` in this order; nil when they tie (join order decides).
    func ordered(_ a: RowState, _ b: RowState) -> Bool? {
        let p = a.participant, q = b.participant
        switch self {
        case .joined: return nil
        case .name: return Self.before(a.name.lowercased(), b.name.lowercased())
        case .status:
            let (x, y) = (Self.rank(p.status), Self.rank(q.status))
            return x != y ? x < y : Self.before(p.status?.rawValue ?? "", q.status?.rawValue ?? "")
        case .muted: return p.muted == q.muted ? nil : p.muted
        case .held: return p.hold == q.hold ? nil : p.hold
        case .recent:
            // Newest change first.
            return Self.before(b.lastChangeAt ?? q.dateUpdated ?? .distantPast, a.lastChangeAt ?? p.dateUpdated ?? .distantPast)
        }
    }

    /// Whether a change of `field` can move a row in this order.
    func depends(on field: ParticipantField) -> Bool {
        switch self {
        case .joined: false
        case .name: field == .label
        case .status: field == .status
        case .muted: field == .muted
        case .held: field == .hold
        case .recent: true
        }
    }

    private static func before<T: Comparable>(_ x: T, _ y: T) -> Bool? { x == y ? nil : x < y }

    /// Ringing and connecting first, then connected, then the ended.
    static func rank(_ status: ParticipantStatus?) -> Int {
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
}
