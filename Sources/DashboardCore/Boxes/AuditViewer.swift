import TwilioModels

/// The audit trail as the dashboard shows it (`V`): the supervisor's actions, newest at the bottom.
public struct AuditViewer: Box {
    public var records: [AuditRecord] = []
    public var loading = true
    public var error: String?
    /// Records of other accounts (or from before records named theirs), left out.
    public var otherAccounts = 0
    var scroller = Scroller()

    public init() {}

    public var onlyScrolls: Bool { true }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) || key.name == "q" || command == .auditLog { return .close }
        scroller.apply(key, command, last: Scroller.last(lines: lines(state.layout).count, rows: Self.rows(state.layout)))
        return .stay
    }

    public mutating func receive(_ message: Message, _ state: inout DashboardState) -> BoxOutcome {
        switch message {
        case .auditLoaded(let records, let others):
            self.records = records
            otherAccounts = others
            loading = false
            scroller.top = Scroller.last(lines: lines(state.layout).count, rows: Self.rows(state.layout))
        case .auditFailed(let reason):
            loading = false
            error = reason
        default:
            break
        }
        return .stay
    }

    /// The box fills the screen less a margin.
    static func frame(_ layout: DashboardLayout) -> BoxFrame { BoxFrame(width: layout.width - 4, height: layout.height - 4, on: layout) }

    /// Lines shown at once: the inside less its hint line and the file's.
    static func rows(_ layout: DashboardLayout) -> Int { max(1, frame(layout).inner.height - 2) }

    /// Every record, wrapped under itself so nothing is cut: (text, failed).
    func lines(_ layout: DashboardLayout) -> [(text: String, failed: Bool)] {
        let width = max(10, Self.frame(layout).inner.width)
        return records.flatMap { record -> [(text: String, failed: Bool)] in
            let who = record.participant ?? record.participantSid ?? ""
            let reason = record.message ?? record.code.map { "Twilio error \($0)" } ?? "failed"
            let result = record.result == "done" ? "✓" : "✗ \(reason)"
            let parameters = record.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let line = "\(record.time)  \(record.conference ?? "")  \(record.action) \(who)  \(result)  \(parameters)"
            return DisplayWidth.wrap(line, width: width).enumerated().map { ($0.offset == 0 ? $0.element : "    " + $0.element, record.result != "done") }
        }
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let inner = Self.frame(state.layout).draw(title: "Your actions (audit trail)", &canvas)
        if loading {
            canvas.put("reading the audit trail…", row: inner.row, column: inner.column, style: CellStyle(.pending))
            return
        }
        if let error {
            canvas.putError(DisplayWidth.wrap("could not read it: \(error)", width: max(10, inner.width)), row: inner.row, column: inner.column)
            return
        }
        if records.isEmpty {
            canvas.put("nothing yet: actions you take are written here", row: inner.row, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        }
        let rows = Self.rows(state.layout)
        let lines = lines(state.layout)
        for (i, line) in lines.dropFirst(scroller.first(lines: lines.count, rows: rows)).prefix(rows).enumerated() {
            canvas.put(line.text, row: inner.row + i, column: inner.column, style: CellStyle(line.failed ? .failed : .normal), limit: inner.width)
        }
        let others = otherAccounts > 0 ? " · \(otherAccounts) of other accounts not shown" : ""
        canvas.put("↑↓ PgUp PgDn scroll · Esc closes" + others, row: inner.row + inner.height - 2, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        // The file: when the box is too narrow for its path, the path's start gives way (…).
        let file = state.settings.auditPath.map { "file: \($0)" } ?? "not kept in this session"
        let shown = DisplayWidth.of(file) <= inner.width ? file : "…" + String(file.suffix(max(0, inner.width - 1)))
        canvas.putHint(shown, in: inner)
    }
}
