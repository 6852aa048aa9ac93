import TwilioModels

extension TwilioConferencesClient {
    /// Sends one write (see `ConferenceAction.write`) to `conference`: a CF… SID, or for a dial-out
    /// also a friendly name (joined, or created when none is live). Returns the participant as the API
    /// answers with it, when the write answers with one.
    public func perform(_ write: ConferenceWrite, conference: String) async throws -> Participant? {
        switch write {
        case .updateParticipant(let participant, let update):
            return try await updateParticipant(conferenceSid: conference, participant: participant, update)
        case .deleteParticipant(let participant):
            try await deleteParticipant(conferenceSid: conference, participant: participant)
            return nil
        case .createParticipant(let request):
            return try await createParticipant(conference: conference, request)
        case .updateConference(let update):
            _ = try await updateConference(sid: conference, update)
            return nil
        case .updateRecording(let sid, let update):
            _ = try await updateConferenceRecording(conferenceSid: conference, sid: sid, update)
            return nil
        }
    }
}
