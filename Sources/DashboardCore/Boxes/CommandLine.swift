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

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let hint = error ?? (candidates.isEmpty ? "Tab completes · Enter runs · Esc cancels" : candidates.joined(separator: "  "))
        canvas.footerPrompt(":", field.text, hint: hint, hintRole: error == nil ? .dim : .failed, on: state.layout)
    }
}
