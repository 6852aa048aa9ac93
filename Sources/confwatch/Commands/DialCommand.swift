import ArgumentParser
import CommandLineSupport
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

struct DialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dial",
        abstract: "Dial out and add the callee to a conference.",
        discussion: """
            CONFERENCE is a CF… SID (the conference must be live) or a friendly name (joined, or created \
            when none is live). Only --to and --from are required; every other option is Twilio's create \
            parameter of the same name. A dial-out is never retried automatically: it could ring twice.

            Secrets come from the environment, never from the command line: CONFWATCH_SIP_AUTH_PASSWORD \
            (with --sip-auth-username) and CONFWATCH_CALL_TOKEN.
            """)

    @Argument(help: ArgumentHelp("A CF… conference SID or a friendly name.", valueName: "CONFERENCE"))
    var conference: String

    @Option(help: ArgumentHelp("Who to call: +E.164 number, client:NAME, sip:user@host or app:AP… (a TwiML App).", valueName: "TO")) var to: String
    @Option(help: ArgumentHelp("Caller ID: one of your Twilio numbers (+E.164), or client:NAME (not to a phone number), or a SIP user name (to a sip: address).", valueName: "FROM")) var from: String
    @Option(help: "A label to address the participant by later.") var label: String?
    @Option(help: ArgumentHelp("Seconds to ring before giving up (5–600).", valueName: "SECONDS")) var timeout: Int?
    @Option(help: ArgumentHelp("Record the participant.", valueName: "true|false")) var record: Bool?
    @Option(help: ArgumentHelp("Join muted.", valueName: "true|false")) var muted: Bool?
    @Option(help: ArgumentHelp("Beep on join.", valueName: "BEEP")) var beep: Beep?
    @Option(name: .customLong("start-conference-on-enter"), help: ArgumentHelp("Start the conference when this participant joins.", valueName: "true|false")) var startConferenceOnEnter: Bool?
    @Option(name: .customLong("end-conference-on-exit"), help: ArgumentHelp("End the conference when this participant leaves.", valueName: "true|false")) var endConferenceOnExit: Bool?
    @Option(name: .customLong("wait-url"), help: ArgumentHelp("Music or TwiML before the conference starts.", valueName: "URL")) var waitURL: String?
    @Option(name: .customLong("wait-method"), help: ArgumentHelp("GET or POST for --wait-url.", valueName: "METHOD")) var waitMethod: String?
    @Option(name: .customLong("early-media"), help: ArgumentHelp("Let the agent hear ringing.", valueName: "true|false")) var earlyMedia: Bool?
    @Option(name: .customLong("max-participants"), help: ArgumentHelp("Conference size limit (2–250).", valueName: "N")) var maxParticipants: Int?
    @Option(name: .customLong("status-callback"), help: ArgumentHelp("URL for call status events.", valueName: "URL")) var statusCallback: String?
    @Option(name: .customLong("status-callback-method"), help: ArgumentHelp("GET or POST.", valueName: "METHOD")) var statusCallbackMethod: String?
    @Option(name: .customLong("status-callback-event"), help: ArgumentHelp("A call event to report (repeatable).", valueName: "EVENT")) var statusCallbackEvent: [CallStatusEvent] = []
    @Option(name: .customLong("conference-status-callback"), help: ArgumentHelp("URL for conference events.", valueName: "URL")) var conferenceStatusCallback: String?
    @Option(name: .customLong("conference-status-callback-method"), help: ArgumentHelp("GET or POST.", valueName: "METHOD")) var conferenceStatusCallbackMethod: String?
    @Option(name: .customLong("conference-status-callback-event"), help: ArgumentHelp("A conference event to report (repeatable).", valueName: "EVENT")) var conferenceStatusCallbackEvent: [ConferenceStatusEvent] = []
    @Option(name: .customLong("conference-record"), help: ArgumentHelp("Record the conference.", valueName: "VALUE")) var conferenceRecord: ConferenceRecord?
    @Option(name: .customLong("conference-trim"), help: ArgumentHelp("Trim silence from the conference recording.", valueName: "VALUE")) var conferenceTrim: RecordingTrim?
    @Option(name: .customLong("recording-channels"), help: ArgumentHelp("Channels of the final recording.", valueName: "VALUE")) var recordingChannels: RecordingChannels?
    @Option(name: .customLong("recording-status-callback"), help: ArgumentHelp("URL for recording events.", valueName: "URL")) var recordingStatusCallback: String?
    @Option(name: .customLong("recording-status-callback-method"), help: ArgumentHelp("GET or POST.", valueName: "METHOD")) var recordingStatusCallbackMethod: String?
    @Option(name: .customLong("recording-status-callback-event"), help: ArgumentHelp("A recording event to report (repeatable).", valueName: "EVENT")) var recordingStatusCallbackEvent: [RecordingStatusEvent] = []
    @Option(name: .customLong("conference-recording-status-callback"), help: ArgumentHelp("URL for conference recording events.", valueName: "URL")) var conferenceRecordingStatusCallback: String?
    @Option(name: .customLong("conference-recording-status-callback-method"), help: ArgumentHelp("GET or POST.", valueName: "METHOD")) var conferenceRecordingStatusCallbackMethod: String?
    @Option(name: .customLong("conference-recording-status-callback-event"), help: ArgumentHelp("A conference recording event to report (repeatable).", valueName: "EVENT")) var conferenceRecordingStatusCallbackEvent: [ConferenceRecordingStatusEvent] = []
    @Option(help: ArgumentHelp("Where the conference audio is mixed.", valueName: "REGION")) var region: MixingRegion?
    @Option(name: .customLong("sip-auth-username"), help: ArgumentHelp("SIP user name (the password comes from CONFWATCH_SIP_AUTH_PASSWORD).", valueName: "USER")) var sipAuthUsername: String?
    @Option(help: ArgumentHelp("Join as a coach (needs --call-sid-to-coach).", valueName: "true|false")) var coaching: Bool?
    @Option(name: .customLong("call-sid-to-coach"), help: ArgumentHelp("The CA… call this participant coaches.", valueName: "CALLSID")) var callSidToCoach: String?
    @Option(name: .customLong("jitter-buffer-size"), help: ArgumentHelp("Jitter buffer before the audio is mixed.", valueName: "SIZE")) var jitterBufferSize: JitterBufferSize?
    @Option(help: ArgumentHelp("BYOC trunk SID (BY…).", valueName: "SID")) var byoc: String?
    @Option(name: .customLong("caller-id"), help: ArgumentHelp("Caller ID shown to the callee.", valueName: "ID")) var callerId: String?
    @Option(name: .customLong("call-reason"), help: ArgumentHelp("Reason shown on the callee's phone (Branded Calls).", valueName: "TEXT")) var callReason: String?
    @Option(name: .customLong("recording-track"), help: ArgumentHelp("Which audio to record.", valueName: "TRACK")) var recordingTrack: RecordingTrack?
    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Longest call, in seconds.", valueName: "SECONDS")) var timeLimit: Int?
    @Option(name: .customLong("machine-detection"), help: ArgumentHelp("Answering machine detection.", valueName: "MODE")) var machineDetection: MachineDetection?
    @Option(name: .customLong("machine-detection-timeout"), help: ArgumentHelp("Seconds (3–59).", valueName: "SECONDS")) var machineDetectionTimeout: Int?
    @Option(name: .customLong("machine-detection-speech-threshold"), help: ArgumentHelp("Milliseconds (1000–6000).", valueName: "MS")) var machineDetectionSpeechThreshold: Int?
    @Option(name: .customLong("machine-detection-speech-end-threshold"), help: ArgumentHelp("Milliseconds (500–5000).", valueName: "MS")) var machineDetectionSpeechEndThreshold: Int?
    @Option(name: .customLong("machine-detection-silence-timeout"), help: ArgumentHelp("Milliseconds (2000–10000).", valueName: "MS")) var machineDetectionSilenceTimeout: Int?
    @Option(name: .customLong("amd-status-callback"), help: ArgumentHelp("URL for machine detection results.", valueName: "URL")) var amdStatusCallback: String?
    @Option(name: .customLong("amd-status-callback-method"), help: ArgumentHelp("GET or POST.", valueName: "METHOD")) var amdStatusCallbackMethod: String?
    @Option(help: ArgumentHelp("Trim silence from the participant's recording.", valueName: "VALUE")) var trim: RecordingTrim?
    @Option(name: .customLong("client-notification-url"), help: ArgumentHelp("URL for push call notifications.", valueName: "URL")) var clientNotificationUrl: String?
    @Option(name: .customLong("caller-display-name"), help: ArgumentHelp("Display name for SIP calls (2–255 characters).", valueName: "NAME")) var callerDisplayName: String?
    @Option(name: .customLong("recording-configuration-id"), help: ArgumentHelp("A Voice Recording Configuration to record with.", valueName: "ID")) var recordingConfigurationId: String?
    @Option(help: ArgumentHelp("STIR/SHAKEN passports, base64, up to 5 joined with commas.", valueName: "PASSPORTS")) var passports: String?

    @Option(help: "table or json (the API's own field names).") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    /// The request, with every flag checked: one line naming the flag and the fix when one is wrong.
    func parameters(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CreateParticipant {
        func method(_ value: String?, _ flag: String) throws -> CallbackMethod? {
            guard let value else { return nil }
            guard let method = CallbackMethod(parsing: value) else { throw ValidationError("\(flag) '\(value)' must be GET or POST") }
            return method
        }
        var p = CreateParticipant(to: to, from: from, label: label)
        p.timeout = timeout
        p.record = record
        p.muted = muted
        p.beep = beep
        p.startConferenceOnEnter = startConferenceOnEnter
        p.endConferenceOnExit = endConferenceOnExit
        p.waitUrl = waitURL
        p.waitMethod = try method(waitMethod, "--wait-method")
        p.earlyMedia = earlyMedia
        p.maxParticipants = maxParticipants
        p.statusCallback = statusCallback
        p.statusCallbackMethod = try method(statusCallbackMethod, "--status-callback-method")
        p.statusCallbackEvent = statusCallbackEvent
        p.conferenceStatusCallback = conferenceStatusCallback
        p.conferenceStatusCallbackMethod = try method(conferenceStatusCallbackMethod, "--conference-status-callback-method")
        p.conferenceStatusCallbackEvent = conferenceStatusCallbackEvent
        p.conferenceRecord = conferenceRecord
        p.conferenceTrim = conferenceTrim
        p.recordingChannels = recordingChannels
        p.recordingStatusCallback = recordingStatusCallback
        p.recordingStatusCallbackMethod = try method(recordingStatusCallbackMethod, "--recording-status-callback-method")
        p.recordingStatusCallbackEvent = recordingStatusCallbackEvent
        p.conferenceRecordingStatusCallback = conferenceRecordingStatusCallback
        p.conferenceRecordingStatusCallbackMethod = try method(conferenceRecordingStatusCallbackMethod, "--conference-recording-status-callback-method")
        p.conferenceRecordingStatusCallbackEvent = conferenceRecordingStatusCallbackEvent
        p.region = region
        p.sipAuthUsername = sipAuthUsername
        p.sipAuthPassword = environment["CONFWATCH_SIP_AUTH_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if p.sipAuthPassword != nil && sipAuthUsername == nil {
            throw ValidationError("CONFWATCH_SIP_AUTH_PASSWORD is set but --sip-auth-username is not; give the user name too")
        }
        p.coaching = coaching
        p.callSidToCoach = callSidToCoach
        p.jitterBufferSize = jitterBufferSize
        p.byoc = byoc
        p.callerId = callerId
        p.callReason = callReason
        p.recordingTrack = recordingTrack
        p.timeLimit = timeLimit
        p.machineDetection = machineDetection
        p.machineDetectionTimeout = machineDetectionTimeout
        p.machineDetectionSpeechThreshold = machineDetectionSpeechThreshold
        p.machineDetectionSpeechEndThreshold = machineDetectionSpeechEndThreshold
        p.machineDetectionSilenceTimeout = machineDetectionSilenceTimeout
        p.amdStatusCallback = amdStatusCallback
        p.amdStatusCallbackMethod = try method(amdStatusCallbackMethod, "--amd-status-callback-method")
        p.trim = trim
        p.callToken = environment["CONFWATCH_CALL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        p.clientNotificationUrl = clientNotificationUrl
        p.callerDisplayName = callerDisplayName
        p.recordingConfigurationId = recordingConfigurationId
        p.passports = passports
        if var problem = p.validate().first {
            problem.field = "--" + Self.flagName(problem.field)
            throw ValidationError(problem.withCode)
        }
        return p
    }

    /// `MaxParticipants` → `max-participants`, the flag a field comes from.
    static func flagName(_ field: String) -> String {
        var out = ""
        for (i, character) in field.enumerated() {
            if character.isUppercase && i > 0 { out.append("-") }
            out.append(Character(character.lowercased()))
        }
        return out.replacingOccurrences(of: "u-r-l", with: "url")
    }

    func validate() throws { _ = try parameters() }

    func run() async throws {
        let request = try parameters()
        try await reportingFailures {
            try await withClient(api) { client in
                let answer: Participant?
                do {
                    answer = try await CLIAudit.perform(.dial(request), conference: conference, resolved: nil, participant: request.label, client: client)
                } catch let error as TwilioError where error.mayHaveTakenEffect {
                    throw CommandFailure("\(error.description) — the dial-out may have been placed anyway; run `confwatch list \(SafeLine.clean(conference))` before dialling again")
                }
                guard let participant = answer else { return }
                switch output {
                case .json:
                    try StandardOutput.json(participant)
                case .table:
                    let name = participant.label.map { "\($0) (\(participant.callSid))" } ?? participant.callSid
                    StandardOutput.line("dialling \(SafeLine.clean(to)) into \(SafeLine.clean(conference)): \(SafeLine.clean(name)), status \(participant.status?.rawValue ?? "unknown")")
                }
            }
        }
    }
}
