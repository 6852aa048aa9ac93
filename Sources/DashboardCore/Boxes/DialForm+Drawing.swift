extension DialForm {
    /// A line of the form: a field, or one line of its error under it.
    enum Line { case field(Field), error(String) }

    /// The form's status line: dialling, an unclear answer, or Twilio's refusal.
    var status: (text: String, role: Role)? {
        if pending != nil { return ("dialling… (a dial-out is never resent by itself)", .pending) }
        if let unknown = unknownOutcome {
            return (dialAnyway ? "Enter again dials anyway — look at the table first: it may be ringing already."
                : "No clear answer (\(unknown)): it may have been placed. Check the table before dialling again.", .warning)
        }
        return refusal.map { ("Twilio refused: \($0)", .failed) }
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        // Messages wrap inside the box rather than being cut.
        let textWidth = max(10, min(78, state.layout.width - 2) - 4)
        let lines: [Line] = Field.allCases.flatMap { field in
            [.field(field)] + (errors[field].map { DisplayWidth.wrap("\(field.rawValue): \($0)", width: textWidth - 2).map(Line.error) } ?? [])
        }
        let status = self.status
        // On a short screen the blank lines go first, then the fields scroll to keep the focus in view.
        let room = max(4, state.layout.height - 4)
        let statusLines = Array((status.map { DisplayWidth.wrap($0.text, width: textWidth) } ?? [""]).prefix(max(1, room - 3)))
        let fixed = 1 + statusLines.count + 1
        let spaced = lines.count + fixed + 2 <= room
        let fieldRows = min(lines.count, spaced ? lines.count : max(1, room - fixed))
        let focusAt = lines.firstIndex { if case .field(let f) = $0 { f == focus } else { false } } ?? 0
        let focusEnd = lines[(focusAt + 1)...].firstIndex { if case .field = $0 { true } else { false } } ?? lines.count
        // The focused field (with its error lines) in the middle of the window, as far as the ends allow.
        let centred = focusAt - (fieldRows - (focusEnd - focusAt)) / 2
        let first = max(0, min(max(centred, focusEnd - fieldRows), focusAt, lines.count - fieldRows))
        let inner = BoxFrame(width: 78, height: fieldRows + fixed + (spaced ? 2 : 0) + 2, on: state.layout)
            .draw(title: "Dial out into \(state.conference?.friendlyName ?? "the conference")", &canvas)
        var row = inner.row
        for (i, line) in lines[first..<(first + fieldRows)].enumerated() {
            draw(line, row: row, inner, &canvas)
            // Fields out of view above or below: an arrow at the box's edge says so.
            if (i == 0 && first > 0) || (i == fieldRows - 1 && first + fieldRows < lines.count) {
                canvas.put(i == 0 && first > 0 ? "↑" : "↓", row: row, column: inner.column + inner.width + 1, style: CellStyle(.box))
            }
            row += 1
        }
        if spaced { row += 1 }
        canvas.put(focus.hint, row: row, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        row += 1
        for (i, line) in statusLines.enumerated() {
            canvas.put(line, row: row + i, column: inner.column, style: CellStyle(status?.role ?? .normal), limit: inner.width)
        }
        canvas.putHint("Tab/↓ next · S-Tab/↑ previous · Enter dials · Esc closes", in: inner)
    }

    /// One line of the form: a field with its value (a text input, or ‹ choice ›), or an error line.
    func draw(_ line: Line, row: Int, _ inner: BoxFrame.Inner, _ canvas: inout Canvas) {
        switch line {
        case .error(let text):
            canvas.put(text, row: row, column: inner.column + 2, style: CellStyle(.failed), limit: inner.width - 2)
        case .field(let field):
            let focused = field == focus
            canvas.put(focused ? "▸" : " ", row: row, column: inner.column, style: CellStyle(.key))
            canvas.put(field.rawValue, row: row, column: inner.column + 2, style: CellStyle(focused ? .heading : .normal), limit: 24)
            let valueColumn = inner.column + 26
            let valueWidth = max(0, inner.width - 26)
            let value = value(field)
            if field.isText {
                canvas.fill(row: row, from: valueColumn, to: valueColumn + valueWidth, style: CellStyle(.input))
                let text = focused ? value + "█" : value
                let shown = DisplayWidth.of(text) > valueWidth ? "…" + String(text.suffix(max(0, valueWidth - 1))) : text
                canvas.put(shown, row: row, column: valueColumn, style: CellStyle(.input), limit: valueWidth)
            } else {
                canvas.put("‹ \(value) ›", row: row, column: valueColumn, style: CellStyle(value == "default" ? .dim : .normal), limit: valueWidth)
            }
        }
    }
}
