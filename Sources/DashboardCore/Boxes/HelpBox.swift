/// The help (`?`): every bound command by group, generated from the active key table; scrolls on
/// short screens.
public struct HelpBox: Box {
    var scroller = Scroller()

    public init() {}

    public var onlyScrolls: Bool { true }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) || key.name == "q" || key.name == "?" || key == .enter || command == .help { return .close }
        let lines = Self.lines(state).count
        scroller.apply(key, command, last: Scroller.last(lines: lines, rows: Self.frame(lines: lines, state.layout).inner.height))
        return .stay
    }

    /// The box: as tall as its lines, or as the screen allows.
    static func frame(lines: Int, _ layout: DashboardLayout) -> BoxFrame { BoxFrame(width: 72, height: lines + 2, on: layout) }

    /// (keys, what they do, role) per line: a heading per group, a blank line between groups, the Esc note.
    static func lines(_ state: DashboardState) -> [(keys: String, text: String, role: Role)] {
        var lines: [(String, String, Role)] = []
        var group = ""
        for entry in state.settings.keyTable.helpEntries {
            if entry.group != group {
                if !group.isEmpty { lines.append(("", "", .normal)) }
                lines.append((entry.group, "", .heading))
                group = entry.group
            }
            let keys = entry.keys.map(\.label).joined(separator: " ")
            lines.append((keys, entry.command.summary + (entry.command.dangerous ? "  (!)" : ""), entry.command.dangerous ? .warning : .normal))
        }
        lines.append(("", "", .normal))
        lines.append(("Esc", "closes any box; Ctrl-C quits from anywhere", .dim))
        return lines
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let lines = Self.lines(state)
        let title = "Help — keymap \(state.settings.keymapName)\(state.settings.readOnly ? ", read-only" : "")"
        let inner = Self.frame(lines: lines.count, state.layout).draw(title: title, &canvas)
        let first = scroller.first(lines: lines.count, rows: inner.height)
        Scroller.drawMore(first: first, rows: inner.height, lines: lines.count, table: state.settings.keyTable, at: inner, &canvas)
        for (i, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let row = inner.row + i
            if line.role == .heading {
                canvas.put(line.keys, row: row, column: inner.column, style: CellStyle(.heading), limit: inner.width)
            } else {
                canvas.put(line.keys, row: row, column: inner.column + 2, style: CellStyle(.key), limit: 16)
                canvas.put(line.text, row: row, column: inner.column + 19, style: CellStyle(line.role), limit: max(0, inner.width - 19))
            }
        }
    }
}
