import ArgumentParser

/// `--page-size` and `--limit`, shared by the commands that list.
struct PagingOptions: ParsableArguments {
    @Option(name: .customLong("page-size"), help: ArgumentHelp("Ask the API for this many per page (1–1000).", valueName: "N"))
    var pageSize: Int?

    @Option(help: ArgumentHelp("Show at most this many; stops asking for pages once there are enough.", valueName: "N"))
    var limit: Int?

    func validate() throws {
        if let pageSize, !(1...1000).contains(pageSize) { throw ValidationError("--page-size \(pageSize) is out of range; use 1 to 1000") }
        if let limit, limit < 1 { throw ValidationError("--limit \(limit) is too small; use 1 or more") }
    }
}
