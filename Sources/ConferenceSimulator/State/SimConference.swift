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
