/// The closed value lists of a participant create (dial-out), typed. Each raw value is exactly what
/// the contract's description of the parameter lists after "Can be:" (the OpenAPI file gives these
/// parameters `type: string` with no `enum`, so the description is the list); the contract test
/// compares every case list with it.

/// `ConferenceRecord`: whether to record the conference the participant joins.
public enum ConferenceRecord: String, Sendable, Hashable, CaseIterable {
    case `true`
    case `false`
    case recordFromStart = "record-from-start"
    case doNotRecord = "do-not-record"
}

/// `ConferenceTrim` and `Trim`: whether to trim leading and trailing silence from a recording.
public enum RecordingTrim: String, Sendable, Hashable, CaseIterable {
    case trimSilence = "trim-silence"
    case doNotTrim = "do-not-trim"
}

/// `RecordingChannels` of the final recording.
public enum RecordingChannels: String, Sendable, Hashable, CaseIterable {
    case mono
    case dual
}

/// `RecordingTrack`: which audio of the call is recorded.
public enum RecordingTrack: String, Sendable, Hashable, CaseIterable {
    case inbound
    case outbound
    case both
}

/// `Region` where the conference audio is mixed.
public enum MixingRegion: String, Sendable, Hashable, CaseIterable {
    case us1, us2, ie1, de1, sg1, br1, au1, jp1
}

/// `MachineDetection`: answering machine detection.
public enum MachineDetection: String, Sendable, Hashable, CaseIterable {
    case enable = "Enable"
    case detectMessageEnd = "DetectMessageEnd"
}

/// `JitterBufferSize` applied before the participant's audio is mixed.
public enum JitterBufferSize: String, Sendable, Hashable, CaseIterable {
    case off, small, medium, large
}

/// One `StatusCallbackEvent`: a call state change reported to `StatusCallback`.
public enum CallStatusEvent: String, Sendable, Hashable, CaseIterable {
    case initiated, ringing, answered, completed
}

/// One `ConferenceStatusCallbackEvent`: a conference change reported to `ConferenceStatusCallback`.
public enum ConferenceStatusEvent: String, Sendable, Hashable, CaseIterable {
    case start, end, join, leave, mute, hold, modify, speaker, announcement
}

/// One `RecordingStatusCallbackEvent`: a recording change reported to `RecordingStatusCallback`.
public enum RecordingStatusEvent: String, Sendable, Hashable, CaseIterable {
    case started
    case inProgress = "in-progress"
    case paused, resumed, stopped, completed, failed, absent
}

/// One `ConferenceRecordingStatusCallbackEvent`: a conference recording change reported to
/// `ConferenceRecordingStatusCallback`.
public enum ConferenceRecordingStatusEvent: String, Sendable, Hashable, CaseIterable {
    case inProgress = "in-progress"
    case completed, failed, absent
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
    /// Every raw value, in the contract's order (for messages and for the simulator's checks).
    public static var rawValues: [String] { allCases.map(\.rawValue) }
}
