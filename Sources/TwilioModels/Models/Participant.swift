import Foundation

/// A conference participant as the API returns it.
///
/// Decodes both the original 2010 page's fields and the current contract's: `label`,
/// `status`, `coaching`, `call_sid_to_coach` and `queue_time` are optional, RFC 2822
/// dates become `Date`, unknown fields are ignored. Encodes back with the API's own names.
///
/// One bad field does not cost the participant: a field of the wrong type or an unreadable date is
/// left empty and named in `unreadable`, so one careless value never fails a whole list. Only a
/// missing or unreadable `call_sid` does, since without it there is no participant to show.
public struct Participant: Hashable, Sendable, Codable {
    public var accountSid: String
    public var callSid: String
    public var conferenceSid: String
    public var label: String?
    public var status: ParticipantStatus?
    public var muted: Bool
    public var hold: Bool
    public var coaching: Bool?
    public var callSidToCoach: String?
    public var startConferenceOnEnter: Bool?
    public var endConferenceOnExit: Bool?
    public var dateCreated: Date?
    public var dateUpdated: Date?
    public var queueTime: String?
    public var uri: String?
    /// Fields that could not be read, by their API name, with what was wrong ("a number, not text").
    /// Not part of the API's JSON.
    public var unreadable: [String: String] = [:]

    public init(
        accountSid: String, callSid: String, conferenceSid: String, label: String? = nil,
        status: ParticipantStatus? = nil, muted: Bool = false, hold: Bool = false,
        coaching: Bool? = nil, callSidToCoach: String? = nil,
        startConferenceOnEnter: Bool? = nil, endConferenceOnExit: Bool? = nil,
        dateCreated: Date? = nil, dateUpdated: Date? = nil, queueTime: String? = nil, uri: String? = nil
    ) {
        self.accountSid = accountSid
        self.callSid = callSid
        self.conferenceSid = conferenceSid
        self.label = label
        self.status = status
        self.muted = muted
        self.hold = hold
        self.coaching = coaching
        self.callSidToCoach = callSidToCoach
        self.startConferenceOnEnter = startConferenceOnEnter
        self.endConferenceOnExit = endConferenceOnExit
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.queueTime = queueTime
        self.uri = uri
    }

    /// How confwatch names a participant, in the dashboard, its log and prompts, the audit trail and
    /// the commands, the first there is of: the label; the call's caller name; the other party's
    /// number, formatted; their `client:`/`sip:` identity; else the CallSid, whole or as its tail
    /// (`CA…1a2b3c`) when `short` (only while the call is unknown, or says nothing of who it is).
    public func name(call: Call? = nil, short: Bool = true) -> String {
        let candidates = [label, call?.callerName, call?.otherNumber, call?.otherIdentity]
        if let name = candidates.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }) { return name }
        return short ? SID.short(callSid) : callSid
    }

    enum CodingKeys: String, CodingKey {
        case accountSid = "account_sid"
        case callSid = "call_sid"
        case conferenceSid = "conference_sid"
        case label
        case status
        case muted
        case hold
        case coaching
        case callSidToCoach = "call_sid_to_coach"
        case startConferenceOnEnter = "start_conference_on_enter"
        case endConferenceOnExit = "end_conference_on_exit"
        case dateCreated = "date_created"
        case dateUpdated = "date_updated"
        case queueTime = "queue_time"
        case uri
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        callSid = try c.decode(String.self, forKey: .callSid)
        var reader = LenientFields(container: c)
        accountSid = reader.read(String.self, .accountSid) ?? ""
        conferenceSid = reader.read(String.self, .conferenceSid) ?? ""
        label = reader.read(String.self, .label)
        status = reader.read(ParticipantStatus.self, .status)
        muted = reader.read(Bool.self, .muted) ?? false
        hold = reader.read(Bool.self, .hold) ?? false
        coaching = reader.read(Bool.self, .coaching)
        callSidToCoach = reader.read(String.self, .callSidToCoach)
        startConferenceOnEnter = reader.read(Bool.self, .startConferenceOnEnter)
        endConferenceOnExit = reader.read(Bool.self, .endConferenceOnExit)
        dateCreated = reader.date(.dateCreated)
        dateUpdated = reader.date(.dateUpdated)
        queueTime = reader.read(String.self, .queueTime)
        uri = reader.read(String.self, .uri)
        unreadable = reader.unreadable
        if decoder.userInfo[.repairedUTF8] as? Bool == true { noteInvalidUTF8() }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accountSid, forKey: .accountSid)
        try c.encode(callSid, forKey: .callSid)
        try c.encode(label, forKey: .label)
        try c.encode(conferenceSid, forKey: .conferenceSid)
        try c.encode(dateCreated.map(RFC2822.string(from:)), forKey: .dateCreated)
        try c.encode(dateUpdated.map(RFC2822.string(from:)), forKey: .dateUpdated)
        try c.encode(endConferenceOnExit, forKey: .endConferenceOnExit)
        try c.encode(muted, forKey: .muted)
        try c.encode(hold, forKey: .hold)
        try c.encode(status, forKey: .status)
        try c.encode(startConferenceOnEnter, forKey: .startConferenceOnEnter)
        try c.encode(coaching, forKey: .coaching)
        try c.encode(callSidToCoach, forKey: .callSidToCoach)
        try c.encode(queueTime, forKey: .queueTime)
        try c.encode(uri, forKey: .uri)
    }
}

/// Reads optional fields one by one, noting instead of throwing when one is of the wrong type.
struct LenientFields<Key: CodingKey> {
    let container: KeyedDecodingContainer<Key>
    var unreadable: [String: String] = [:]

    mutating func read<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        do {
            return try container.decodeIfPresent(T.self, forKey: key)
        } catch {
            unreadable[key.stringValue] = Self.what(container, key, expected: T.self)
            return nil
        }
    }

    mutating func date(_ key: Key) -> Date? {
        guard let text = read(String.self, key) else { return nil }
        if let date = RFC2822.date(from: text) { return date }
        unreadable[key.stringValue] = text.isEmpty ? "empty, not a date" : "'\(text.prefix(40))' is not an RFC 2822 date"
        return nil
    }

    /// "a number, not text": what the value is, against what was expected.
    private static func what<T>(_ c: KeyedDecodingContainer<Key>, _ key: Key, expected: T.Type) -> String {
        let found: String
        if (try? c.decode(Bool.self, forKey: key)) != nil { found = "true or false" }
        else if (try? c.decode(Double.self, forKey: key)) != nil { found = "a number" }
        else if (try? c.decode(String.self, forKey: key)) != nil { found = "text" }
        else if (try? c.nestedUnkeyedContainer(forKey: key)) != nil { found = "a list" }
        else { found = "an object" }
        let wanted = expected == Bool.self ? "true or false" : "text"
        return "\(found), not \(wanted)"
    }
}

extension KeyedDecodingContainer {
    func decodeRFC2822IfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = RFC2822.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(key.stringValue) is not an RFC 2822 date: \(text.prefix(40))")
        }
        return date
    }
}
