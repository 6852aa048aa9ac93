import ArgumentParser
import CommandLineSupport
import Foundation
import TwilioConferences
import TwilioModels

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the participants of a conference.")

    @Argument(help: ArgumentHelp("A CF… conference SID or the conference's friendly name.", valueName: "CONFERENCE"))
    var conference: String

    @Option(help: ArgumentHelp("Only muted (true) or unmuted (false) participants.", valueName: "true|false")) var muted: Bool?
    @Option(help: ArgumentHelp("Only held (true) or not held (false) participants.", valueName: "true|false")) var hold: Bool?
    @Option(help: ArgumentHelp("Only coaching (true) or not coaching (false) participants.", valueName: "true|false")) var coaching: Bool?

    @Option(help: "table or json (the API's own field names).") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    func run() async throws {
        try await reportingFailures {
            try await withClient(api) { client in
                let found = try await client.resolveConference(conference)
                let participants = try await client.listParticipants(
                    conferenceSid: found.sid, filter: ParticipantFilter(muted: muted, hold: hold, coaching: coaching))
                switch output {
                case .json:
                    try StandardOutput.json(participants)
                case .table:
                    let names = Dictionary(participants.map { ($0.callSid, $0.name(short: false)) }, uniquingKeysWith: { a, _ in a })
                    var table = TextTable(headers: ["CALL SID", "LABEL", "STATUS", "MUTED", "HOLD", "COACHING", "START", "END", "JOINED"])
                    for p in participants {
                        let coach = p.coaching == true ? "→ " + (p.callSidToCoach.flatMap { names[$0] } ?? p.callSidToCoach ?? "?") : "no"
                        table.add([
                            p.callSid, p.label ?? "-", p.status?.rawValue ?? "-", Formatting.yesNo(p.muted), Formatting.yesNo(p.hold), coach,
                            Formatting.yesNo(p.startConferenceOnEnter), Formatting.yesNo(p.endConferenceOnExit),
                            Formatting.age(since: p.dateCreated) + " ago",
                        ])
                    }
                    StandardOutput.line(participants.isEmpty ? "no participants in \(found.friendlyName) match" : table.render())
                }
            }
        }
    }
}
