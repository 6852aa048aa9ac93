import Foundation
import TwilioModels

/// Numbers that behave in a known way, in the spirit of Twilio's test credentials' magic numbers.
public enum MagicNumbers {
    /// `To` refused at once with Twilio's error: invalid, unreachable, no permission, blocked.
    public static let refusedTo: [String: (code: Int, message: String)] = [
        "+15005550001": (21217, "Phone number +15005550001 does not appear to be valid"),
        "+15005550002": (21214, "'To' phone number +15005550002 cannot be reached"),
        "+15005550003": (21215, "Account not authorized to call +15005550003. Perhaps you need to enable some international permissions"),
        "+15005550004": (21216, "Account not allowed to call +15005550004"),
    ]
    /// `From` refused: not a number the account owns.
    public static let refusedFrom = "+15005550001"
    /// Accepted, rings, then the call fails.
    public static let fails = "+15005550010"
    /// Accepted, rings until Timeout (capped by the simulator), nobody answers.
    public static let noAnswer = "+15005550011"
    /// Accepted, rings briefly, then the line is busy.
    public static let busy = "+15005550012"
}

extension SimulatorState {
    /// POST to Participants: dial out. To a `CF…` SID the conference must exist and be live; to a
    /// friendly name the live conference of that name is joined, or a new one is created.
    mutating func createParticipant(conference reference: String, form: FormValues, path: String, now: Date) throws(SimError) -> Participant {
        let parsed = try CreateParameters(form)
        var c: Int
        if SID.isConference(reference) {
            guard let index = conferenceIndex(sid: reference) else { throw .notFound(path) }
            guard conferences[index].status != .completed else {
                throw SimError(status: 404, code: 20404, message: "Conference \(reference) is completed; dial into a live conference or use a friendly name to start a new one")
            }
            c = index
        } else if let index = liveConferenceIndex(friendlyName: reference) {
            c = index
        } else {
            guard !reference.isEmpty, reference.count <= 128 else { throw .invalid("Invalid conference friendly name: 1 to 128 characters") }
            c = newConference(friendlyName: reference, status: .initializing, at: now)
            if let max = parsed.maxParticipants { conferences[c].maxParticipants = max }
        }
        guard conferences[c].participants.count < conferences[c].maxParticipants else {
            throw .invalid("Conference is full (\(conferences[c].maxParticipants) participants)", code: 16020)
        }
        if let label = parsed.label, conferences[c].participants.contains(where: { $0.label == label }) {
            throw .invalid("Label '\(label)' is already used by a participant of this conference", code: 16026)
        }
        if let target = parsed.callSidToCoach, !conferences[c].participants.contains(where: { $0.callSid == target }) {
            throw .invalid("CallSidToCoach \(target) is not a participant of this conference", code: 16028)
        }

        var participant = SimParticipant(callSid: rng.sid("CA"), label: parsed.label, status: .queued, dateCreated: now, dateUpdated: now)
        participant.scripted = false
        participant.muted = parsed.muted ?? false
        participant.startConferenceOnEnter = parsed.startConferenceOnEnter ?? true
        participant.endConferenceOnExit = parsed.endConferenceOnExit ?? false
        participant.coaching = parsed.coaching ?? (parsed.callSidToCoach != nil)
        participant.callSidToCoach = parsed.callSidToCoach
        participant.waitUrl = parsed.waitUrl
        participant.waitMethod = parsed.waitMethod
        participant.recordsConference = parsed.conferenceRecord == .true || parsed.conferenceRecord == .recordFromStart
        var call = SimCall(
            sid: participant.callSid, conferenceSid: conferences[c].sid, direction: .outboundAPI, from: parsed.from, to: parsed.to,
            status: .queued, dateCreated: now, dateUpdated: now)
        let ring = now.addingTimeInterval(timing.ringAfter)
        let answer = now.addingTimeInterval(max(timing.answerAfter, timing.ringAfter))
        switch parsed.to {
        case MagicNumbers.fails:
            participant.schedule = timing.dialOut(from: now, outcome: .failed, at: answer)
            call.unansweredEnding = .failed
        case MagicNumbers.busy:
            // A busy line answers sooner than a person would.
            participant.schedule = timing.dialOut(from: now, outcome: .failed, at: ring.addingTimeInterval(answer.timeIntervalSince(ring) / 2))
            call.unansweredEnding = .busy
        case MagicNumbers.noAnswer:
            let giveUp = now.addingTimeInterval(max(timing.ringAfter, min(Double(parsed.timeout ?? 60), timing.noAnswerAfter)))
            participant.schedule = timing.dialOut(from: now, outcome: .complete, at: giveUp)
            call.unansweredEnding = .noAnswer
        default:
            participant.schedule = timing.dialOut(from: now, outcome: .connected, at: answer)
        }
        admit(participant, call: call, to: c)
        conferences[c].dateUpdated = now
        let sid = conferences[c].sid
        // Due changes (an instant timing) apply before the answer, as a real call would have moved on.
        settleCalls(at: now)
        var resource = participant.resource(accountSid: accountSid, conferenceSid: sid)
        if let current = conferences.first(where: { $0.sid == sid })?.participants.first(where: { $0.callSid == participant.callSid }) {
            resource = current.resource(accountSid: accountSid, conferenceSid: sid)
        }
        resource.queueTime = "0"
        return resource
    }
}

