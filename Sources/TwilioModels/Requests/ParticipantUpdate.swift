/// Every documented parameter of a participant update (POST to the participant).
public struct ParticipantUpdate: Sendable, Hashable {
    public var muted: Bool?
    public var hold: Bool?
    public var holdUrl: String?
    public var holdMethod: CallbackMethod?
    public var announceUrl: String?
    public var announceMethod: CallbackMethod?
    public var waitUrl: String?
    public var waitMethod: CallbackMethod?
    public var beepOnExit: Bool?
    public var endConferenceOnExit: Bool?
    public var coaching: Bool?
    public var callSidToCoach: String?

    public init(
        muted: Bool? = nil, hold: Bool? = nil, holdUrl: String? = nil, holdMethod: CallbackMethod? = nil,
        announceUrl: String? = nil, announceMethod: CallbackMethod? = nil, waitUrl: String? = nil,
        waitMethod: CallbackMethod? = nil, beepOnExit: Bool? = nil, endConferenceOnExit: Bool? = nil,
        coaching: Bool? = nil, callSidToCoach: String? = nil
    ) {
        self.muted = muted
        self.hold = hold
        self.holdUrl = holdUrl
        self.holdMethod = holdMethod
        self.announceUrl = announceUrl
        self.announceMethod = announceMethod
        self.waitUrl = waitUrl
        self.waitMethod = waitMethod
        self.beepOnExit = beepOnExit
        self.endConferenceOnExit = endConferenceOnExit
        self.coaching = coaching
        self.callSidToCoach = callSidToCoach
    }

    /// The form fields in the API's names; absent parameters are not sent.
    public var formFields: [(String, String)] {
        var fields = FormFields()
        fields.add("Muted", muted)
        fields.add("Hold", hold)
        fields.add("HoldUrl", holdUrl)
        fields.add("HoldMethod", holdMethod?.rawValue)
        fields.add("AnnounceUrl", announceUrl)
        fields.add("AnnounceMethod", announceMethod?.rawValue)
        fields.add("WaitUrl", waitUrl)
        fields.add("WaitMethod", waitMethod?.rawValue)
        fields.add("BeepOnExit", beepOnExit)
        fields.add("EndConferenceOnExit", endConferenceOnExit)
        fields.add("Coaching", coaching)
        fields.add("CallSidToCoach", callSidToCoach)
        return fields.pairs
    }

    /// Problems that Twilio would refuse, found before sending.
    public func validate() -> [FieldError] {
        [
            AddressRules.checkURL(holdUrl, field: "HoldUrl"),
            AddressRules.checkURL(announceUrl, field: "AnnounceUrl"),
            AddressRules.checkURL(waitUrl, field: "WaitUrl", emptyMeansNothing: true),
            AddressRules.checkCallSid(callSidToCoach, field: "CallSidToCoach"),
            AddressRules.checkCoaching(coaching, callSidToCoach: callSidToCoach),
        ].compactMap { $0 }
    }

    /// Playing an announcement twice is audible, so only updates without one are repeated on 429/503.
    public var isSafeToRetry: Bool { announceUrl == nil }
}

/// Collects form fields in order, skipping absent values.
package struct FormFields {
    package var pairs: [(String, String)] = []
    package init() {}
    package mutating func add(_ name: String, _ value: String?) { if let value { pairs.append((name, value)) } }
    package mutating func add(_ name: String, _ value: Bool?) { if let value { pairs.append((name, value ? "true" : "false")) } }
    package mutating func add(_ name: String, _ value: Int?) { if let value { pairs.append((name, String(value))) } }
    package mutating func add(_ name: String, _ values: [String]) { for value in values { pairs.append((name, value)) } }
}
