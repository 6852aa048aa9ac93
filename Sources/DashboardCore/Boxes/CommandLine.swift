/// The `:` line on the footer: a command with completion of participant labels (`CommandMode`).
/// A mistake stays on the line with the reason; Esc leaves it.
public struct CommandLine: Box {
    public var field = TextField(maxLength: 300)
    public var error: String?
    /// What Tab offered last, when more than one thing matched.
    public var candidates: [String] = []

    public init() {}

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) { return .close }
        if key == .enter {
            switch CommandMode.run(field.text, &state) {
            case .success(let effects): return .close(effects)
            case .failure(let problem):
                error = problem.message
                return .stay
            }
        }
        if key == .tab {
            (field.text, candidates) = CommandMode.complete(field.text, state)
        } else if field.handle(key) {
            error = nil
            candidates = []
        }
        return .stay
    }

    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        field.insert(pasted: text)
        error = nil
        candidates = []
        return true
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let hint = error ?? (candidates.isEmpty ? "Tab completes · Enter runs · Esc cancels" : candidates.joined(separator: "  "))
        let room = canvas.width - 4 - DisplayWidth.of(field.text)
        guard DisplayWidth.of(hint) > room else {
            return canvas.footerPrompt(":", field.text, hint: hint, hintRole: error == nil ? .dim : .failed, on: state.layout)
        }
        // Too long for the line: it goes whole on the lines above it.
        canvas.footerPrompt(":", field.text, hint: "", hintRole: .dim, on: state.layout)
        let lines = DisplayWidth.wrap(hint, width: max(10, canvas.width - 2))
        let top = max(0, state.layout.footerRow - lines.count)
        for (i, line) in lines.suffix(state.layout.footerRow).enumerated() {
            canvas.fill(row: top + i, style: CellStyle(.normal))
            canvas.put(line, row: top + i, column: 1, style: CellStyle(error == nil ? .dim : .failed))
        }
    }
}
