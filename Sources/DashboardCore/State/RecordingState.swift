import TwilioModels

/// The conference's recordings, as last read (first poll, every 10th, and after a recording action).
public struct RecordingState: Sendable, Hashable {
    public internal(set) var recordings: [ConferenceRecording] = []

    public init() {}

    /// The recording going on now, running or paused.
    public var active: ConferenceRecording? { recordings.last { $0.status == .inProgress || $0.status == .paused } }
}

/// How many participants there are and what they are doing: the header's counts.
public struct ConferenceCounts: Sendable, Hashable {
    public var live = 0, muted = 0, held = 0, coaching = 0, ringing = 0

    public init() {}

    public init<S: Sequence>(_ participants: S) where S.Element == Participant {
        for p in participants { add(p) }
    }

    mutating func add(_ p: Participant) {
        live += 1
        if p.muted { muted += 1 }
        if p.hold { held += 1 }
        if p.coaching == true { coaching += 1 }
        if p.status == .queued || p.status == .connecting || p.status == .ringing { ringing += 1 }
    }
}
