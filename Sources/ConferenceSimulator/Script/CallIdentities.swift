import Foundation
import TwilioModels

/// Who is on the other end of the seeded and scripted calls: numbers, caller-ID names, `client:`
/// identities and directions. Each call draws from a generator of its own, seeded from its SID, so
/// the main sequence (labels, mutes, timings) is what it was before calls had identities.
///
/// Numbers come from ranges set aside for fiction: `+1 NPA 555-01XX` in North America, Ofcom's
/// drama range in London, ARCEP's in Paris and ACMA's Australian mobiles.
enum CallIdentities {
    static let areaCodes = ["415", "212", "617", "312", "206", "512", "303", "646", "510", "718", "404", "720"]
    static let surnames = [
        "OKAFOR", "NAKAMURA", "SILVA", "PATEL", "KOWALSKI", "GARCIA", "LINDQVIST", "MENSAH", "ROSSI", "HASSAN",
        "NGUYEN", "MORENO", "IVANOV", "OBRIEN", "SCHMIDT", "TANAKA", "ADEYEMI", "COHEN", "LARSEN", "DUBOIS",
    ]

    /// A North American number: `+1` area code `555` `01XX`.
    static func northAmerican(_ rng: inout SeededRandom) -> String {
        "+1" + rng.pick(areaCodes) + "55501" + digits(2, &rng)
    }

    /// A number elsewhere: London, Paris or an Australian mobile.
    static func international(_ rng: inout SeededRandom) -> String {
        switch rng.next() % 3 {
        case 0: "+442079460" + digits(3, &rng)
        case 1: "+3319900" + digits(4, &rng)
        default: "+614915701" + String(10 + rng.next() % 50)
        }
    }

    /// A caller-ID name as carriers send it: upper case, at most 15 characters (`DARA OKAFOR`).
    static func callerName(first: String, _ rng: inout SeededRandom) -> String {
        String((first.uppercased() + " " + rng.pick(surnames)).prefix(15))
    }

    /// The conference's own Twilio number, which people dial in to and dial-outs come from.
    static func twilioNumber(conferenceSid: String) -> String {
        var rng = SeededRandom(deriving: conferenceSid)
        return northAmerican(&rng)
    }

    /// The call of a participant present from the start. The moderator dialled in; the fourth
    /// participant is a browser or app user (`client:`) who called in, the eighth one the conference
    /// called (so there are one or two per conference); the others are people on the phone, most
    /// calling in, some called out to, a few abroad, about half with a caller-ID name.
    static func seeded(
        callSid: String, label: String?, position: Int, conference: SimConference, at joined: Date
    ) -> SimCall {
        var rng = SeededRandom(deriving: callSid)
        let first = firstName(label: label, &rng)
        let direction: CallDirection
        let other: String
        var callerName: String?
        switch position {
        case 0:
            direction = .inbound
            other = northAmerican(&rng)
            callerName = Self.callerName(first: first, &rng)
        case 3, 7:
            direction = position == 3 ? .inbound : .outboundAPI
            other = "client:" + first
        default:
            direction = rng.next() % 10 < 7 ? .inbound : .outboundAPI
            other = rng.next() % 7 == 0 ? international(&rng) : northAmerican(&rng)
            if direction == .inbound && rng.next() % 3 != 0 { callerName = Self.callerName(first: first, &rng) }
        }
        // A call that went out rang a few seconds before it was answered.
        let created = direction == .inbound ? joined : joined.addingTimeInterval(-Double(2 + rng.next() % 10))
        return call(callSid: callSid, conference: conference, direction: direction, other: other, callerName: callerName, created: created, answered: joined)
    }

    /// The call of someone the scripted activity brings in: people calling in are connected at once,
    /// those the conference dials (`dialled`) ring first.
    static func scripted(callSid: String, label: String?, dialled: Bool, conference: SimConference, at time: Date) -> SimCall {
        var rng = SeededRandom(deriving: callSid)
        let first = firstName(label: label, &rng)
        let other = rng.next() % 7 == 0 ? international(&rng) : northAmerican(&rng)
        if dialled {
            return call(callSid: callSid, conference: conference, direction: .outboundAPI, other: other, callerName: nil, created: time, answered: nil)
        }
        let callerName = rng.next() % 2 == 0 ? Self.callerName(first: first, &rng) : nil
        return call(callSid: callSid, conference: conference, direction: .inbound, other: other, callerName: callerName, created: time, answered: time)
    }

    private static func call(
        callSid: String, conference: SimConference, direction: CallDirection, other: String, callerName: String?, created: Date, answered: Date?
    ) -> SimCall {
        let inbound = direction == .inbound
        var call = SimCall(
            sid: callSid, conferenceSid: conference.sid, direction: direction,
            from: inbound ? other : conference.number, to: inbound ? conference.number : other,
            callerName: callerName, status: .queued, dateCreated: created, dateUpdated: created)
        if let answered {
            if !inbound { call.ring(at: created) }
            call.answer(at: answered)
        }
        return call
    }

    /// The participant's first name: their label without a round number (`dara-2` → `dara`), or
    /// one from the name pool for the moderator and people without a label.
    private static func firstName(label: String?, _ rng: inout SeededRandom) -> String {
        let drawn = rng.pick(Population.names)
        guard let label, label != "moderator" else { return drawn }
        if let dash = label.lastIndex(of: "-"), label[label.index(after: dash)...].allSatisfy(\.isNumber) {
            return String(label[..<dash])
        }
        return label
    }

    private static func digits(_ count: Int, _ rng: inout SeededRandom) -> String {
        String((0..<count).map { _ in Character(String(rng.next() % 10)) })
    }
}
