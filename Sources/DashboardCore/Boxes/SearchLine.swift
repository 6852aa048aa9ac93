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

    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        field.insert(pasted: text)
        state.table.textFilter = field.text
        return true
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        canvas.footerPrompt("/", field.text, hint: "Enter keeps · Esc cancels", hintRole: .dim, on: state.layout)
    }
}
