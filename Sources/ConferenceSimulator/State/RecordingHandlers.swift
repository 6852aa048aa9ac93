import Foundation
import TwilioModels

extension SimulatorState {
    /// `GET …/Conferences/{Sid}/Recordings`: newest first, with the `DateCreated` filters.
    func listRecordings(conference: String, query: FormValues, path: String) throws(SimError) -> PagedList<ConferenceRecording> {
        guard let c = conferenceIndex(sid: conference) else { throw .notFound(path) }
        let days = try DayFilters<SimRecording>(query, fields: [("DateCreated", \.startTime)])
        let newestFirst = conferences[c].recordings.filter(days.matches).reversed().map { $0.resource(accountSid: accountSid) }
        return try Paging.page(cap: maxPageSize, newestFirst, id: \.sid, query: query, path: path, filters: days.given)
    }

    /// The conference and recording a path names. `Twilio.CURRENT` names the recording in progress
    /// (or paused), as the contract allows for updates.
    func locateRecording(conference: String, recording: String, path: String, current: Bool = false) throws(SimError) -> (Int, Int) {
        guard let c = conferenceIndex(sid: conference) else { throw .notFound(path) }
        let r = current && recording == "Twilio.CURRENT"
            ? conferences[c].activeRecordingIndex
            : conferences[c].recordings.firstIndex { $0.sid == recording }
        guard let r else { throw .notFound(path) }
        return (c, r)
    }

    func fetchRecording(conference: String, recording: String, path: String) throws(SimError) -> ConferenceRecording {
        let (c, r) = try locateRecording(conference: conference, recording: recording, path: path)
        return conferences[c].recordings[r].resource(accountSid: accountSid)
    }

    /// `Status` (required) `in-progress` resumes, `paused` pauses (`PauseBehavior` `skip` or
    /// `silence`, the default), `stopped` ends the recording: the answer says `stopped`, later
    /// reads `completed`. A recording that has ended cannot be changed.
    mutating func updateRecording(conference: String, recording: String, form: FormValues, path: String, now: Date) throws(SimError) -> ConferenceRecording {
        let (c, r) = try locateRecording(conference: conference, recording: recording, path: path, current: true)
        guard let value = form["Status"] else { throw .invalid("Missing required parameter Status in the post body") }
        let all = [RecordingStatus.inProgress, .paused, .stopped, .processing, .completed, .absent].map(\.rawValue)
        guard all.contains(value) else {
            throw .invalid("Invalid Status '\(value)': use in-progress, paused or stopped")
        }
        let status = RecordingStatus(rawValue: value)
        guard RecordingUpdate.settable.contains(status) else {
            throw .invalid("Status '\(value)' cannot be set on a recording: use in-progress, paused or stopped")
        }
        let behavior = try form.choice("PauseBehavior", PauseBehavior.allCases.map(\.rawValue), code: 20001).flatMap(PauseBehavior.init(rawValue:))
        let sid = conferences[c].recordings[r].sid
        guard conferences[c].recordings[r].isActive else {
            throw .invalid("Recording \(sid) is \(conferences[c].recordings[r].status.rawValue); only a recording in progress or paused can be changed", code: 21220)
        }
        switch status {
        case .paused: conferences[c].recordings[r].pause(behavior ?? .silence, at: now)
        case .inProgress: conferences[c].recordings[r].resume(at: now)
        default: conferences[c].recordings[r].complete(at: now)
        }
        var answer = conferences[c].recordings[r].resource(accountSid: accountSid)
        if status == .stopped {
            // What Twilio answers the stop with; the file is complete from the next read on.
            answer.status = .stopped
            answer.duration = nil
            answer.price = nil
            answer.priceUnit = nil
        }
        return answer
    }

    mutating func deleteRecording(conference: String, recording: String, path: String) throws(SimError) {
        let (c, r) = try locateRecording(conference: conference, recording: recording, path: path)
        conferences[c].recordings.remove(at: r)
    }
}
