import TwilioModels

/// What an API call produced, before it is written as JSON or XML.
enum APIResult: Sendable {
    case conference(Conference)
    case conferences(PagedList<Conference>)
    case participant(Participant, created: Bool)
    case participants(PagedList<Participant>)
    case call(Call)
    case recording(ConferenceRecording)
    case recordings(PagedList<ConferenceRecording>)
    case noContent
}
