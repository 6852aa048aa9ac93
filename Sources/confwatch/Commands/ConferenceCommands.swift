import ArgumentParser
import CommandLineSupport
import Foundation
import TwilioConferences
import TwilioModels

/// CONFERENCE for the commands that change the whole conference.
struct ConferenceTarget: ParsableArguments {
    @Argument(help: ArgumentHelp("A CF… conference SID or the conference's friendly name.", valueName: "CONFERENCE"))
    var conference: String

    @Option(help: "table or json.") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    /// Resolves the conference, sends `action`, and says what was done: `line` for a table, `fields` for JSON.
    /// When `unneeded` says why the conference needs nothing (it has already ended), nothing is sent.
    func perform(
        _ action: ConferenceAction, line: @escaping @Sendable (Conference) -> String, fields: [String: String],
        unneeded: @escaping @Sendable (Conference) -> String? = { _ in nil }
    ) async throws {
        try await reportingFailures {
            try await withClient(api) { client in
                let found = try await client.resolveConference(conference)
                if let why = unneeded(found) {
                    switch output {
                    case .json: try StandardOutput.json(fields.merging(["conference_sid": found.sid]) { a, _ in a })
                    case .table: StandardOutput.line(why)
                    }
                    return
                }
                _ = try await CLIAudit.perform(action, conference: found.sid, resolved: found, participant: nil, client: client)
                switch output {
                case .json: try StandardOutput.json(fields.merging(["conference_sid": found.sid]) { a, _ in a })
                case .table: StandardOutput.line(line(found))
                }
            }
        }
    }
}

struct EndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end", abstract: "End the conference for everyone (Status=completed).",
        discussion: "Every participant is disconnected. It cannot be undone.")
    @OptionGroup var target: ConferenceTarget

    func run() async throws {
        try await target.perform(
            .endConference, line: { "ended \(SafeLine.clean($0.friendlyName)) (\($0.sid)) for everyone" }, fields: ["status": "completed"],
            unneeded: { $0.status == .completed ? "\(SafeLine.clean($0.friendlyName)) (\($0.sid)) had already ended; nothing sent" : nil })
    }
}

struct AnnounceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce", abstract: "Play an announcement to everyone in the conference.",
        discussion: "URL returns an MP3, a WAV or TwiML with <Play> or <Say>. `confwatch update CONF PARTICIPANT --announce-url URL` plays it to one participant.")
    @OptionGroup var target: ConferenceTarget

    @Argument(help: ArgumentHelp("A fully qualified http(s) URL.", valueName: "URL")) var url: String

    @Option(help: ArgumentHelp("How Twilio fetches URL: GET or POST (Twilio's default is POST).", valueName: "METHOD")) var method: String?

    func validate() throws {
        if let method, CallbackMethod(parsing: method) == nil { throw ValidationError("--method '\(method)' must be GET or POST") }
        if var problem = AddressRules.checkURL(url, field: "URL") {
            problem.field = "URL"
            throw ValidationError(problem.withCode)
        }
    }

    func run() async throws {
        let method = self.method.flatMap(CallbackMethod.init(parsing:))
        let url = self.url
        try await target.perform(
            .announce(callSid: nil, url: url, method: method),
            line: { "announcing \(SafeLine.clean(url)) to everyone in \(SafeLine.clean($0.friendlyName))" },
            fields: ["announce_url": url])
    }
}
