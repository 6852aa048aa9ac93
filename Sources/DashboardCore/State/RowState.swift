import Foundation
import TwilioConferences

/// A field's last change, kept a few seconds for the highlight (old → new).
public struct FieldMark: Sendable, Hashable {
    public var old: String
    public var new: String
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
    public var participant: Participant
    /// Position in join order (first seen first).
    public var order: Int
    /// When the dashboard first saw it; set only for people who joined while watching (highlighted).
    public var joinedAt: Date?
    public var marks: [ParticipantField: FieldMark] = [:]
    public var lastChangeAt: Date?
    /// Set when it left (or left the filtered view): the row stays a few seconds as a tombstone.
    public var departedAt: Date?
    public var action: RowAction?

    public var callSid: String { participant.callSid }
}
