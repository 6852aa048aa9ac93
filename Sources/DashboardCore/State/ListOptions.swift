import TwilioConferences

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

    public var next: ListFilter {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
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

    public var next: SortOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
