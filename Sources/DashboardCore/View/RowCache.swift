/// Each participant's table row as last drawn, reused while nothing it shows has changed: its row
/// state, the columns, the coached participant's name and the two time texts. Owned by the UI loop
/// (one per session); rows not drawn in a frame are forgotten.
public final class RowCache: @unchecked Sendable {
    private struct Entry {
        var key: Key
        var canvas: Canvas
    }

    private struct Key: Equatable {
        var row: RowState
        var columns: [TableColumn]
        var widths: [Int]
        var coached: String?
        var inConference: String
        var lastChange: String
    }

    private var entries: [String: Entry] = [:]
    private var seen: Set<String> = []
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    func draw(_ row: RowState, columns: [(column: TableColumn, width: Int)], state: DashboardState, at y: Int, into canvas: inout Canvas) {
        let timeWidth = columns.first { $0.column == .lastChange }?.width ?? 1
        let key = Key(
            row: row, columns: columns.map(\.column), widths: columns.map(\.width),
            coached: row.participant.callSidToCoach.map { state.name(of: $0) },
            inConference: TableColumn.inConference.cell(for: row, state: state, width: 8).text,
            lastChange: TableColumn.lastChange.cell(for: row, state: state, width: timeWidth).text)
        seen.insert(row.callSid)
        if let entry = entries[row.callSid], entry.key == key, entry.canvas.width == canvas.width {
            hits += 1
            canvas.copyRow(from: entry.canvas, sourceRow: 0, to: y)
            return
        }
        misses += 1
        var line = Canvas(width: canvas.width, height: 1)
        DashboardView.drawRow(row, columns: columns, state: state, at: 0, into: &line)
        entries[row.callSid] = Entry(key: key, canvas: line)
        canvas.copyRow(from: line, sourceRow: 0, to: y)
    }

    func endFrame() {
        if entries.count > seen.count * 2 + 64 { entries = entries.filter { seen.contains($0.key) } }
        seen.removeAll(keepingCapacity: true)
    }
}
