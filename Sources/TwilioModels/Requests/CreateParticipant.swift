/// `Beep` of a new participant: `true`, `false`, `onEnter` or `onExit`.
public enum Beep: String, Sendable, Hashable, CaseIterable {
    case `true`
    case `false`
    case onEnter
    case onExit
}

/// A dial-out: every documented parameter of a participant create, typed.
/// Only `to` and `from` are required.
public struct CreateParticipant: Sendable, Hashable {
    public var to: String
    public var from: String
    public var label: String?
    public var timeout: Int?
    public var record: Bool?
    public var muted: Bool?
    public var beep: Beep?
    public var startConferenceOnEnter: Bool?
    public var endConferenceOnExit: Bool?
    public var waitUrl: String?
    public var waitMethod: CallbackMethod?
    public var earlyMedia: Bool?
    public var maxParticipants: Int?
    public var statusCallback: String?
    public var statusCallbackMethod: CallbackMethod?
    public var statusCallbackEvent: [CallStatusEvent]
    public var conferenceStatusCallback: String?
    public var conferenceStatusCallbackMethod: CallbackMethod?
    public var conferenceStatusCallbackEvent: [ConferenceStatusEvent]
    public var conferenceRecord: ConferenceRecord?
    public var conferenceTrim: RecordingTrim?
    public var recordingChannels: RecordingChannels?
    public var recordingStatusCallback: String?
    public var recordingStatusCallbackMethod: CallbackMethod?
    public var recordingStatusCallbackEvent: [RecordingStatusEvent]
    public var conferenceRecordingStatusCallback: String?
    public var conferenceRecordingStatusCallbackMethod: CallbackMethod?
    public var conferenceRecordingStatusCallbackEvent: [ConferenceRecordingStatusEvent]
    public var region: MixingRegion?
    public var sipAuthUsername: String?
    /// A credential: sent, never printed (see `description`).
    public var sipAuthPassword: String?
    public var coaching: Bool?
    public var callSidToCoach: String?
    public var jitterBufferSize: JitterBufferSize?
    public var byoc: String?
    public var callerId: String?
    public var callReason: String?
    public var recordingTrack: RecordingTrack?
    public var timeLimit: Int?
    public var machineDetection: MachineDetection?
    public var machineDetectionTimeout: Int?
    public var machineDetectionSpeechThreshold: Int?
    public var machineDetectionSpeechEndThreshold: Int?
    public var machineDetectionSilenceTimeout: Int?
    public var amdStatusCallback: String?
    public var amdStatusCallbackMethod: CallbackMethod?
    public var trim: RecordingTrim?
    public var callToken: String?
    public var clientNotificationUrl: String?
    public var callerDisplayName: String?
    public var recordingConfigurationId: String?
    /// STIR/SHAKEN passports, comma separated.
    public var passports: String?

    public init(to: String, from: String, label: String? = nil) {
        self.to = to
        self.from = from
        self.label = label
        statusCallbackEvent = []
        conferenceStatusCallbackEvent = []
        recordingStatusCallbackEvent = []
        conferenceRecordingStatusCallbackEvent = []
    }

