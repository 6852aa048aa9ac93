import ArgumentParser
import CommandLineSupport
import Foundation
import TwilioModels

/// Every participant update parameter from the command line; mute, hold and the rest are shortcuts.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a participant: any of Twilio's participant update parameters.",
        discussion: "Give at least one option. Only what is given is sent; Twilio leaves the rest as it is.")

    @OptionGroup var target: ParticipantTarget

    @Option(help: ArgumentHelp("Mute (true) or unmute (false).", valueName: "true|false")) var muted: Bool?
    @Option(help: ArgumentHelp("Hold (true) or resume (false).", valueName: "true|false")) var hold: Bool?
    @Option(name: .customLong("hold-url"), help: ArgumentHelp("Music or TwiML played while held.", valueName: "URL")) var holdURL: String?
    @Option(name: .customLong("hold-method"), help: ArgumentHelp("How Twilio fetches --hold-url: GET or POST.", valueName: "METHOD")) var holdMethod: String?
    @Option(name: .customLong("announce-url"), help: ArgumentHelp("An announcement played to this participant.", valueName: "URL")) var announceURL: String?
    @Option(name: .customLong("announce-method"), help: ArgumentHelp("How Twilio fetches --announce-url: GET or POST.", valueName: "METHOD")) var announceMethod: String?
    @Option(name: .customLong("wait-url"), help: ArgumentHelp("Played while the conference has not started; '' plays nothing.", valueName: "URL")) var waitURL: String?
    @Option(name: .customLong("wait-method"), help: ArgumentHelp("How Twilio fetches --wait-url: GET or POST.", valueName: "METHOD")) var waitMethod: String?
    @Option(name: .customLong("beep-on-exit"), help: ArgumentHelp("Beep when this participant leaves.", valueName: "true|false")) var beepOnExit: Bool?
    @Option(name: .customLong("end-conference-on-exit"), help: ArgumentHelp("End the conference when this participant leaves.", valueName: "true|false")) var endConferenceOnExit: Bool?
    @Option(help: ArgumentHelp("Coach (whisper to) --call-sid-to-coach (true), or stop (false).", valueName: "true|false")) var coaching: Bool?
    @Option(name: .customLong("call-sid-to-coach"), help: ArgumentHelp("The CA… call SID of the participant to coach.", valueName: "CALLSID")) var callSidToCoach: String?

    /// The update, with every flag checked: one line naming the flag and the fix when one is wrong.
    func update() throws -> ParticipantUpdate {
        func method(_ value: String?, _ flag: String) throws -> CallbackMethod? {
            guard let value else { return nil }
            guard let method = CallbackMethod(parsing: value) else { throw ValidationError("\(flag) '\(value)' must be GET or POST") }
            return method
        }
        let update = ParticipantUpdate(
            muted: muted, hold: hold, holdUrl: holdURL, holdMethod: try method(holdMethod, "--hold-method"),
            announceUrl: announceURL, announceMethod: try method(announceMethod, "--announce-method"),
            waitUrl: waitURL, waitMethod: try method(waitMethod, "--wait-method"),
            beepOnExit: beepOnExit, endConferenceOnExit: endConferenceOnExit, coaching: coaching, callSidToCoach: callSidToCoach)
        guard !update.formFields.isEmpty else {
            throw ValidationError("nothing to change; give at least one option, e.g. --muted true (confwatch update --help lists them)")
        }
        if var problem = update.validate().first {
            problem.field = "--" + DialCommand.flagName(problem.field)
            throw ValidationError(problem.withCode)
        }
        return update
    }

    func validate() throws { _ = try update() }

    func run() async throws {
        try await target.perform(.update(callSid: target.participant, try update()), verb: "updated")
    }
}
