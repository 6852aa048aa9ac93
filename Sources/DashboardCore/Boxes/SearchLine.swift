/// The `/` line on the footer: filters the table as you type; Enter keeps it, Esc restores the
/// filter it started with.
public struct SearchLine: Box {
    public var field: TextField
    public let previous: String

    public init(_ text: String) {
        field = TextField(text, maxLength: 64)
        previous = text
    }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) {
            state.table.textFilter = previous
            return .close
        }
        if key == .enter { return .close }
        if field.handle(key) { state.table.textFilter = field.text }
        return .stay
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let row = state.layout.footerRow
        canvas.fill(row: row, style: CellStyle(.normal))
        canvas.put("/", row: row, column: 0, style: CellStyle(.key))
        let used = canvas.put(field.text + "█", row: row, column: 1, style: CellStyle(.input))
        canvas.put("  Enter keeps · Esc cancels", row: row, column: 1 + used, style: CellStyle(.dim))
    }
}
