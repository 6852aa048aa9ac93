/// A scroll position over a list of lines of which some rows show: moved by the arrow and page
/// keys and by the keymap's move, page, top and bottom commands, kept within 0...last.
struct Scroller: Sendable, Hashable {
    var top = 0

    /// The furthest it scrolls: lines past what `rows` show.
    static func last(lines: Int, rows: Int) -> Int { max(0, lines - rows) }

    mutating func apply(_ key: KeyChord, _ command: Command?, last: Int) {
        var next = top
        if key == .down || command == .moveDown { next += 1 }
        if key == .up || command == .moveUp { next -= 1 }
        if key == .pageDown || command == .pageDown { next += 10 }
        if key == .pageUp || command == .pageUp { next -= 10 }
        if command == .top { next = 0 }
        if command == .bottom { next = last }
        top = min(max(0, next), last)
    }

    /// The first line shown, with `lines` lines of which `rows` show.
    func first(lines: Int, rows: Int) -> Int { min(top, Self.last(lines: lines, rows: rows)) }

    /// The keys that scroll one way, from the active key table: the arrow and page key always work,
    /// plus whatever the keymap binds to the move and page commands.
    static func keys(down: Bool, _ table: KeyTable) -> String {
        let (arrow, move, page, pageCommand): (KeyChord, Command, KeyChord, Command) =
            down ? (.down, .moveDown, .pageDown, .pageDown) : (.up, .moveUp, .pageUp, .pageUp)
        var labels: [String] = []
        for key in [arrow] + table.keys(for: move) + [page] + table.keys(for: pageCommand) where !labels.contains(key.label) {
            labels.append(key.label)
        }
        return labels.joined(separator: ", ")
    }

    /// "↓ more: …" while lines remain below, "↑ back: …" at the end, on the box's bottom edge.
    static func drawMore(first: Int, rows: Int, lines: Int, table: KeyTable, at inner: BoxFrame.Inner, _ canvas: inout Canvas) {
        guard rows < lines else { return }
        let more = first + rows < lines ? " ↓ more: \(keys(down: true, table)) " : " ↑ back: \(keys(down: false, table)) "
        canvas.put(more, row: inner.row + inner.height, column: inner.column + 2, style: CellStyle(.dim), limit: inner.width - 2)
    }
}
