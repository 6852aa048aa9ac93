import Foundation

/// The last frame and what it was drawn from, owned by the UI loop with the row cache. While the
/// state's revision stays the same (a tick, a quiet poll) and no box is open, the next frame is the
/// last one with only what time moves drawn again: the title's poll text and the rows' ages.
public final class FrameCache: @unchecked Sendable {
    /// Each participant's row as last drawn.
    public let rows = RowCache()
    var canvas: Canvas?
    var revision = 0
    var title: (text: String, role: CellStyle)?
    var noteShown = false
    var columns: [(column: TableColumn, width: Int)] = []
    /// For each line of the table in view, when an age on it changes next: until then it need not
    /// be looked at.
    var agesChange: [Date] = []
    /// Frames drawn whole, and frames that only redrew what time moves (for tests and benchmarks).
    public private(set) var whole = 0
    public private(set) var timeOnly = 0

    public init() {}

    /// The last frame, when this state would draw the same apart from what time moves.
    func reusable(for state: DashboardState, noteShown: Bool) -> Canvas? {
        guard let canvas, state.box == nil, revision == state.revision, self.noteShown == noteShown,
              canvas.width == state.layout.width, canvas.height == state.layout.height else { return nil }
        return canvas
    }

    func remember(_ canvas: Canvas, state: DashboardState, noteShown: Bool, title: (text: String, role: CellStyle), reused: Bool) {
        self.canvas = state.box == nil ? canvas : nil
        revision = state.revision
        self.noteShown = noteShown
        self.title = title
        if reused { timeOnly += 1 } else { whole += 1 }
    }
}