/// The create parameters, checked as Twilio checks them, with Twilio's codes.
struct CreateParameters {
    var to: String
    var from: String
    var label: String?
    var timeout: Int?
    var muted: Bool?
    var startConferenceOnEnter: Bool?
    var endConferenceOnExit: Bool?
    var coaching: Bool?
    var callSidToCoach: String?
    var waitUrl: String?
    var waitMethod: String?
    var maxParticipants: Int?
    var conferenceRecord: ConferenceRecord?

    init(_ form: FormValues) throws(SimError) {
        let to = form["To"] ?? ""
        let from = form["From"] ?? ""
        if let refused = MagicNumbers.refusedTo[to] { throw .invalid(refused.message, code: refused.code) }
        try FormValues.refuse(AddressRules.checkTo(to), AddressRules.checkFrom(from, to: to))
        guard from != MagicNumbers.refusedFrom else { throw .invalid("Invalid From Number (caller ID): \(from)", code: 21212) }
        self.to = to
        self.from = from
        try FormValues.refuse(
            AddressRules.checkLabel(form["Label"]),
            form["CallerId"].flatMap { AddressRules.checkFrom($0, to: to, field: "CallerId") },
            AddressRules.checkCallerDisplayName(form["CallerDisplayName"]),
            AddressRules.checkRecordingConfigurationId(form["RecordingConfigurationId"]),
            AddressRules.checkPassports(form["Passports"]),
            AddressRules.checkByoc(form["Byoc"]),
            AddressRules.checkCallSid(form["CallSidToCoach"], field: "CallSidToCoach"))
        label = form["Label"]
        timeout = try form.int("Timeout", 5...600, code: 21208)
        maxParticipants = try form.int("MaxParticipants", 2...250, code: 16002)
        _ = try form.int("TimeLimit", 1...86_400)
        _ = try form.int("MachineDetectionTimeout", 3...59)
        _ = try form.int("MachineDetectionSpeechThreshold", 1000...6000)
        _ = try form.int("MachineDetectionSpeechEndThreshold", 500...5000)
        _ = try form.int("MachineDetectionSilenceTimeout", 2000...10000)
        muted = try form.strictBool("Muted")
        startConferenceOnEnter = try form.strictBool("StartConferenceOnEnter")
        endConferenceOnExit = try form.strictBool("EndConferenceOnExit")
        coaching = try form.strictBool("Coaching")
        for name in ["Record", "EarlyMedia"] { _ = try form.strictBool(name) }
        _ = try form.choice("Beep", Beep.rawValues)
        conferenceRecord = try form.choice("ConferenceRecord", ConferenceRecord.rawValues).flatMap(ConferenceRecord.init(rawValue:))
        _ = try form.choice("ConferenceTrim", RecordingTrim.rawValues)
        _ = try form.choice("Trim", RecordingTrim.rawValues)
        _ = try form.choice("RecordingChannels", RecordingChannels.rawValues)
        _ = try form.choice("RecordingTrack", RecordingTrack.rawValues)
        _ = try form.choice("Region", MixingRegion.rawValues)
        _ = try form.choice("MachineDetection", MachineDetection.rawValues, code: 20001)
        _ = try form.choice("JitterBufferSize", JitterBufferSize.rawValues, code: 20001)
        for name in ["WaitMethod", "StatusCallbackMethod", "ConferenceStatusCallbackMethod", "RecordingStatusCallbackMethod",
                     "ConferenceRecordingStatusCallbackMethod", "AmdStatusCallbackMethod"] {
            _ = try form.method(name)
        }
        waitMethod = try form.method("WaitMethod")
        for name in ["StatusCallback", "ConferenceStatusCallback", "RecordingStatusCallback", "ConferenceRecordingStatusCallback",
                     "AmdStatusCallback", "ClientNotificationUrl"] {
            _ = try form.url(name)
        }
        waitUrl = try form.url("WaitUrl", emptyMeansNothing: true)
        let events: [(String, [String])] = [
            ("StatusCallbackEvent", CallStatusEvent.rawValues),
            ("ConferenceStatusCallbackEvent", ConferenceStatusEvent.rawValues),
            ("RecordingStatusCallbackEvent", RecordingStatusEvent.rawValues),
            ("ConferenceRecordingStatusCallbackEvent", ConferenceRecordingStatusEvent.rawValues),
        ]
        for (name, allowed) in events {
            for value in form.all(name).flatMap({ $0.split(separator: " ").map(String.init) }) where !allowed.contains(value) {
                throw .invalid("Invalid \(name) '\(value)': use one of \(allowed.joined(separator: ", "))", code: 21626)
            }
        }
        callSidToCoach = form["CallSidToCoach"]
        try FormValues.refuse(AddressRules.checkCoaching(coaching, callSidToCoach: callSidToCoach))
    }
}
