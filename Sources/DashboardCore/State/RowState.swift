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
    /// The participant's call, once read: who they are (caller name, number, identity).
    public var call: Call? { didSet { revision &+= 1 } }
    /// Seen connected at least once (a dial-out still ringing has not been).
    public var answered = false
    /// When one of our actions' answers last set this row: a poll sent before then shows the
    /// participant as they were, so it does not overwrite the row (the next poll confirms it).
    public var settledByAnswerAt: Date?
    /// How a call that never connected ended ("no answer after 30 s", "busy", "refused: …"): the row
    /// then stays as a tombstone for a minute, saying so.
    public var outcome: String? { didSet { revision &+= 1 } }
    /// Goes up on every change to the row: the view's row cache compares this instead of the row.
    public private(set) var revision = 0

    public init(participant: Participant, order: Int) {
        self.participant = participant
        self.order = order
        answered = Self.isAnswered(participant.status)
    }

    /// Connected, or a status the original API page did not have (a listed participant is in the call).
    static func isAnswered(_ status: ParticipantStatus?) -> Bool {
        status.map { $0 == .connected } ?? true
    }

    public var callSid: String { participant.callSid }

    /// The participant's name wherever the dashboard shows it (`Participant.name`), made safe to draw.
    public var name: String { SafeText.sanitize(participant.name(call: call)) }

    /// The other party's number (formatted), once the call is known and they are a phone number.
    public var number: String? { call?.otherNumber.map { SafeText.sanitize($0) } }
}
