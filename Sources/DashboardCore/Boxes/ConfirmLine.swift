import TwilioModels

/// A y/N question on the footer line, before an action over many participants (or one that cannot
/// be taken back): "Mute 22 of 24? spared: you, moderator (ends the conference on exit)  y/N".
/// `y` sends; any other key cancels and says so. Either way the marks go.
public struct ConfirmLine: Box {
    /// The question, without its question mark: "Mute 22 of 24".
    public let question: String
    /// Who is left alone, and why: "you", "moderator (ends the conference on exit)".
    public let spared: [String]
    /// What the log calls it: "mute all".
    public let verb: String
    public let actions: [ConferenceAction]

    public init(question: String, spared: [String] = [], verb: String, actions: [ConferenceAction]) {
        self.question = question
        self.spared = spared
        self.verb = verb
        self.actions = actions
    }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        state.table.marked = []
        guard BoxKeys.confirms(key) else {
            state.log(.info, "\(verb) cancelled: nothing sent")
            return .close
        }
        return .close(Reducer.performBatch(verb, actions, &state))
    }

    /// The question as it fits `width`: the spared named one by one while there is room, then "+N more".
    func text(width: Int) -> String {
        let answer = "  y/N"
        guard !spared.isEmpty else { return question + "?" + answer }
        for count in stride(from: spared.count, through: 0, by: -1) {
            let named = spared.prefix(count).joined(separator: ", ")
            let more = count < spared.count ? (count == 0 ? "\(spared.count) participants" : " +\(spared.count - count) more") : ""
            let line = "\(question)? spared: \(named)\(more)\(answer)"
            if DisplayWidth.of(line) <= width { return line }
        }
        return question + "?" + answer
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let row = state.layout.footerRow
        let line = text(width: canvas.width - 1)
        canvas.fill(row: row, style: CellStyle(.normal))
        let body = String(line.dropLast(3))
        let x = canvas.put(body, row: row, column: 0, style: CellStyle(.warning))
        canvas.put("y", row: row, column: x, style: CellStyle(.key))
        canvas.put("/N", row: row, column: x + 1, style: CellStyle(.normal))
    }
}
