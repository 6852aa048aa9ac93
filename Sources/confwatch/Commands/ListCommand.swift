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

    @Flag(name: .customLong("with-calls"), help: "Also read each participant's call: NUMBER and NAME columns, and a `call` object per participant in JSON.")
    var withCalls = false

    @OptionGroup var paging: PagingOptions

    @Option(help: "table or json (the API's own field names).") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    func run() async throws {
        try await reportingFailures {
            try await withClient(api) { client in
                let found = try await client.resolveConference(conference)
                let participants = try await client.listParticipants(
                    conferenceSid: found.sid, filter: ParticipantFilter(muted: muted, hold: hold, coaching: coaching),
                    pageSize: paging.pageSize, limit: paging.limit)
                let calls = withCalls ? try await Self.calls(of: participants, client) : [:]
                Self.warnUnreadable(participants)
                switch output {
                case .json where withCalls:
                    try StandardOutput.json(participants.map { WithCall(participant: $0, call: calls[$0.callSid]) })
                case .json:
                    try StandardOutput.json(participants)
                case .table:
                    StandardOutput.line(participants.isEmpty ? "no participants in \(found.friendlyName) match" : table(participants, calls))
                }
            }
        }
    }

    func table(_ participants: [Participant], _ calls: [String: Call]) -> String {
        let names = Dictionary(participants.map { ($0.callSid, $0.name(call: calls[$0.callSid], short: false)) }, uniquingKeysWith: { a, _ in a })
        let identity = withCalls ? ["NUMBER", "NAME"] : []
        var table = TextTable(headers: ["CALL SID", "LABEL"] + identity + ["STATUS", "MUTED", "HOLD", "COACHING", "START", "END", "JOINED"])
        for p in participants {
            let coach = p.coaching == true ? "→ " + (p.callSidToCoach.flatMap { names[$0] } ?? p.callSidToCoach ?? "?") : "no"
            let call = calls[p.callSid]
            let who = withCalls ? [call?.otherNumber ?? call?.otherIdentity ?? "-", call?.callerName ?? "-"] : []
            table.add([p.callSid, p.label ?? "-"] + who + [
                p.status?.rawValue ?? "-", Formatting.yesNo(p.muted), Formatting.yesNo(p.hold), coach,
                Formatting.yesNo(p.startConferenceOnEnter), Formatting.yesNo(p.endConferenceOnExit),
                p.dateCreated.map { Formatting.age(since: $0) + " ago" } ?? (p.unreadable["date_created"] == nil ? "-" : "?"),
            ])
        }
        return table.render()
    }

    /// One line on stderr for each field the API sent that could not be read: the list is shown
    /// around it, as the dashboard shows the row with the field as "?".
    static func warnUnreadable(_ participants: [Participant]) {
        for p in participants {
            for (field, problem) in p.unreadable.sorted(by: { $0.key < $1.key }) {
                Console.line("warning: \(p.name(short: false)): the API's \(field) could not be read (\(problem)); shown as ?", to: .standardError)
            }
        }
    }

    /// Every participant's call, four reads at a time.
    static func calls(of participants: [Participant], _ client: TwilioConferencesClient) async throws -> [String: Call] {
        try await withThrowingTaskGroup(of: Call.self) { group in
            var calls: [String: Call] = [:]
            var next = participants.makeIterator()
            for _ in 0..<4 { if let p = next.next() { group.addTask { try await client.fetchCall(sid: p.callSid) } } }
            for try await call in group {
                calls[call.sid] = call
                if let p = next.next() { group.addTask { try await client.fetchCall(sid: p.callSid) } }
            }
            return calls
        }
    }

    /// A participant as the API gives it, with its call under `call`.
    struct WithCall: Encodable {
        let participant: Participant
        let call: Call?

        func encode(to encoder: any Encoder) throws {
            try participant.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(call, forKey: Key(stringValue: "call"))
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
