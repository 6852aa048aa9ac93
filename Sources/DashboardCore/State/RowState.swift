import Foundation
import TwilioModels

/// A field's last change, kept a few seconds for the highlight (old → new).
public struct FieldMark: Sendable, Hashable {
    public var old: FieldValue
    public var new: FieldValue
    public var at: Date
}

/// The supervisor's latest action on a row: pending, then done or failed.
public struct RowAction: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case pending
        case done(at: Date)
        case failed(reason: String, at: Date)
    }

    public var id: Int
    /// "mute", "unmute", "hold", "resume", "kick"…
    public var verb: String
    public var phase: Phase
}

/// One participant as the dashboard shows it: the API's resource plus what the dashboard noticed.
public struct RowState: Sendable, Hashable {
    public var participant: Participant { didSet { revision &+= 1 } }
    /// Position in join order (first seen first).
    public var order: Int { didSet { revision &+= 1 } }
    /// When the dashboard first saw it; set only for people who joined while watching (highlighted).
    public var joinedAt: Date? { didSet { revision &+= 1 } }
    public var marks: [ParticipantField: FieldMark] = [:] { didSet { revision &+= 1 } }
    public var lastChangeAt: Date? { didSet { revision &+= 1 } }
    /// Set when it left (or left the filtered view): the row stays a few seconds as a tombstone.
    public var departedAt: Date? { didSet { revision &+= 1 } }
    public var action: RowAction? { didSet { revision &+= 1 } }
    /// Goes up on every change to the row: the view's row cache compares this instead of the row.
    public private(set) var revision = 0

    public init(participant: Participant, order: Int) {
        self.participant = participant
        self.order = order
    }

    public var callSid: String { participant.callSid }

    /// The participant's name wherever the dashboard shows it (`Participant.name`), made safe to draw.
    public var name: String { SafeText.sanitize(participant.name()) }
}
