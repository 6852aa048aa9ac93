/// The HTTP method Twilio uses to fetch a callback or media URL.
public enum CallbackMethod: String, Sendable, Hashable, CaseIterable, Codable {
    case GET
    case POST

    /// Accepts `GET`/`POST` in any letter case.
    public init?(parsing text: String) {
        self.init(rawValue: text.uppercased())
    }
}
