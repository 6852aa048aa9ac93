import Foundation
import TwilioModels

/// One line of the audit trail: an action the supervisor took and what came of it. Written as JSON
/// lines under $XDG_STATE_HOME/confwatch/ (else ~/.local/state/confwatch/); never holds a secret.
public struct AuditRecord: Codable, Hashable, Sendable {
    /// ISO 8601, UTC.
    public var time: String
    public var source: String
    /// The account the action was taken in (records written before confwatch 0.2 have none).
    public var accountSid: String?
    public var conferenceSid: String?
    public var conference: String?
    public var action: String
    public var participantSid: String?
    public var participant: String?
    /// The parameters sent, in the API's names (credentials masked).
    public var parameters: [String: String]
    /// "done" or "failed".
    public var result: String
    public var code: Int?
    public var httpStatus: Int?
    public var message: String?

    public init(
        time: Date, source: String, accountSid: String? = nil, conferenceSid: String?, conference: String?, action: String, participantSid: String?,
        participant: String?, parameters: [String: String], result: String, code: Int? = nil, httpStatus: Int? = nil, message: String? = nil
    ) {
        self.time = Self.iso8601(time)
        self.source = source
        self.accountSid = accountSid
        self.conferenceSid = conferenceSid
        self.conference = conference
        self.action = action
        self.participantSid = participantSid
        self.participant = participant
        self.parameters = parameters
        self.result = result
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
    }

    /// The record with every text it holds cleaned of credentials, of `secrets` and of the configured
    /// secrets: a record never keeps one, whatever a server echoed.
    public func redacted(secrets: [String] = []) -> AuditRecord {
        func clean(_ text: String) -> String { Redaction.redact(text, secrets: secrets) }
        var record = self
        record.conference = conference.map(clean)
        record.participant = participant.map(clean)
        record.parameters = parameters.mapValues(clean)
        record.message = message.map(clean)
        return record
    }

    enum CodingKeys: String, CodingKey {
        case time, source, action, parameters, result, code, message, conference, participant
        case accountSid = "account_sid"
        case conferenceSid = "conference_sid"
        case participantSid = "participant_sid"
        case httpStatus = "http_status"
    }

    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = RFC2822.civil(fromDays: day)
        let s = Int(seconds - day * 86_400)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, s / 3600, s / 60 % 60, s % 60)
    }
}

