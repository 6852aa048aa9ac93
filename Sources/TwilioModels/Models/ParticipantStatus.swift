/// A string enum from the API that keeps values it does not know (a newer API may add some).
public protocol OpenStringEnum: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension OpenStringEnum {
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The status of a participant's call: `queued`, `connecting`, `ringing`, `connected`,
/// `complete` or `failed`.
public struct ParticipantStatus: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let queued = Self(rawValue: "queued")
    public static let connecting = Self(rawValue: "connecting")
    public static let ringing = Self(rawValue: "ringing")
    public static let connected = Self(rawValue: "connected")
    public static let complete = Self(rawValue: "complete")
    public static let failed = Self(rawValue: "failed")
}

/// The status of a conference: `init`, `in-progress` or `completed`.
public struct ConferenceStatus: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let initializing = Self(rawValue: "init")
    public static let inProgress = Self(rawValue: "in-progress")
    public static let completed = Self(rawValue: "completed")
}
