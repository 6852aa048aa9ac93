import Foundation
import TwilioModels

/// A participant's call as the simulator keeps it: who is on the other end, which way it went, and
/// its status, which follows the participant's (queued, ringing, in-progress, then how it ended).
struct SimCall: Sendable {
    var sid: String
    var conferenceSid: String
    var direction: CallDirection
    var from: String
    var to: String
    /// The caller-ID name (CNAM) of an incoming call, when the carrier gave one.
    var callerName: String?
    var status: CallStatus
    var dateCreated: Date
    var dateUpdated: Date
    /// When it was answered.
    var startTime: Date?
    /// When an answered call ended.
    var endTime: Date?
    /// Milliseconds it waited before it was placed.
    var queueTime = "0"
    /// The status it ends with if it ends before anyone answers: `no-answer`, `busy` or `failed`.
    var unansweredEnding: CallStatus = .noAnswer

    var hasEnded: Bool { status != .queued && status != .ringing && status != .inProgress }

    mutating func ring(at time: Date) {
        guard status == .queued else { return }
        status = .ringing
        queueTime = String(Int((time.timeIntervalSince(dateCreated) * 1000).rounded()))
        dateUpdated = time
    }

    mutating func answer(at time: Date) {
        guard !hasEnded, status != .inProgress else { return }
        status = .inProgress
        startTime = time
        dateUpdated = time
    }

    /// Ends the call: `completed` if it was answered, else `unanswered` (`canceled` when it was hung
    /// up while it rang, or the outcome it was dialled to have).
    mutating func end(at time: Date, unanswered: CallStatus) {
        guard !hasEnded else { return }
        if status == .inProgress {
            status = .completed
            endTime = time
        } else {
            status = unanswered
        }
        dateUpdated = time
    }

    /// Whole seconds from answer to hang-up, as text; nil for calls that are up or were never
    /// answered (the contract: "empty for busy, failed, unanswered, or ongoing calls").
    var duration: String? {
        guard status == .completed, let startTime, let endTime else { return nil }
        return String(Int(endTime.timeIntervalSince(startTime)))
    }

    func resource(accountSid: String) -> Call {
        let path = "/2010-04-01/Accounts/\(accountSid)/Calls/\(sid)"
        var call = Call(sid: sid, accountSid: accountSid)
        call.dateCreated = dateCreated
        call.dateUpdated = dateUpdated
        call.to = to
        call.toFormatted = PhoneNumbers.formatted(to)
        call.from = from
        call.fromFormatted = PhoneNumbers.formatted(from)
        // Inbound: the number that took the call; outbound: the caller ID it went out from.
        call.phoneNumberSid = PhoneNumbers.phoneNumberSid(direction == .inbound ? to : from)
        call.status = status
        call.startTime = startTime
        call.endTime = endTime
        call.duration = duration
        call.priceUnit = "USD"
        call.direction = direction
        call.apiVersion = "2010-04-01"
        call.callerName = callerName
        call.queueTime = queueTime
        call.uri = path + ".json"
        call.subresourceUris = Dictionary(uniqueKeysWithValues: Self.subresources.map { ($0.key, "\(path)/\($0.path).json") })
        return call
    }

    /// The subresources Twilio names in a call's `subresource_uris`.
    static let subresources: [(key: String, path: String)] = [
        ("notifications", "Notifications"), ("recordings", "Recordings"), ("payments", "Payments"), ("events", "Events"),
        ("siprec", "Siprec"), ("streams", "Streams"), ("transcriptions", "Transcriptions"),
        ("user_defined_message_subscriptions", "UserDefinedMessageSubscriptions"), ("user_defined_messages", "UserDefinedMessages"),
    ]
}

/// Numbers as Twilio shows them.
enum PhoneNumbers {
    /// `+14158675309` → `(415) 867-5309`; any other number, `client:` or `sip:` address as it is
    /// (the contract: non-North American numbers are formatted in E.164).
    static func formatted(_ address: String) -> String {
        let digits = Array(address.utf8.dropFirst(2))
        guard address.hasPrefix("+1"), digits.count == 10, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return address }
        let text = String(decoding: digits, as: UTF8.self)
        let area = text.prefix(3), exchange = text.dropFirst(3).prefix(3), line = text.suffix(4)
        return "(\(area)) \(exchange)-\(line)"
    }

    /// The `PN…` SID of the account's number, the same one every time; nil for `client:` and `sip:`.
    static func phoneNumberSid(_ address: String) -> String? {
        guard AddressRules.isE164(address) else { return nil }
        var rng = SeededRandom(deriving: "PN" + address)
        return rng.sid("PN")
    }
}
