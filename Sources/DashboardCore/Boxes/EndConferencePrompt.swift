import TwilioModels

/// Ending the conference (`X`) asks for its name, typed.
public struct EndConferencePrompt: Box {
    public var field = TextField(maxLength: 128)
    public var error: String?

    public init() {}

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) {
            state.events.append(.info, "end of the conference cancelled", at: state.now)
            return .close
        }
        if key == .enter {
            let name = state.conference?.friendlyName ?? ""
            guard field.text == name else {
                error = "type the conference's name exactly: \(name)"
                return .stay
            }
            return .close(Reducer.perform(.endConference, &state))
        }
        if field.handle(key) { error = nil }
        return .stay
    }

    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        field.insert(pasted: text)
        error = nil
        return true
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let name = state.conference?.friendlyName ?? ""
        let lines = BoxFrame.wrap(error, boxWidth: 72, on: state.layout)
        let inner = BoxFrame(width: 72, height: 8 + max(1, lines.count), on: state.layout).draw(title: "End the conference for everyone", &canvas)
        canvas.put("Everyone in \(name) is disconnected at once (Status=completed).", row: inner.row, column: inner.column, style: CellStyle(.warning), limit: inner.width)
        canvas.put("Type the conference's name to confirm: \(name)", row: inner.row + 2, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        canvas.textInput(field.text, row: inner.row + 3, column: inner.column, width: inner.width)
        canvas.putError(lines, row: inner.row + 4, column: inner.column)
        canvas.putHint("Enter ends it · Esc cancels", in: inner)
    }
}
