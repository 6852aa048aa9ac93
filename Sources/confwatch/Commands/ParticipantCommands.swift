import ArgumentParser
import CommandLineSupport
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// CONFERENCE PARTICIPANT, shared by mute, unmute, hold, unhold and kick.
struct ParticipantTarget: ParsableArguments {
    @Argument(help: ArgumentHelp("A CF… conference SID or the conference's friendly name.", valueName: "CONFERENCE"))
    var conference: String

    @Argument(help: ArgumentHelp("A CA… call SID or the participant's label.", valueName: "PARTICIPANT"))
    var participant: String

    @Option(help: "table or json (the API's own field names).") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    /// Resolves the conference, sends `action`, and prints the participant as the API returns it.
    func perform(_ action: ConferenceAction, verb: String) async throws {
        try await reportingFailures {
            try await withClient(api) { client in
                let found = try await client.resolveConference(conference)
                let updated = try await CLIAudit.perform(action, conference: found.sid, resolved: found, participant: participant, client: client)
                if let updated { try print(updated, verb: verb, conference: found) }
            }
        }
    }

    func print(_ participant: Participant, verb: String, conference: Conference) throws {
        switch output {
        case .json:
            try StandardOutput.json(participant)
        case .table:
            let name = participant.label.map { "\($0) (\(participant.callSid))" } ?? participant.callSid
            StandardOutput.line("\(verb) \(SafeLine.clean(name)) in \(SafeLine.clean(conference.friendlyName)): muted=\(participant.muted) hold=\(participant.hold)")
        }
    }
}

enum SafeLine {
    static func clean(_ text: String) -> String { TwilioError.oneLine(text, limit: 200) }
}

struct MuteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mute", abstract: "Mute a participant.")
    @OptionGroup var target: ParticipantTarget
    func run() async throws { try await target.perform(.mute(callSid: target.participant, true), verb: "muted") }
}

struct UnmuteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unmute", abstract: "Unmute a participant.")
    @OptionGroup var target: ParticipantTarget
    func run() async throws { try await target.perform(.mute(callSid: target.participant, false), verb: "unmuted") }
}

struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Put a participant on hold, optionally with hold music.")
    @OptionGroup var target: ParticipantTarget

    @Option(name: .customLong("hold-url"), help: ArgumentHelp("Music or TwiML played while held (MP3, WAV or TwiML with <Play>, <Say>, <Redirect>).", valueName: "URL"))
    var holdURL: String?

    @Option(name: .customLong("hold-method"), help: ArgumentHelp("How Twilio fetches --hold-url: GET (default) or POST.", valueName: "GET|POST"))
    var holdMethod: String?

    func validate() throws {
        if let holdMethod, CallbackMethod(parsing: holdMethod) == nil {
            throw ValidationError("--hold-method '\(holdMethod)' must be GET or POST")
        }
        if let problem = AddressRules.checkURL(holdURL, field: "--hold-url") { throw ValidationError(problem.description) }
        if holdMethod != nil && holdURL == nil { throw ValidationError("--hold-method needs --hold-url") }
    }

    func run() async throws {
        let method = holdMethod.flatMap(CallbackMethod.init(parsing:))
        try await target.perform(.hold(callSid: target.participant, true, url: holdURL, method: method), verb: "held")
    }
}

struct UnholdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unhold", abstract: "Take a participant off hold.")
    @OptionGroup var target: ParticipantTarget
    func run() async throws { try await target.perform(.hold(callSid: target.participant, false, url: nil, method: nil), verb: "resumed") }
}

struct KickCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kick", abstract: "Remove a participant from the conference.")
    @OptionGroup var target: ParticipantTarget

    func run() async throws {
        try await reportingFailures {
            try await withClient(target.api) { client in
                let found = try await client.resolveConference(target.conference)
                do {
                    _ = try await CLIAudit.perform(.kick(callSid: target.participant), conference: found.sid, resolved: found, participant: target.participant, client: client)
                } catch let error as TwilioError where error.httpStatus == 404 {
                    throw CommandFailure("kick failed: \(SafeLine.clean(target.participant)) is not in \(SafeLine.clean(found.friendlyName)) (already left, or a wrong SID/label; \(error.serverAnswer)) — `confwatch list \(found.sid)` shows who is there")
                }
                switch target.output {
                case .json:
                    struct Kicked: Encodable { let conference_sid: String; let participant: String; let kicked: Bool }
                    try StandardOutput.json(Kicked(conference_sid: found.sid, participant: target.participant, kicked: true))
                case .table:
                    StandardOutput.line("kicked \(SafeLine.clean(target.participant)) from \(SafeLine.clean(found.friendlyName))")
                }
            }
        }
    }
}
