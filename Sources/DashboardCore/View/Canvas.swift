/// A grid of cells the view draws into; the terminal layer copies it to the screen, tests compare
/// it with golden files. Text is sanitised on the way in and measured in display cells; a wide
/// character takes two cells (the second holds `Canvas.continuation`).
public struct Canvas: Sendable, Hashable {
    public static let continuation: Character = "\u{0}"

    public let width: Int
    public let height: Int
    private(set) var cells: [Character]
    private(set) var styles: [CellStyle]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: " ", count: self.width * self.height)
        styles = Array(repeating: CellStyle(.normal), count: self.width * self.height)
    }

    public func character(row: Int, column: Int) -> Character { cells[row * width + column] }
    public func style(row: Int, column: Int) -> CellStyle { styles[row * width + column] }

    /// Paints a row's cells from `from` to the end with `style` and spaces.
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: CellStyle) {
        guard row >= 0, row < height else { return }
        let end = min(width, to ?? width)
        for column in max(0, from)..<max(max(0, from), end) { set(row, column, " ", style) }
        // A wide character cut in half by the fill loses its other half too.
        if end < width, cells[row * width + end] == Self.continuation { set(row, end, " ", styles[row * width + end]) }
    }

    /// Marks a whole row as the selected one (drawn reversed), keeping each cell's role.
    public mutating func select(row: Int) {
        guard row >= 0, row < height else { return }
        for column in 0..<width { styles[row * width + column].selected = true }
    }

    /// Marks part of a row as selected (a chosen line inside a box).
    public mutating func selectRange(row: Int, from: Int, to: Int) {
        guard row >= 0, row < height else { return }
        for column in max(0, from)..<min(width, max(max(0, from), to)) { styles[row * width + column].selected = true }
    }

    /// Writes `text` at (row, column), at most `limit` cells (ending in `…` when cut); returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width, column >= 0 else { return 0 }
        let room = min(width - column, limit ?? Int.max)
        guard room > 0 else { return 0 }
        let clean = SafeText.sanitize(text)
        let shown = DisplayWidth.of(clean) > room ? DisplayWidth.truncate(clean, to: room) : clean
        var x = column
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > column + room { break }
            set(row, x, character, style)
            for extra in 1..<max(1, w) { set(row, x + extra, Self.continuation, style) }
            x += w
        }
        return x - column
    }

    /// Writes `text` so it ends at the right edge (or at `rightEdge`).
    @discardableResult
    public mutating func putRight(_ text: String, row: Int, style: CellStyle, rightEdge: Int? = nil) -> Int {
        let edge = rightEdge ?? width
        let w = min(DisplayWidth.of(SafeText.sanitize(text)), edge)
        return put(text, row: row, column: edge - w, style: style, limit: w)
    }

    private mutating func set(_ row: Int, _ column: Int, _ character: Character, _ style: CellStyle) {
        let i = row * width + column
        // Overwriting half of a wide character blanks the other half.
        if cells[i] == Self.continuation, character != Self.continuation {
            var head = column - 1
            while head > 0, cells[row * width + head] == Self.continuation { cells[row * width + head] = " "; head -= 1 }
            if head >= 0 { cells[row * width + head] = " " }
        }
        if character != Self.continuation, DisplayWidth.of(cells[i]) > 1 {
            var next = column + 1
            while next < width, cells[row * width + next] == Self.continuation {
                cells[row * width + next] = " "
                next += 1
            }
        }
        cells[i] = character
        styles[i] = style
    }

    /// A row as runs of text sharing a style, continuation cells left out (what the terminal draws).
    public func runs(row: Int) -> [(text: String, style: CellStyle)] {
        var runs: [(String, CellStyle)] = []
        var text = ""
        var current: CellStyle?
        for column in 0..<width {
            let i = row * width + column
            if cells[i] == Self.continuation { continue }
            if styles[i] != current, let style = current {
                runs.append((text, style))
                text = ""
            }
            current = styles[i]
            text.append(cells[i])
        }
        if let current { runs.append((text, current)) }
        return runs
    }

    /// A row as plain text.
    public func text(row: Int) -> String {
        String((0..<width).map { cells[row * width + $0] }.filter { $0 != Self.continuation })
    }

    /// A row's roles, one letter per cell, upper case on the selected line.
    public func roleMap(row: Int) -> String {
        String((0..<width).map { column -> Character in
            let style = styles[row * width + column]
            guard style.selected else { return style.role.letter }
            return style.role == .normal ? ":" : Character(style.role.letter.uppercased())
        })
    }

    /// The whole canvas as text lines then role lines: the golden-file form.
    public var golden: String {
        let text = (0..<height).map { self.text(row: $0) }.joined(separator: "\n")
        let roles = (0..<height).map { roleMap(row: $0) }.joined(separator: "\n")
        return text + "\n\n" + roles + "\n"
    }
}