    public var formFields: [(String, String)] {
        var f = FormFields()
        f.add("To", to)
        f.add("From", from)
        f.add("Label", label)
        f.add("Timeout", timeout)
        f.add("Record", record)
        f.add("Muted", muted)
        f.add("Beep", beep?.rawValue)
        f.add("StartConferenceOnEnter", startConferenceOnEnter)
        f.add("EndConferenceOnExit", endConferenceOnExit)
        f.add("WaitUrl", waitUrl)
        f.add("WaitMethod", waitMethod?.rawValue)
        f.add("EarlyMedia", earlyMedia)
        f.add("MaxParticipants", maxParticipants)
        f.add("StatusCallback", statusCallback)
        f.add("StatusCallbackMethod", statusCallbackMethod?.rawValue)
        f.add("StatusCallbackEvent", statusCallbackEvent.map(\.rawValue))
        f.add("ConferenceStatusCallback", conferenceStatusCallback)
        f.add("ConferenceStatusCallbackMethod", conferenceStatusCallbackMethod?.rawValue)
        f.add("ConferenceStatusCallbackEvent", conferenceStatusCallbackEvent.map(\.rawValue))
        f.add("ConferenceRecord", conferenceRecord?.rawValue)
        f.add("ConferenceTrim", conferenceTrim?.rawValue)
        f.add("RecordingChannels", recordingChannels?.rawValue)
        f.add("RecordingStatusCallback", recordingStatusCallback)
        f.add("RecordingStatusCallbackMethod", recordingStatusCallbackMethod?.rawValue)
        f.add("RecordingStatusCallbackEvent", recordingStatusCallbackEvent.map(\.rawValue))
        f.add("ConferenceRecordingStatusCallback", conferenceRecordingStatusCallback)
        f.add("ConferenceRecordingStatusCallbackMethod", conferenceRecordingStatusCallbackMethod?.rawValue)
        f.add("ConferenceRecordingStatusCallbackEvent", conferenceRecordingStatusCallbackEvent.map(\.rawValue))
        f.add("Region", region?.rawValue)
        f.add("SipAuthUsername", sipAuthUsername)
        f.add("SipAuthPassword", sipAuthPassword)
        f.add("Coaching", coaching)
        f.add("CallSidToCoach", callSidToCoach)
        f.add("JitterBufferSize", jitterBufferSize?.rawValue)
        f.add("Byoc", byoc)
        f.add("CallerId", callerId)
        f.add("CallReason", callReason)
        f.add("RecordingTrack", recordingTrack?.rawValue)
        f.add("TimeLimit", timeLimit)
        f.add("MachineDetection", machineDetection?.rawValue)
        f.add("MachineDetectionTimeout", machineDetectionTimeout)
        f.add("MachineDetectionSpeechThreshold", machineDetectionSpeechThreshold)
        f.add("MachineDetectionSpeechEndThreshold", machineDetectionSpeechEndThreshold)
        f.add("MachineDetectionSilenceTimeout", machineDetectionSilenceTimeout)
        f.add("AmdStatusCallback", amdStatusCallback)
        f.add("AmdStatusCallbackMethod", amdStatusCallbackMethod?.rawValue)
        f.add("Trim", trim?.rawValue)
        f.add("CallToken", callToken)
        f.add("ClientNotificationUrl", clientNotificationUrl)
        f.add("CallerDisplayName", callerDisplayName)
        f.add("RecordingConfigurationId", recordingConfigurationId)
        f.add("Passports", passports)
        return f.pairs
    }

    /// Everything Twilio would refuse, found before the call is placed.
    public func validate() -> [FieldError] {
        typealias R = AddressRules
        var errors: [FieldError?] = [
            R.checkTo(to), R.checkFrom(from, to: to), R.checkLabel(label),
            R.checkRange(timeout, 5...600, field: "Timeout"),
            R.checkRange(maxParticipants, 2...250, field: "MaxParticipants"),
            R.checkRange(timeLimit, 1...86_400, field: "TimeLimit"),
            R.checkRange(machineDetectionTimeout, 3...59, field: "MachineDetectionTimeout"),
            R.checkRange(machineDetectionSpeechThreshold, 1000...6000, field: "MachineDetectionSpeechThreshold"),
            R.checkRange(machineDetectionSpeechEndThreshold, 500...5000, field: "MachineDetectionSpeechEndThreshold"),
            R.checkRange(machineDetectionSilenceTimeout, 2000...10000, field: "MachineDetectionSilenceTimeout"),
            R.checkCallSid(callSidToCoach, field: "CallSidToCoach"),
            R.checkCoaching(coaching, callSidToCoach: callSidToCoach),
            callerId.flatMap { R.checkFrom($0, to: to, field: "CallerId") },
            R.checkByoc(byoc),
            R.checkCallerDisplayName(callerDisplayName),
            R.checkRecordingConfigurationId(recordingConfigurationId),
            R.checkPassports(passports),
        ]
        let urls: [(String, String?)] = [
            ("WaitUrl", waitUrl), ("StatusCallback", statusCallback), ("ConferenceStatusCallback", conferenceStatusCallback),
            ("RecordingStatusCallback", recordingStatusCallback), ("ConferenceRecordingStatusCallback", conferenceRecordingStatusCallback),
            ("AmdStatusCallback", amdStatusCallback), ("ClientNotificationUrl", clientNotificationUrl),
        ]
        errors += urls.map { R.checkURL($0.1, field: $0.0, emptyMeansNothing: $0.0 == "WaitUrl") }
        return errors.compactMap { $0 }
    }
}

extension CreateParticipant: CustomStringConvertible {
    /// Parameters that carry a secret: never shown, logged or kept.
    public static let secretFields: Set<String> = ["SipAuthPassword", "CallToken"]

    /// For logs and the audit trail: the parameters with the SIP password and call token masked.
    public var description: String {
        formFields.map { name, value in Self.secretFields.contains(name) ? "\(name)=<redacted>" : "\(name)=\(value)" }.joined(separator: " ")
    }
}
