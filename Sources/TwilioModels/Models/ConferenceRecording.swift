import Foundation

/// A conference's recording as the API returns it (`api.v2010.account.conference.conference_recording`).
public struct ConferenceRecording: Hashable, Sendable, Codable {
    public var sid: String
    public var accountSid: String
    public var conferenceSid: String
    public var callSid: String?
    public var apiVersion: String?
    public var dateCreated: Date?
    public var dateUpdated: Date?
    public var startTime: Date?
    /// Seconds, as text (the API's type); null until the recording is complete, as Twilio's examples of
    /// in-progress and paused recordings show (some answers have given -1 instead).
    public var duration: String?
    public var price: String?
    public var priceUnit: String?
    public var status: RecordingStatus?
    public var channels: Int?
    public var source: String?
    public var errorCode: Int?
    public var uri: String?

    public init(sid: String, accountSid: String, conferenceSid: String, status: RecordingStatus?) {
        self.sid = sid
        self.accountSid = accountSid
        self.conferenceSid = conferenceSid
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case sid, duration, price, status, channels, source, uri
        case accountSid = "account_sid"
        case conferenceSid = "conference_sid"
        case callSid = "call_sid"
        case apiVersion = "api_version"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case startTime = "start_time"
        case priceUnit = "price_unit"
        case errorCode = "error_code"
        case encryptionDetails = "encryption_details"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sid = try c.decode(String.self, forKey: .sid)
        accountSid = try c.decodeIfPresent(String.self, forKey: .accountSid) ?? ""
        conferenceSid = try c.decodeIfPresent(String.self, forKey: .conferenceSid) ?? ""
        callSid = try c.decodeIfPresent(String.self, forKey: .callSid)
        apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
        dateCreated = try c.decodeRFC2822IfPresent(forKey: .dateCreated)
        dateUpdated = try c.decodeRFC2822IfPresent(forKey: .dateUpdated)
        startTime = try c.decodeRFC2822IfPresent(forKey: .startTime)
        duration = try c.decodeIfPresent(String.self, forKey: .duration)
        price = try c.decodeIfPresent(String.self, forKey: .price)
        priceUnit = try c.decodeIfPresent(String.self, forKey: .priceUnit)
        status = try c.decodeIfPresent(RecordingStatus.self, forKey: .status)
        channels = try c.decodeIfPresent(Int.self, forKey: .channels)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        errorCode = try c.decodeIfPresent(Int.self, forKey: .errorCode)
        uri = try c.decodeIfPresent(String.self, forKey: .uri)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sid, forKey: .sid)
        try c.encode(accountSid, forKey: .accountSid)
        try c.encode(conferenceSid, forKey: .conferenceSid)
        try c.encode(callSid, forKey: .callSid)
        try c.encode(apiVersion, forKey: .apiVersion)
        try c.encode(dateCreated.map(RFC2822.string(from:)), forKey: .dateCreated)
        try c.encode(dateUpdated.map(RFC2822.string(from:)), forKey: .dateUpdated)
        try c.encode(startTime.map(RFC2822.string(from:)), forKey: .startTime)
        try c.encode(duration, forKey: .duration)
        try c.encode(price, forKey: .price)
        try c.encode(priceUnit, forKey: .priceUnit)
        try c.encode(status, forKey: .status)
        try c.encode(channels, forKey: .channels)
        try c.encode(source, forKey: .source)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encodeNil(forKey: .encryptionDetails)
        try c.encode(uri, forKey: .uri)
    }
}

/// A recording's status: `in-progress`, `paused`, `stopped`, `processing`, `completed`, `absent`.
public struct RecordingStatus: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let inProgress = Self(rawValue: "in-progress")
    public static let paused = Self(rawValue: "paused")
    public static let stopped = Self(rawValue: "stopped")
    public static let processing = Self(rawValue: "processing")
    public static let completed = Self(rawValue: "completed")
    public static let absent = Self(rawValue: "absent")
}
