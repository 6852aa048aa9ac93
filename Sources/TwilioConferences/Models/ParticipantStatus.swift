/// The status of a participant's call: `queued`, `connecting`, `ringing`, `connected`,
/// `complete` or `failed`. Unknown values from a newer API are kept as they are.
public struct ParticipantStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let queued = Self(rawValue: "queued")
    public static let connecting = Self(rawValue: "connecting")
    public static let ringing = Self(rawValue: "ringing")
    public static let connected = Self(rawValue: "connected")
    public static let complete = Self(rawValue: "complete")
    public static let failed = Self(rawValue: "failed")

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The status of a conference: `init`, `in-progress` or `completed`.
public struct ConferenceStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let initializing = Self(rawValue: "init")
    public static let inProgress = Self(rawValue: "in-progress")
    public static let completed = Self(rawValue: "completed")

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
