#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TwilioModels

/// A grid of cells the view draws into; the terminal layer copies it to the screen, tests compare
/// it with golden files. Text is sanitised on the way in and measured in display cells; a wide
/// character takes two cells (the second is a continuation).
///
/// Compact on purpose (a frame is rebuilt on every poll): a cell is one `UInt32` — a Unicode scalar,
/// `continuation`, or an index into `clusters` for the rare character made of several scalars — and
/// its style one byte (the role, with the top bit for the selected line).
public struct Canvas: Sendable, Hashable {
    static let continuation: UInt32 = 0
    static let clusterTag: UInt32 = 0x8000_0000
    static let space = UInt32(0x20)

    public let width: Int
    public let height: Int
    private(set) var cells: [UInt32]
    private(set) var styles: [UInt8]
    private var clusters: [String] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Self.space, count: self.width * self.height)
        styles = Array(repeating: 0, count: self.width * self.height)
    }

    static func pack(_ style: CellStyle) -> UInt8 { style.role.rawValue | (style.selected ? 0x80 : 0) }
    static func unpack(_ byte: UInt8) -> CellStyle { CellStyle(Role(rawValue: byte & 0x7F) ?? .normal, selected: byte & 0x80 != 0) }

    public func style(row: Int, column: Int) -> CellStyle { Self.unpack(styles[row * width + column]) }

    /// Paints a row's cells from `from` to the end with `style` and spaces.
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: CellStyle) {
        guard row >= 0, row < height else { return }
        let start = max(0, from), end = min(width, to ?? width)
        guard start < end else { return }
        let base = row * width
        if start > 0, cells[base + start] == Self.continuation { cells[base + start - 1] = Self.space }
        let packed = Self.pack(style)
        for i in (base + start)..<(base + end) {
            cells[i] = Self.space
            styles[i] = packed
        }
        // A wide character cut in half by the fill loses its other half too.
        var next = end
        while next < width, cells[base + next] == Self.continuation {
            cells[base + next] = Self.space
            next += 1
        }
    }

    /// Marks a whole row as the selected one (drawn reversed), keeping each cell's role.
    public mutating func select(row: Int) { selectRange(row: row, from: 0, to: width) }

    /// Marks part of a row as selected (a chosen line inside a box).
    public mutating func selectRange(row: Int, from: Int, to: Int) {
        guard row >= 0, row < height else { return }
        for column in max(0, from)..<min(width, max(max(0, from), to)) { styles[row * width + column] |= 0x80 }
    }

    /// Writes `text` at (row, column), at most `limit` cells (ending in `…` when cut); returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width, column >= 0 else { return 0 }
        let room = min(width - column, limit ?? Int.max)
        guard room > 0 else { return 0 }
        let packed = Self.pack(style)
        // Most of what is drawn is printable ASCII: one byte, one cell, nothing to clean.
        let utf8 = text.utf8
        let printableASCII = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        if utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(printableASCII) }) ?? utf8.allSatisfy(printableASCII) {
            let count = utf8.count
            let cut = count > room
            let shown = cut ? room - 1 : count
            var x = column
            for byte in utf8.prefix(shown) {
                set(row, x, UInt32(byte), packed)
                x += 1
            }
            if cut {
                set(row, x, 0x2026, packed)
                x += 1
            }
            return x - column
        }
        let clean = SafeText.sanitize(text)
        // Most other text is one scalar per character (symbols, CJK, emoji): no grapheme breaking needed.
        if let written = putScalars(clean, row: row, column: column, room: room, style: packed) { return written }
        let shown = DisplayWidth.of(clean) > room ? DisplayWidth.truncate(clean, to: room) : clean
        var x = column
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > column + room { break }
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first {
                set(row, x, scalar.value, packed)
            } else {
                clusters.append(String(character))
                set(row, x, Self.clusterTag | UInt32(clusters.count - 1), packed)
            }
            for extra in 1..<max(1, w) { set(row, x + extra, Self.continuation, packed) }
            x += w
        }
        return x - column
    }

    /// Writes text whose every scalar is a character of its own (none zero-width, no flags), or
    /// returns nil for the general path.
    private mutating func putScalars(_ text: String, row: Int, column: Int, room: Int, style: UInt8) -> Int? {
        var widths: [Int] = []
        widths.reserveCapacity(text.unicodeScalars.count)
        var total = 0
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w == 0 || (0x1F1E6...0x1F1FF).contains(scalar.value) { return nil }
            widths.append(w)
            total += w
        }
        let limit = total > room ? room - 1 : room
        var x = column
        for (scalar, w) in zip(text.unicodeScalars, widths) {
            if x - column + w > limit { break }
            set(row, x, scalar.value, style)
            if w == 2 { set(row, x + 1, Self.continuation, style) }
            x += w
        }
        if total > room {
            set(row, x, 0x2026, style)
            x += 1
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

    private mutating func set(_ row: Int, _ column: Int, _ value: UInt32, _ style: UInt8) {
        let base = row * width
        let i = base + column
        if value != Self.continuation {
            // Overwriting half of a wide character blanks the other half.
            if cells[i] == Self.continuation {
                var head = column - 1
                while head > 0, cells[base + head] == Self.continuation { cells[base + head] = Self.space; head -= 1 }
                if head >= 0 { cells[base + head] = Self.space }
            }
            var next = column + 1
            while next < width, cells[base + next] == Self.continuation {
                cells[base + next] = Self.space
                next += 1
            }
        }
        cells[i] = value
        styles[i] = style
    }

    private func append(_ value: UInt32, to text: inout String.UnicodeScalarView) {
        if value & Self.clusterTag != 0 {
            text.append(contentsOf: clusters[Int(value & ~Self.clusterTag)].unicodeScalars)
        } else if let scalar = Unicode.Scalar(value) {
            text.append(scalar)
        }
    }

    /// Whether a row holds exactly what the same row of `other` holds (the terminal skips it then).
    public func rowEquals(_ other: Canvas, row: Int) -> Bool {
        guard other.width == width, row < other.height, row < height else { return false }
        let start = row * width
        let sameCells = cells.withUnsafeBufferPointer { a in
            other.cells.withUnsafeBufferPointer { b in memcmp(a.baseAddress! + start, b.baseAddress! + start, width * 4) == 0 }
        }
        guard sameCells else { return false }
        let sameStyles = styles.withUnsafeBufferPointer { a in
            other.styles.withUnsafeBufferPointer { b in memcmp(a.baseAddress! + start, b.baseAddress! + start, width) == 0 }
        }
        guard sameStyles else { return false }
        // Clusters are compared by what they are, not by their index.
        return clusters.isEmpty && other.clusters.isEmpty || text(row: row) == other.text(row: row)
    }

    /// The cells of a row that differ from the same row of `other` (same width), widened so a wide
    /// character is never cut; nil when the row is the same.
    public func changedSpan(from other: Canvas, row: Int) -> Range<Int>? {
        guard other.width == width, row < other.height, row < height else { return 0..<width }
        let base = row * width
        if rowEquals(other, row: row) { return nil }
        var first = -1, last = -1
        for column in 0..<width {
            let i = base + column
            if cells[i] != other.cells[i] || styles[i] != other.styles[i]
                || (cells[i] & Self.clusterTag != 0 && clusters[Int(cells[i] & ~Self.clusterTag)] != other.clusters[Int(other.cells[i] & ~Self.clusterTag)]) {
                if first < 0 { first = column }
                last = column
            }
        }
        guard first >= 0 else { return nil }
        while first > 0, cells[base + first] == Self.continuation || other.cells[base + first] == Self.continuation { first -= 1 }
        last += 1
        while last < width, cells[base + last] == Self.continuation || other.cells[base + last] == Self.continuation { last += 1 }
        return first..<last
    }

    /// Copies a row of `source` (same width) into a row of this canvas.
    mutating func copyRow(from source: Canvas, sourceRow: Int, to row: Int) {
        guard source.width == width, row >= 0, row < height else { return }
        let from = (sourceRow * width)..<((sourceRow + 1) * width)
        let to = (row * width)..<((row + 1) * width)
        if source.clusters.isEmpty {
            cells.withUnsafeMutableBufferPointer { target in
                source.cells.withUnsafeBufferPointer { origin in
                    _ = memcpy(target.baseAddress! + to.lowerBound, origin.baseAddress! + from.lowerBound, width * 4)
                }
            }
        } else {
            var values = Array(source.cells[from])
            for i in values.indices where values[i] & Self.clusterTag != 0 {
                clusters.append(source.clusters[Int(values[i] & ~Self.clusterTag)])
                values[i] = Self.clusterTag | UInt32(clusters.count - 1)
            }
            cells.replaceSubrange(to, with: values)
        }
        styles.withUnsafeMutableBufferPointer { target in
            source.styles.withUnsafeBufferPointer { origin in
                _ = memcpy(target.baseAddress! + to.lowerBound, origin.baseAddress! + from.lowerBound, width)
            }
        }
    }

    /// A row (or the columns `span` of it) as runs of text sharing a style, continuation cells left
    /// out: what the terminal draws.
    public func runs(row: Int, span: Range<Int>? = nil) -> [(text: String, style: CellStyle)] {
        var runs: [(String, CellStyle)] = []
        var text = String.UnicodeScalarView()
        var current: UInt8?
        let columns = span ?? 0..<width
        for i in (row * width + columns.lowerBound)..<(row * width + columns.upperBound) {
            let value = cells[i]
            if value == Self.continuation { continue }
            if styles[i] != current, let style = current {
                runs.append((String(text), Self.unpack(style)))
                text = String.UnicodeScalarView()
            }
            current = styles[i]
            append(value, to: &text)
        }
        if let current { runs.append((String(text), Self.unpack(current))) }
        return runs
    }

    /// A row as plain text.
    public func text(row: Int) -> String {
        var text = String.UnicodeScalarView()
        for i in (row * width)..<((row + 1) * width) where cells[i] != Self.continuation {
            append(cells[i], to: &text)
        }
        return String(text)
    }

    /// A row's roles, one letter per cell, upper case on the selected line.
    public func roleMap(row: Int) -> String {
        String((0..<width).map { column -> Character in
            let style = self.style(row: row, column: column)
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
