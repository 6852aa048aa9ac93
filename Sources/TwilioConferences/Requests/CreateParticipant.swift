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
    public var statusCallbackEvent: [String]
    public var conferenceStatusCallback: String?
    public var conferenceStatusCallbackMethod: CallbackMethod?
    public var conferenceStatusCallbackEvent: [String]
    public var conferenceRecord: String?
    public var conferenceTrim: String?
    public var recordingChannels: String?
    public var recordingStatusCallback: String?
    public var recordingStatusCallbackMethod: CallbackMethod?
    public var recordingStatusCallbackEvent: [String]
    public var conferenceRecordingStatusCallback: String?
    public var conferenceRecordingStatusCallbackMethod: CallbackMethod?
    public var conferenceRecordingStatusCallbackEvent: [String]
    public var region: String?
    public var sipAuthUsername: String?
    /// A credential: sent, never printed (see `description`).
    public var sipAuthPassword: String?
    public var coaching: Bool?
    public var callSidToCoach: String?
    public var jitterBufferSize: String?
    public var byoc: String?
    public var callerId: String?
    public var callReason: String?
    public var recordingTrack: String?
    public var timeLimit: Int?
    public var machineDetection: String?
    public var machineDetectionTimeout: Int?
    public var machineDetectionSpeechThreshold: Int?
    public var machineDetectionSpeechEndThreshold: Int?
    public var machineDetectionSilenceTimeout: Int?
    public var amdStatusCallback: String?
    public var amdStatusCallbackMethod: CallbackMethod?
    public var trim: String?
    public var callToken: String?
    public var clientNotificationUrl: String?
    public var callerDisplayName: String?

    public init(to: String, from: String, label: String? = nil) {
        self.to = to
        self.from = from
        self.label = label
        statusCallbackEvent = []
        conferenceStatusCallbackEvent = []
        recordingStatusCallbackEvent = []
        conferenceRecordingStatusCallbackEvent = []
    }

    public static let statusCallbackEvents = ["initiated", "ringing", "answered", "completed"]
    public static let conferenceStatusCallbackEvents = ["start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement"]
    public static let recordingStatusCallbackEvents = ["started", "in-progress", "paused", "resumed", "stopped", "completed", "failed", "absent"]
    public static let conferenceRecordingStatusCallbackEvents = ["in-progress", "completed", "absent", "failed"]
    public static let conferenceRecordValues = ["true", "false", "record-from-start", "do-not-record"]
    public static let trimValues = ["trim-silence", "do-not-trim"]
    public static let recordingChannelValues = ["mono", "dual"]
    public static let recordingTrackValues = ["inbound", "outbound", "both"]
    public static let regionValues = ["us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1"]
    public static let machineDetectionValues = ["Enable", "DetectMessageEnd"]
    public static let jitterBufferSizeValues = ["off", "small", "medium", "large"]

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
        f.add("StatusCallbackEvent", statusCallbackEvent)
        f.add("ConferenceStatusCallback", conferenceStatusCallback)
        f.add("ConferenceStatusCallbackMethod", conferenceStatusCallbackMethod?.rawValue)
        f.add("ConferenceStatusCallbackEvent", conferenceStatusCallbackEvent)
        f.add("ConferenceRecord", conferenceRecord)
        f.add("ConferenceTrim", conferenceTrim)
        f.add("RecordingChannels", recordingChannels)
        f.add("RecordingStatusCallback", recordingStatusCallback)
        f.add("RecordingStatusCallbackMethod", recordingStatusCallbackMethod?.rawValue)
        f.add("RecordingStatusCallbackEvent", recordingStatusCallbackEvent)
        f.add("ConferenceRecordingStatusCallback", conferenceRecordingStatusCallback)
        f.add("ConferenceRecordingStatusCallbackMethod", conferenceRecordingStatusCallbackMethod?.rawValue)
        f.add("ConferenceRecordingStatusCallbackEvent", conferenceRecordingStatusCallbackEvent)
        f.add("Region", region)
        f.add("SipAuthUsername", sipAuthUsername)
        f.add("SipAuthPassword", sipAuthPassword)
        f.add("Coaching", coaching)
        f.add("CallSidToCoach", callSidToCoach)
        f.add("JitterBufferSize", jitterBufferSize)
        f.add("Byoc", byoc)
        f.add("CallerId", callerId)
        f.add("CallReason", callReason)
        f.add("RecordingTrack", recordingTrack)
        f.add("TimeLimit", timeLimit)
        f.add("MachineDetection", machineDetection)
        f.add("MachineDetectionTimeout", machineDetectionTimeout)
        f.add("MachineDetectionSpeechThreshold", machineDetectionSpeechThreshold)
        f.add("MachineDetectionSpeechEndThreshold", machineDetectionSpeechEndThreshold)
        f.add("MachineDetectionSilenceTimeout", machineDetectionSilenceTimeout)
        f.add("AmdStatusCallback", amdStatusCallback)
        f.add("AmdStatusCallbackMethod", amdStatusCallbackMethod?.rawValue)
        f.add("Trim", trim)
        f.add("CallToken", callToken)
        f.add("ClientNotificationUrl", clientNotificationUrl)
        f.add("CallerDisplayName", callerDisplayName)
        return f.pairs
    }

    /// Everything Twilio would refuse, found before the call is placed.
    public func validate() -> [FieldError] {
        typealias R = AddressRules
        var errors: [FieldError?] = [
            R.checkTo(to), R.checkFrom(from), R.checkLabel(label),
            R.checkRange(timeout, 5...600, field: "Timeout"),
            R.checkRange(maxParticipants, 2...250, field: "MaxParticipants"),
            R.checkRange(timeLimit, 1...86_400, field: "TimeLimit"),
            R.checkRange(machineDetectionTimeout, 3...59, field: "MachineDetectionTimeout"),
            R.checkRange(machineDetectionSpeechThreshold, 1000...6000, field: "MachineDetectionSpeechThreshold"),
            R.checkRange(machineDetectionSpeechEndThreshold, 500...5000, field: "MachineDetectionSpeechEndThreshold"),
            R.checkRange(machineDetectionSilenceTimeout, 2000...10000, field: "MachineDetectionSilenceTimeout"),
            R.checkChoice(conferenceRecord, Self.conferenceRecordValues, field: "ConferenceRecord"),
            R.checkChoice(conferenceTrim, Self.trimValues, field: "ConferenceTrim"),
            R.checkChoice(trim, Self.trimValues, field: "Trim"),
            R.checkChoice(recordingChannels, Self.recordingChannelValues, field: "RecordingChannels"),
            R.checkChoice(recordingTrack, Self.recordingTrackValues, field: "RecordingTrack"),
            R.checkChoice(region, Self.regionValues, field: "Region"),
            R.checkChoice(machineDetection, Self.machineDetectionValues, field: "MachineDetection"),
            R.checkChoice(jitterBufferSize, Self.jitterBufferSizeValues, field: "JitterBufferSize"),
            R.checkCallSid(callSidToCoach, field: "CallSidToCoach"),
            coaching == true && callSidToCoach == nil
                ? FieldError(field: "Coaching", problem: "is true without CallSidToCoach", fix: "name the call to coach with CallSidToCoach") : nil,
            callerId.flatMap { R.checkFrom($0, field: "CallerId") },
            byoc.flatMap { SID.isValid($0, prefix: "BY") ? nil : FieldError(field: "Byoc", problem: "'\($0)' is not a BYOC trunk SID", fix: "use BY followed by 32 hex digits") },
            callerDisplayName.flatMap { (2...255).contains($0.count) ? nil : FieldError(field: "CallerDisplayName", problem: "must be 2 to 255 characters", fix: "shorten or lengthen it") },
        ]
        let urls: [(String, String?)] = [
            ("WaitUrl", waitUrl), ("StatusCallback", statusCallback), ("ConferenceStatusCallback", conferenceStatusCallback),
            ("RecordingStatusCallback", recordingStatusCallback), ("ConferenceRecordingStatusCallback", conferenceRecordingStatusCallback),
            ("AmdStatusCallback", amdStatusCallback), ("ClientNotificationUrl", clientNotificationUrl),
        ]
        errors += urls.map { R.checkURL($0.1, field: $0.0) }
        let events: [(String, [String], [String])] = [
            ("StatusCallbackEvent", statusCallbackEvent, Self.statusCallbackEvents),
            ("ConferenceStatusCallbackEvent", conferenceStatusCallbackEvent, Self.conferenceStatusCallbackEvents),
            ("RecordingStatusCallbackEvent", recordingStatusCallbackEvent, Self.recordingStatusCallbackEvents),
            ("ConferenceRecordingStatusCallbackEvent", conferenceRecordingStatusCallbackEvent, Self.conferenceRecordingStatusCallbackEvents),
        ]
        for (field, values, allowed) in events {
            // Twilio takes each event as its own parameter; a space-separated list in one value is accepted too.
            for value in values.flatMap({ $0.split(separator: " ").map(String.init) }) {
                errors.append(R.checkChoice(value, allowed, field: field))
            }
        }
        return errors.compactMap { $0 }
    }
}

extension CreateParticipant: CustomStringConvertible {
    /// For logs and the audit trail: the parameters with the SIP password and call token masked.
    public var description: String {
        formFields.map { name, value in
            name == "SipAuthPassword" || name == "CallToken" ? "\(name)=<redacted>" : "\(name)=\(value)"
        }.joined(separator: " ")
    }
}
