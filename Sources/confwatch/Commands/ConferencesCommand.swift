import ArgumentParser
import CommandLineSupport
import Foundation
import TwilioConferences
import TwilioModels

struct ConferencesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conferences", abstract: "List conferences (newest first).")

    @Option(help: ArgumentHelp("Only conferences with this status: init, in-progress or completed.", valueName: "STATUS"))
    var status: String?

    @Option(name: .customLong("friendly-name"), help: "Only conferences with exactly this friendly name.")
    var friendlyName: String?

    @Option(help: ArgumentHelp("Created on this day (YYYY-MM-DD).", valueName: "DAY")) var created: String?
    @Option(name: .customLong("created-before"), help: ArgumentHelp("Created on or before this day.", valueName: "DAY")) var createdBefore: String?
    @Option(name: .customLong("created-after"), help: ArgumentHelp("Created on or after this day.", valueName: "DAY")) var createdAfter: String?
    @Option(help: ArgumentHelp("Updated on this day (YYYY-MM-DD).", valueName: "DAY")) var updated: String?
    @Option(name: .customLong("updated-before"), help: ArgumentHelp("Updated on or before this day.", valueName: "DAY")) var updatedBefore: String?
    @Option(name: .customLong("updated-after"), help: ArgumentHelp("Updated on or after this day.", valueName: "DAY")) var updatedAfter: String?

    @Option(help: "Show at most this many.") var limit: Int?

    @Option(help: "table or json (the API's own field names).") var output: OutputFormat = .table

    @OptionGroup var api: APIOptions

    func validate() throws {
        if let status, !["init", "in-progress", "completed"].contains(status) {
            throw ValidationError("--status '\(status)' is not a conference status; use init, in-progress or completed")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        let days = [("--created", created), ("--created-before", createdBefore), ("--created-after", createdAfter),
                    ("--updated", updated), ("--updated-before", updatedBefore), ("--updated-after", updatedAfter)]
        for (flag, value) in days {
            if let value, ISODay.parse(value) == nil { throw ValidationError("\(flag) '\(value)' is not a date; write it as YYYY-MM-DD") }
        }
    }

    func run() async throws {
        let filter = ConferenceFilter(
            status: status.map(ConferenceStatus.init(rawValue:)), friendlyName: friendlyName,
            dateCreated: created, dateCreatedBefore: createdBefore, dateCreatedAfter: createdAfter,
            dateUpdated: updated, dateUpdatedBefore: updatedBefore, dateUpdatedAfter: updatedAfter)
        try await reportingFailures {
            try await withClient(api) { client in
                let conferences = try await client.listConferences(filter: filter, limit: limit)
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
                    StandardOutput.line(conferences.isEmpty ? "no conferences match" : table.render())
                }
            }
        }
    }
}
