import TwilioModels

/// What an API call produced, before it is written as JSON or XML.
enum APIResult: Sendable {
    case conference(Conference)
    case conferences(PagedList<Conference>)
    case participant(Participant, created: Bool)
    case participants(PagedList<Participant>)
    case noContent
}
