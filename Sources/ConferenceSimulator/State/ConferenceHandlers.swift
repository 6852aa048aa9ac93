import Foundation
import TwilioModels

extension SimulatorState {
    /// Without `Status` only conferences in progress are listed: Twilio's default since
    /// 30 September 2026. `Status=init` and `Status=completed` list the others.
    func listConferences(query: FormValues, path: String) throws(SimError) -> PagedList<Conference> {
        let status = try query.choice("Status", ["init", "in-progress", "completed"], code: 20001) ?? ConferenceStatus.inProgress.rawValue
        let friendlyName = query["FriendlyName"]
        let days = try DayFilters<SimConference>(query, fields: [("DateCreated", \.dateCreated), ("DateUpdated", \.dateUpdated)])
        let matching = conferences.filter { conference in
            !conference.vanished
                && conference.status.rawValue == status
                && (friendlyName.map { conference.friendlyName == $0 } ?? true)
                && days.matches(conference)
        }
        // Twilio lists newest first.
        let ordered = matching.sorted { $0.dateCreated > $1.dateCreated }.map { $0.resource(accountSid: accountSid) }
        var filters: [(String, String)] = []
        for name in ["Status", "FriendlyName"] {
            if let value = query[name] { filters.append((name, value)) }
        }
        filters += days.given
        return try Paging.page(cap: maxPageSize, ordered, id: \.sid, query: query, path: path, filters: filters)
    }

    func fetchConference(sid: String, path: String) throws(SimError) -> Conference {
        guard let c = conferenceIndex(sid: sid) else { throw .notFound(path) }
        return conferences[c].resource(accountSid: accountSid)
    }

    /// `Status=completed` ends the conference; `AnnounceUrl` plays something to everyone.
    mutating func updateConference(sid: String, form: FormValues, path: String, now: Date) throws(SimError) -> Conference {
        guard let c = conferenceIndex(sid: sid) else { throw .notFound(path) }
        let status = try form.choice("Status", ["completed"], code: 20001)
        let announceUrl = try form.url("AnnounceUrl")
        _ = try form.method("AnnounceMethod")
        if let announceUrl {
            guard conferences[c].status == .inProgress else {
                throw .invalid("Conference \(sid) is not in progress; nothing to announce to", code: 21220)
            }
            conferences[c].lastAnnounceUrl = announceUrl
            conferences[c].dateUpdated = now
        }
        if status != nil {
            end(conference: c, at: now, reason: "conference-ended-via-api", by: nil)
        }
        return conferences[c].resource(accountSid: accountSid)
    }
}
