import Foundation

extension TimelineBox {
    /// A drawn line: the entry's own first line (with its time), its wrapped rest, or a bulk part.
    struct Line {
        var clock: String
        var text: String
        var role: Role
        /// Index of the entry it belongs to.
        var entry: Int
    }

    static func lines(_ entries: [LogEntry], expanded: Set<Int>, width: Int, utcOffset: Int) -> [Line] {
        var lines: [Line] = []
        for (i, entry) in entries.enumerated() {
            let opened = entry.batch.map(expanded.contains) ?? false
            let more = !entry.parts.isEmpty ? (opened ? "  ▾" : "  ▸ Enter: each one") : ""
            for (n, text) in DisplayWidth.wrap(entry.text + more, width: max(10, width - 10)).enumerated() {
                lines.append(Line(clock: n == 0 ? TimeText.clock(entry.time, utcOffset: utcOffset) : "", text: text, role: entry.kind.role, entry: i))
            }
            if opened {
                for part in entry.parts { lines.append(Line(clock: "", text: "   " + part, role: part.contains("✗") ? .failed : .done, entry: i)) }
            }
        }
        return lines
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let entries = Self.shown(state, filter: filter, search: search.text)
        let title = "The meeting so far: \(entries.count) event\(entries.count == 1 ? "" : "s")\(filter == .all ? "" : " · \(filter.rawValue)")"
        // Full screen: nothing of the table shows at the sides.
        for row in 1..<max(1, state.layout.height - 1) { canvas.fill(row: row, style: CellStyle(.normal)) }
        let inner = Self.frame(state.layout).draw(title: title, &canvas)
        var top = inner.row
        if state.events.dropped > 0 {
            canvas.put("\(state.events.dropped) older events were dropped (the history keeps the newest \(EventLog.capacity))",
                       row: top, column: inner.column, style: CellStyle(.warning), limit: inner.width)
            top += 1
        }
        let rows = max(1, inner.row + inner.height - 1 - top)
        let lines = Self.lines(entries, expanded: expanded, width: inner.width, utcOffset: state.settings.utcOffset)
        let at = cursor ?? entries.count - 1
        // The cursor's entry in view: its lines end the window, or start it when it is at the top.
        let last = lines.lastIndex { $0.entry == at } ?? lines.count - 1
        let first = max(0, min(last - rows + 1, lines.count - rows))
        if entries.isEmpty {
            canvas.put(search.text.isEmpty ? "nothing here yet" : "nothing matches /\(search.text)", row: top, column: inner.column, style: CellStyle(.dim))
        }
        for (i, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = top + i
            if !line.clock.isEmpty { canvas.put(line.clock, row: y, column: inner.column, style: CellStyle(.dim)) }
            canvas.put(line.text, row: y, column: inner.column + 10, style: CellStyle(line.role), limit: inner.width - 10)
            if line.entry == at { canvas.selectRange(row: y, from: inner.column - 1, to: inner.column + inner.width + 1) }
        }
        let hint = searching
            ? "/" + search.text + "█  Enter keeps · Esc clears"
            : [
                "f filter: \(filter.rawValue) · / search\(search.text.isEmpty ? "" : " /\(search.text)") · ↑↓ PgUp PgDn g G · Enter opens a bulk action · Esc closes",
                "f filter: \(filter.rawValue) · / search\(search.text.isEmpty ? "" : " /\(search.text)") · Enter opens · Esc closes",
            ].first { DisplayWidth.of($0) <= inner.width } ?? "f filter: \(filter.rawValue) · Esc closes"
        canvas.putHint(hint, in: inner)
    }
}
