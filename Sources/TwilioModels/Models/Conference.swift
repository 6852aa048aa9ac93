import Foundation

/// A conference as the API returns it.
public struct Conference: Hashable, Sendable, Codable {
    public var accountSid: String
    public var sid: String
    public var friendlyName: String
    public var status: ConferenceStatus?
    public var region: String?
    public var apiVersion: String?
    public var dateCreated: Date?
    public var dateUpdated: Date?
    public var reasonConferenceEnded: String?
    public var callSidEndingConference: String?
    public var uri: String?
    public var subresourceUris: [String: String]?

    public init(
        accountSid: String, sid: String, friendlyName: String, status: ConferenceStatus? = nil,
        region: String? = nil, apiVersion: String? = "2010-04-01", dateCreated: Date? = nil, dateUpdated: Date? = nil,
        reasonConferenceEnded: String? = nil, callSidEndingConference: String? = nil,
        uri: String? = nil, subresourceUris: [String: String]? = nil
    ) {
        self.accountSid = accountSid
        self.sid = sid
        self.friendlyName = friendlyName
        self.status = status
        self.region = region
        self.apiVersion = apiVersion
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.reasonConferenceEnded = reasonConferenceEnded
        self.callSidEndingConference = callSidEndingConference
        self.uri = uri
        self.subresourceUris = subresourceUris
    }

    enum CodingKeys: String, CodingKey {
        case accountSid = "account_sid"
        case sid
        case friendlyName = "friendly_name"
        case status
        case region
        case apiVersion = "api_version"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case reasonConferenceEnded = "reason_conference_ended"
        case callSidEndingConference = "call_sid_ending_conference"
        case uri
        case subresourceUris = "subresource_uris"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sid = try c.decode(String.self, forKey: .sid)
        accountSid = try c.decodeIfPresent(String.self, forKey: .accountSid) ?? ""
        friendlyName = try c.decodeIfPresent(String.self, forKey: .friendlyName) ?? ""
        status = try c.decodeIfPresent(ConferenceStatus.self, forKey: .status)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
        dateCreated = try c.decodeRFC2822IfPresent(forKey: .dateCreated)
        dateUpdated = try c.decodeRFC2822IfPresent(forKey: .dateUpdated)
        reasonConferenceEnded = try c.decodeIfPresent(String.self, forKey: .reasonConferenceEnded)
        callSidEndingConference = try c.decodeIfPresent(String.self, forKey: .callSidEndingConference)
        uri = try c.decodeIfPresent(String.self, forKey: .uri)
        subresourceUris = try c.decodeIfPresent([String: String].self, forKey: .subresourceUris)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accountSid, forKey: .accountSid)
        try c.encode(dateCreated.map(RFC2822.string(from:)), forKey: .dateCreated)
        try c.encode(dateUpdated.map(RFC2822.string(from:)), forKey: .dateUpdated)
        try c.encode(apiVersion, forKey: .apiVersion)
        try c.encode(friendlyName, forKey: .friendlyName)
        try c.encode(region, forKey: .region)
        try c.encode(sid, forKey: .sid)
        try c.encode(status, forKey: .status)
        try c.encode(uri, forKey: .uri)
        try c.encode(subresourceUris, forKey: .subresourceUris)
        try c.encode(reasonConferenceEnded, forKey: .reasonConferenceEnded)
        try c.encode(callSidEndingConference, forKey: .callSidEndingConference)
    }
}
