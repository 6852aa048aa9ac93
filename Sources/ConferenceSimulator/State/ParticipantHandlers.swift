import Foundation
import TwilioModels

extension SimulatorState {
    /// The list is only served under a conference SID: a friendly name here is refused with 405
    /// 20004, as on Twilio (POST to the list accepts the name).
    func listParticipants(conference: String, query: FormValues, path: String) throws(SimError) -> PagedList<Participant> {
        try Self.requireSidToRead(conference)
        guard let c = conferenceIndex(sid: conference) else { throw .notFound(path) }
        let muted = try query.filterBool("Muted")
        let hold = try query.filterBool("Hold")
        let coaching = try query.filterBool("Coaching")
        let sid = conferences[c].sid
        let matching = conferences[c].participants.filter { p in
            (muted.map { p.muted == $0 } ?? true) && (hold.map { p.hold == $0 } ?? true) && (coaching.map { p.coaching == $0 } ?? true)
        }.map { $0.resource(accountSid: accountSid, conferenceSid: sid) }
        var filters: [(String, String)] = []
        for name in ["Muted", "Hold", "Coaching"] {
            if let value = query[name] { filters.append((name, value)) }
        }
        return try Paging.page(cap: maxPageSize, matching, id: \.callSid, query: query, path: path, filters: filters)
    }

    /// GET under a friendly name: Twilio answers 405 with code 20004.
    static func requireSidToRead(_ conference: String) throws(SimError) {
        guard SID.isConference(conference) else {
            throw SimError(status: 405, code: 20004, message: "Method not allowed: GET needs the conference SID, not the friendly name '\(conference)'")
        }
    }

    func locate(conference: String, participant: String, path: String) throws(SimError) -> (Int, Int) {
        guard let c = conferenceIndex(sid: conference), let p = conferences[c].index(of: participant) else { throw .notFound(path) }
        return (c, p)
    }

    func fetchParticipant(conference: String, participant: String, path: String) throws(SimError) -> Participant {
        try Self.requireSidToRead(conference)
        let (c, p) = try locate(conference: conference, participant: participant, path: path)
        return conferences[c].participants[p].resource(accountSid: accountSid, conferenceSid: conferences[c].sid)
    }

    /// Every documented update parameter. `Muted`/`Hold`: `true` in any case is true, anything else false.
    mutating func updateParticipant(conference: String, participant: String, form: FormValues, path: String, now: Date) throws(SimError) -> Participant {
        let (c, p) = try locate(conference: conference, participant: participant, path: path)
        var updated = conferences[c].participants[p]
        let muted = form.lenientBool("Muted")
        let hold = form.lenientBool("Hold")
        let holdUrl = try form.url("HoldUrl")
        let holdMethod = try form.method("HoldMethod")
        let announceUrl = try form.url("AnnounceUrl")
        _ = try form.method("AnnounceMethod")
        let waitUrl = try form.url("WaitUrl", emptyMeansNothing: true)
        let waitMethod = try form.method("WaitMethod")
        let coaching = form.lenientBool("Coaching")
        let coachTarget = form["CallSidToCoach"]
        if (hold != nil || announceUrl != nil) && updated.status != .connected {
            throw .invalid("Participant \(updated.callSid) is \(updated.status.rawValue), not connected; it cannot be held or announced to yet", code: 21220)
        }
        if let muted { updated.muted = muted }
        if let hold {
            updated.hold = hold
            if hold {
                updated.holdUrl = holdUrl
                updated.holdMethod = holdMethod ?? "GET"
            }
        }
        if let announceUrl { updated.lastAnnounceUrl = announceUrl }
        if let waitUrl { updated.waitUrl = waitUrl }
        if let waitMethod { updated.waitMethod = waitMethod }
        if let beep = form.lenientBool("BeepOnExit") { updated.beepOnExit = beep }
        if let endOnExit = form.lenientBool("EndConferenceOnExit") { updated.endConferenceOnExit = endOnExit }
        if let coachTarget {
            try FormValues.refuse(AddressRules.checkCallSid(coachTarget, field: "CallSidToCoach"))
            guard coachTarget != updated.callSid, conferences[c].participants.contains(where: { $0.callSid == coachTarget }) else {
                throw .invalid("CallSidToCoach \(coachTarget) is not another participant of this conference", code: 16028)
            }
            updated.callSidToCoach = coachTarget
            updated.coaching = coaching ?? true
        } else if let coaching {
            guard !coaching || updated.callSidToCoach != nil else {
                throw .invalid("Coaching=true needs CallSidToCoach: name the participant to coach")
            }
            updated.coaching = coaching
            if !coaching { updated.callSidToCoach = nil }
        }
        updated.dateUpdated = now
        conferences[c].participants[p] = updated
        conferences[c].dateUpdated = now
        return updated.resource(accountSid: accountSid, conferenceSid: conferences[c].sid)
    }

    mutating func deleteParticipant(conference: String, participant: String, path: String, now: Date) throws(SimError) {
        let (c, p) = try locate(conference: conference, participant: participant, path: path)
        remove(callSid: conferences[c].participants[p].callSid, from: c, at: now, kicked: true)
    }
}
