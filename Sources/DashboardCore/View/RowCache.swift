/// Each participant's table row as last drawn, reused while nothing it shows has changed: its row
/// state (by order and revision), the columns, the coached participant's name and the two ages.
/// Owned by the UI loop (one per session); rows not drawn for a while are forgotten.
public final class RowCache: @unchecked Sendable {
    private struct Entry {
        var key: Key
        var canvas: Canvas
        var frame: Int
    }

    private struct Key: Equatable {
        var revision: Int
        var layout: Int
        var coached: String?
        /// Marked, nested under the one it coaches, the supervisor's own line: drawn differently.
        var flags: Int
        var inConference: Int
        var lastChange: Int
    }

    /// By the row's order, which is unique to a row and cheap to hash.
    private var entries: [Int: Entry] = [:]
    private var frame = 0
    private var layout = 0
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    /// Starts a frame drawn with these columns.
    func beginFrame(columns: [(column: TableColumn, width: Int)]) {
        frame += 1
        var hasher = Hasher()
        for (column, width) in columns {
            hasher.combine(column)
            hasher.combine(width)
        }
        layout = hasher.finalize()
    }

    func draw(_ row: RowState, columns: [(column: TableColumn, width: Int)], state: DashboardState, at y: Int, into canvas: inout Canvas) {
        let key = Key(
            revision: row.revision, layout: layout,
            coached: row.participant.callSidToCoach.map { state.name(of: $0) },
            flags: (!state.marked.isEmpty && state.marked.contains(row.callSid) ? 1 : 0) | (state.isNestedCoach(row) ? 2 : 0) | (row.callSid == state.supervisorCallSid ? 4 : 0),
            inConference: row.participant.dateCreated.map { TimeText.coarseBucket(state.now.timeIntervalSince($0)) } ?? -1,
            lastChange: TableColumn.lastChangeBucket(for: row, now: state.now))
        if let index = entries.index(forKey: row.order), entries.values[index].key == key, entries.values[index].canvas.width == canvas.width {
            hits += 1
            canvas.copyRow(from: entries.values[index].canvas, sourceRow: 0, to: y)
            entries.values[index].frame = frame
            return
        }
        misses += 1
        var line = Canvas(width: canvas.width, height: 1)
        DashboardView.drawRow(row, columns: columns, state: state, at: 0, into: &line)
        entries[row.order] = Entry(key: key, canvas: line, frame: frame)
        canvas.copyRow(from: line, sourceRow: 0, to: y)
    }

    func endFrame() {
        // Now and then, forget rows not drawn in the last few frames.
        if frame % 64 == 0 { entries = entries.filter { frame - $0.value.frame < 8 } }
    }
}
