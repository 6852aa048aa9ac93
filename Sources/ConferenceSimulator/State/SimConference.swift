import Foundation
import TwilioModels

/// A conference as the simulator keeps it.
struct SimConference: Sendable {
    var sid: String
    var friendlyName: String
    var status: ConferenceStatus
    var region = "us1"
    var dateCreated: Date
    var dateUpdated: Date
    var reasonConferenceEnded: String?
    var callSidEndingConference: String?
    var maxParticipants = 250
    /// In join order.
    var participants: [SimParticipant] = []
    /// Set by the "conference ended" fault: every path under it answers 404.
    var vanished = false
    var lastAnnounceUrl: String?
    /// The conference's Twilio number: people dial in to it, dial-outs of the seeded meeting come from it.
    var number: String
    /// Its recordings, oldest first.
    var recordings: [SimRecording] = []
    /// How many recordings it has started (deleted ones too): each new one's SID follows from it.
    var recordingsStarted = 0

    init(sid: String, friendlyName: String, status: ConferenceStatus, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.status = status
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        number = CallIdentities.twilioNumber(conferenceSid: sid)
    }

    /// The recording in progress or paused, if there is one.
    var activeRecordingIndex: Int? { recordings.lastIndex { $0.isActive } }

    func resource(accountSid: String) -> Conference {
        let base = "/2010-04-01/Accounts/\(accountSid)/Conferences/\(sid)"
        return Conference(
            accountSid: accountSid, sid: sid, friendlyName: friendlyName, status: status, region: region,
            apiVersion: "2010-04-01", dateCreated: dateCreated, dateUpdated: dateUpdated,
            reasonConferenceEnded: reasonConferenceEnded, callSidEndingConference: callSidEndingConference,
            uri: base + ".json",
            subresourceUris: ["participants": base + "/Participants.json", "recordings": base + "/Recordings.json"])
    }

    func index(of reference: String) -> Int? {
        if SID.isCall(reference) { return participants.firstIndex { $0.callSid == reference } }
        return participants.firstIndex { $0.label == reference }
    }
}
