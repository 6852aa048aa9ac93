/// A conference update: end it (`Status=completed`) and/or play an announcement to everyone.
public struct ConferenceUpdate: Sendable, Hashable {
    public var endConference: Bool
    public var announceUrl: String?
    public var announceMethod: CallbackMethod?

    public init(endConference: Bool = false, announceUrl: String? = nil, announceMethod: CallbackMethod? = nil) {
        self.endConference = endConference
        self.announceUrl = announceUrl
        self.announceMethod = announceMethod
    }

    public var formFields: [(String, String)] {
        var fields = FormFields()
        if endConference { fields.add("Status", "completed") }
        fields.add("AnnounceUrl", announceUrl)
        fields.add("AnnounceMethod", announceMethod?.rawValue)
        return fields.pairs
    }

    public func validate() -> [FieldError] {
        [AddressRules.checkURL(announceUrl, field: "AnnounceUrl")].compactMap { $0 }
    }

    public var isSafeToRetry: Bool { announceUrl == nil }
}
