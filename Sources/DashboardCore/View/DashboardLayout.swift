/// Where things go on a screen of a given size; shared by the view and the reducer (paging).
public struct DashboardLayout: Sendable, Hashable {
    public static let minimumWidth = 50
    public static let minimumHeight = 12

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Lines of the event log (0 on short screens).
    public var logLines: Int {
        if height >= 30 { return min(10, height / 5) }
        if height >= 20 { return 4 }
        if height >= 15 { return 2 }
        return 0
    }

    public let tableTop = 3

    /// Rows of participants the table shows.
    public var tableRows: Int { max(0, height - tableTop - 1 - (logLines > 0 ? logLines + 1 : 0)) }

    /// The line with the log's title (or the STALE banner), when there is a log.
    public var logTitleRow: Int? { logLines > 0 ? tableTop + tableRows : nil }
    public var footerRow: Int { height - 1 }
}
