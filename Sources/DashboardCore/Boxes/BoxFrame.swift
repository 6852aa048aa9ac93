/// Where a centred box sits on a screen: its edge, and the room inside the border (with a column of
/// padding each side). The one place a box's size is worked out, for its keys (how far it scrolls)
/// and its drawing alike.
struct BoxFrame {
    let top: Int
    let left: Int
    let width: Int
    let height: Int

    /// The room inside: first row and column, width and height.
    struct Inner {
        let row: Int
        let column: Int
        let width: Int
        let height: Int
    }

    /// A box `width`×`height` (border included) centred on the screen, as large as the screen allows.
    init(width: Int, height: Int, on layout: DashboardLayout) {
        self.width = min(width, layout.width - 2)
        self.height = min(height, layout.height - 2)
        top = max(1, (layout.height - self.height) / 2)
        left = max(1, (layout.width - self.width) / 2)
    }

    var inner: Inner { Inner(row: top + 1, column: left + 2, width: max(0, width - 4), height: max(0, height - 2)) }

    /// Draws the border, clears the inside and puts the title on the top edge; returns the inside.
    @discardableResult
    func draw(title: String, _ canvas: inout Canvas) -> Inner {
        let border = CellStyle(.box)
        for row in top..<(top + height) {
            canvas.fill(row: row, from: left, to: left + width, style: border)
            canvas.put("│", row: row, column: left, style: border)
            canvas.put("│", row: row, column: left + width - 1, style: border)
        }
        canvas.put("┌" + String(repeating: "─", count: max(0, width - 2)) + "┐", row: top, column: left, style: border)
        canvas.put("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", row: top + height - 1, column: left, style: border)
        canvas.put(" \(title) ", row: top, column: left + 2, style: CellStyle(.boxTitle), limit: max(0, width - 4))
        return inner
    }

    /// Text wrapped to the inside of a box `width` wide on this screen, so none of it is cut.
    static func wrap(_ text: String?, boxWidth: Int, on layout: DashboardLayout) -> [String] {
        text.map { DisplayWidth.wrap($0, width: max(10, min(boxWidth, layout.width - 2) - 4)) } ?? []
    }
}

extension Canvas {
    /// A one-line text input with its cursor; a long value shows its end.
    mutating func textInput(_ text: String, row: Int, column: Int, width: Int) {
        fill(row: row, from: column, to: column + width, style: CellStyle(.input))
        let cursor = text + "█"
        let shown = DisplayWidth.of(cursor) > width ? "…" + String(cursor.suffix(width - 1)) : cursor
        put(shown, row: row, column: column, style: CellStyle(.input), limit: width)
    }

    /// Lines of an error, one under the other.
    mutating func putError(_ lines: [String], row: Int, column: Int) {
        for (i, line) in lines.enumerated() { put(line, row: row + i, column: column, style: CellStyle(.failed)) }
    }

    /// A prompt on the footer line (`/` or `:`): the prefix, the text typed with its cursor, a hint.
    mutating func footerPrompt(_ prefix: String, _ text: String, hint: String, hintRole: Role, on layout: DashboardLayout) {
        let row = layout.footerRow
        fill(row: row, style: CellStyle(.normal))
        put(prefix, row: row, column: 0, style: CellStyle(.key))
        let used = put(text + "█", row: row, column: 1, style: CellStyle(.input))
        put("  " + hint, row: row, column: 1 + used, style: CellStyle(hintRole))
    }

    /// The closing hint on a box's last inside line.
    mutating func putHint(_ hint: String, in inner: BoxFrame.Inner) {
        put(hint, row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }
}
