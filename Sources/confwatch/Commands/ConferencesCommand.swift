import ArgumentParser
import CommandLineSupport
import Foundation
import TwilioConferences
import TwilioModels

struct ConferencesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conferences", abstract: "List conferences in progress, or with another status (newest first).",
        discussion: "Without --status only conferences in progress are listed, as Twilio lists them by default since 30 September 2026.")

    @Option(help: ArgumentHelp("Which conferences: in-progress (the default), init (starting) or completed.", valueName: "STATUS"))
    var status = ConferenceStatus.inProgress.rawValue

    @Option(name: .customLong("friendly-name"), help: "Only conferences with exactly this friendly name.")
    var friendlyName: String?

    @Option(help: ArgumentHelp("Created on this day (YYYY-MM-DD).", valueName: "DAY")) var created: String?
    @Option(name: .customLong("created-before"), help: ArgumentHelp("Created on or before this day.", valueName: "DAY")) var createdBefore: String?
    @Option(name: .customLong("created-after"), help: ArgumentHelp("Created on or after this day.", valueName: "DAY")) var createdAfter: String?
    @Option(help: ArgumentHelp("Updated on this day (YYYY-MM-DD).", valueName: "DAY")) var updated: String?
    @Option(name: .customLong("updated-before"), help: ArgumentHelp("Updated on or before this day.", valueName: "DAY")) var updatedBefore: String?
    @Option(name: .customLong("updated-after"), help: ArgumentHelp("Updated on or after this day.", valueName: "DAY")) var updatedAfter: String?

    @OptionGroup var paging: PagingOptions

    @Option(help: "table or json (the API's own field names).") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    func validate() throws {
        if !["init", "in-progress", "completed"].contains(status) {
            throw ValidationError("--status '\(status)' is not a conference status; use init, in-progress or completed")
        }
        let days = [("--created", created), ("--created-before", createdBefore), ("--created-after", createdAfter),
                    ("--updated", updated), ("--updated-before", updatedBefore), ("--updated-after", updatedAfter)]
        for (flag, value) in days {
            if let value, ISODay.parse(value) == nil { throw ValidationError("\(flag) '\(value)' is not a date; write it as YYYY-MM-DD") }
        }
    }

    func run() async throws {
        let filter = ConferenceFilter(
            status: ConferenceStatus(rawValue: status), friendlyName: friendlyName,
            dateCreated: created, dateCreatedBefore: createdBefore, dateCreatedAfter: createdAfter,
            dateUpdated: updated, dateUpdatedBefore: updatedBefore, dateUpdatedAfter: updatedAfter)
        try await reportingFailures {
            try await withClient(api) { client in
                let conferences = try await client.listConferences(filter: filter, limit: paging.limit, pageSize: paging.pageSize)
                switch output {
                case .json:
                    try StandardOutput.json(conferences)
                case .table:
                    var table = TextTable(headers: ["SID", "FRIENDLY NAME", "STATUS", "CREATED", "UPDATED", "REGION"])
                    for c in conferences {
                        table.add([
                            c.sid, c.friendlyName, c.status?.rawValue ?? "-",
                            c.dateCreated.map(RFC2822.string(from:)) ?? "-", Formatting.age(since: c.dateUpdated) + " ago", c.region ?? "-",
                        ])
                    }
                    let others = ["init", "in-progress", "completed"].filter { $0 != status }.joined(separator: " or ")
                    let kind = status == "init" ? "starting (init)" : status
                    StandardOutput.line(conferences.isEmpty ? "no \(kind) conferences match" : table.render())
                    StandardOutput.line("\(conferences.count) \(kind) conference\(conferences.count == 1 ? "" : "s") listed; --status \(others) lists the others")
                }
            }
        }
    }
}
