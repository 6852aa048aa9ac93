import Foundation

/// A call as the API returns it (`api.v2010.account.call`): who is on the other end, which way the
/// call went and how it ended. The dashboard reads each participant's call once, to say who they are.
public struct Call: Hashable, Sendable, Codable {
    public var sid: String
    public var accountSid: String
    public var parentCallSid: String?
    public var dateCreated: Date?
    public var dateUpdated: Date?
    public var to: String?
    public var toFormatted: String?
    public var from: String?
    public var fromFormatted: String?
    public var phoneNumberSid: String?
    public var status: CallStatus?
    public var startTime: Date?
    public var endTime: Date?
    /// Seconds, as text (the API's type), once the call has ended.
    public var duration: String?
    public var price: String?
    public var priceUnit: String?
    public var direction: CallDirection?
    public var answeredBy: String?
    public var apiVersion: String?
    public var forwardedFrom: String?
    public var groupSid: String?
    public var callerName: String?
    public var queueTime: String?
    public var trunkSid: String?
    public var uri: String?
    public var subresourceUris: [String: String]?

    public init(sid: String, accountSid: String) {
        self.sid = sid
        self.accountSid = accountSid
    }

    enum CodingKeys: String, CodingKey {
        case sid, to, from, status, duration, price, direction, uri
        case accountSid = "account_sid"
        case parentCallSid = "parent_call_sid"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case toFormatted = "to_formatted"
        case fromFormatted = "from_formatted"
        case phoneNumberSid = "phone_number_sid"
        case startTime = "start_time"
        case endTime = "end_time"
        case priceUnit = "price_unit"
        case answeredBy = "answered_by"
        case apiVersion = "api_version"
        case forwardedFrom = "forwarded_from"
        case groupSid = "group_sid"
        case callerName = "caller_name"
        case queueTime = "queue_time"
        case trunkSid = "trunk_sid"
        case subresourceUris = "subresource_uris"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sid = try c.decode(String.self, forKey: .sid)
        accountSid = try c.decodeIfPresent(String.self, forKey: .accountSid) ?? ""
        parentCallSid = try c.decodeIfPresent(String.self, forKey: .parentCallSid)
        dateCreated = try c.decodeRFC2822IfPresent(forKey: .dateCreated)
        dateUpdated = try c.decodeRFC2822IfPresent(forKey: .dateUpdated)
        to = try c.decodeIfPresent(String.self, forKey: .to)
        toFormatted = try c.decodeIfPresent(String.self, forKey: .toFormatted)
        from = try c.decodeIfPresent(String.self, forKey: .from)
        fromFormatted = try c.decodeIfPresent(String.self, forKey: .fromFormatted)
        phoneNumberSid = try c.decodeIfPresent(String.self, forKey: .phoneNumberSid)
        status = try c.decodeIfPresent(CallStatus.self, forKey: .status)
        startTime = try c.decodeRFC2822IfPresent(forKey: .startTime)
        endTime = try c.decodeRFC2822IfPresent(forKey: .endTime)
        duration = try c.decodeIfPresent(String.self, forKey: .duration)
        price = try c.decodeIfPresent(String.self, forKey: .price)
        priceUnit = try c.decodeIfPresent(String.self, forKey: .priceUnit)
        direction = try c.decodeIfPresent(CallDirection.self, forKey: .direction)
        answeredBy = try c.decodeIfPresent(String.self, forKey: .answeredBy)
        apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
        forwardedFrom = try c.decodeIfPresent(String.self, forKey: .forwardedFrom)
        groupSid = try c.decodeIfPresent(String.self, forKey: .groupSid)
        callerName = try c.decodeIfPresent(String.self, forKey: .callerName)
        queueTime = try c.decodeIfPresent(String.self, forKey: .queueTime)
        trunkSid = try c.decodeIfPresent(String.self, forKey: .trunkSid)
        uri = try c.decodeIfPresent(String.self, forKey: .uri)
        subresourceUris = try c.decodeIfPresent([String: String].self, forKey: .subresourceUris)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sid, forKey: .sid)
        try c.encode(accountSid, forKey: .accountSid)
        try c.encode(parentCallSid, forKey: .parentCallSid)
        try c.encode(dateCreated.map(RFC2822.string(from:)), forKey: .dateCreated)
        try c.encode(dateUpdated.map(RFC2822.string(from:)), forKey: .dateUpdated)
        try c.encode(to, forKey: .to)
        try c.encode(toFormatted, forKey: .toFormatted)
        try c.encode(from, forKey: .from)
        try c.encode(fromFormatted, forKey: .fromFormatted)
        try c.encode(phoneNumberSid, forKey: .phoneNumberSid)
        try c.encode(status, forKey: .status)
        try c.encode(startTime.map(RFC2822.string(from:)), forKey: .startTime)
        try c.encode(endTime.map(RFC2822.string(from:)), forKey: .endTime)
        try c.encode(duration, forKey: .duration)
        try c.encode(price, forKey: .price)
        try c.encode(priceUnit, forKey: .priceUnit)
        try c.encode(direction, forKey: .direction)
        try c.encode(answeredBy, forKey: .answeredBy)
        try c.encode(apiVersion, forKey: .apiVersion)
        try c.encode(forwardedFrom, forKey: .forwardedFrom)
        try c.encode(groupSid, forKey: .groupSid)
        try c.encode(callerName, forKey: .callerName)
        try c.encode(queueTime, forKey: .queueTime)
        try c.encode(trunkSid, forKey: .trunkSid)
        try c.encode(uri, forKey: .uri)
        try c.encode(subresourceUris, forKey: .subresourceUris)
    }
}

/// A call's status: `queued`, `ringing`, `in-progress`, `completed`, `busy`, `failed`, `no-answer`, `canceled`.
public struct CallStatus: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let queued = Self(rawValue: "queued")
    public static let ringing = Self(rawValue: "ringing")
    public static let inProgress = Self(rawValue: "in-progress")
    public static let completed = Self(rawValue: "completed")
    public static let busy = Self(rawValue: "busy")
    public static let failed = Self(rawValue: "failed")
    public static let noAnswer = Self(rawValue: "no-answer")
    public static let canceled = Self(rawValue: "canceled")

    /// The call ended without ever being answered.
    public var neverAnswered: Bool { self == .busy || self == .failed || self == .noAnswer || self == .canceled }
}

/// Which way a call went: `inbound`, `outbound-api` (a dial-out through the API), `outbound-dial`
/// (from TwiML's `<Dial>`), or the trunking directions.
public struct CallDirection: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let inbound = Self(rawValue: "inbound")
    public static let outboundAPI = Self(rawValue: "outbound-api")
    public static let outboundDial = Self(rawValue: "outbound-dial")

    public var isOutbound: Bool { rawValue.hasPrefix("outbound") || rawValue == "trunking-terminating" }
}

extension Call {
    /// The other party as the API gives them: who called in, or whom the call went out to.
    public var otherParty: String? { direction?.isOutbound == true ? to : from }

    /// The other party's number as Twilio formats it (`(415) 867-5309`), when they are a phone number.
    public var otherNumber: String? {
        guard let raw = otherParty, raw.hasPrefix("+") else { return nil }
        let formatted = direction?.isOutbound == true ? toFormatted : fromFormatted
        return formatted.flatMap { $0.isEmpty ? nil : $0 } ?? raw
    }

    /// The other party's `client:` or `sip:` identity, when they are not a phone number.
    public var otherIdentity: String? {
        guard let raw = otherParty, raw.hasPrefix("client:") || raw.hasPrefix("sip:") else { return nil }
        return raw
    }
}
