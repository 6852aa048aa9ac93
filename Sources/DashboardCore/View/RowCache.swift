/// Each participant's table row as last drawn, reused while nothing it shows has changed: its row
/// state (by order and revision), the columns, the coached participant's name and the two ages.
/// Owned by the UI loop (one per session); rows not drawn for a while are forgotten.
public final class RowCache: @unchecked Sendable {
    private struct Key: Equatable {
        var revision: Int
        var layout: Int
        var coached: String?
        /// Marked, nested under the one it coaches, the supervisor's own line: drawn differently.
        var flags: Int
        var inConference: Int
        var lastChange: Int
    }

    /// A slot per row, found by the row's order (unique to a row and cheap to hash); the slots' keys,
    /// drawn lines and last frames are kept side by side so a hit reads a key and copies a line
    /// without copying an entry.
    private var slots: [Int: Int] = [:]
    private var keys: [Key] = []
    private var lines: [Canvas] = []
    private var lastDrawn: [Int] = []
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
            flags: (!state.table.marked.isEmpty && state.table.marked.contains(row.callSid) ? 1 : 0) | (row.callSid == state.supervisor.callSid ? 2 : 0)
                | state.table.coachDepth(row) << 2,
            inConference: row.participant.dateCreated.map { TimeText.coarseBucket(state.now.timeIntervalSince($0)) } ?? -1,
            lastChange: TableColumn.lastChangeBucket(for: row, now: state.now))
        let slot = slots[row.order]
        if let slot, keys[slot] == key, lines[slot].width == canvas.width {
            hits += 1
            canvas.copyRow(from: lines[slot], sourceRow: 0, to: y)
            lastDrawn[slot] = frame
            return
        }
        misses += 1
        var line = Canvas(width: canvas.width, height: 1)
        DashboardView.drawRow(row, columns: columns, state: state, at: 0, into: &line)
        canvas.copyRow(from: line, sourceRow: 0, to: y)
        if let slot {
            keys[slot] = key
            lines[slot] = line
            lastDrawn[slot] = frame
        } else {
            slots[row.order] = keys.count
            keys.append(key)
            lines.append(line)
            lastDrawn.append(frame)
        }
    }

    func endFrame() {
        // Now and then, forget rows not drawn in the last few frames.
        guard frame % 64 == 0 else { return }
        let kept = slots.filter { frame - lastDrawn[$0.value] < 8 }
        guard kept.count < slots.count else { return }
        var newKeys: [Key] = [], newLines: [Canvas] = [], newDrawn: [Int] = []
        slots = [:]
        for (order, slot) in kept {
            slots[order] = newKeys.count
            newKeys.append(keys[slot])
            newLines.append(lines[slot])
            newDrawn.append(lastDrawn[slot])
        }
        (keys, lines, lastDrawn) = (newKeys, newLines, newDrawn)
    }
}
