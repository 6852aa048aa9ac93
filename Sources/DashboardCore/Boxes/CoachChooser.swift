import TwilioModels

/// "Coach whom?" (`W`): the participants the selected one could coach.
public struct CoachChooser: Box {
    public var coach: String
    public var options: [String]
    public var selection = 0

    public init(coach: String, options: [String]) {
        self.coach = coach
        self.options = options
    }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) { return .close }
        if key == .down || command == .moveDown {
            selection = min(selection + 1, options.count - 1)
        } else if key == .up || command == .moveUp {
            selection = max(0, selection - 1)
        } else if key == .enter, options.indices.contains(selection) {
            return .close(Reducer.perform(.coach(callSid: coach, true, target: options[selection]), &state))
        }
        return .stay
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let rows = max(3, min(options.count, state.layout.height - 10))
        let inner = BoxFrame(width: 60, height: rows + 5, on: state.layout).draw(title: "\(state.name(of: coach)) coaches whom?", &canvas)
        let first = max(0, min(selection - rows + 1, options.count - rows))
        for (i, sid) in options.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.row + i
            canvas.put(state.name(of: sid), row: y, column: inner.column, style: CellStyle(.normal), limit: inner.width)
            if first + i == selection { canvas.selectRange(row: y, from: inner.column - 1, to: inner.column + inner.width + 1) }
        }
        canvas.put("Only the coached participant hears the coach.", row: inner.row + inner.height - 2, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        canvas.putHint("↑↓ choose · Enter coaches · Esc cancels", in: inner)
    }
}
