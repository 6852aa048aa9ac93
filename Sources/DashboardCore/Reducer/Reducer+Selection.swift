extension Reducer {
    /// Works out again what the message made stale: the table's order (sorted again only when rows
    /// came, went or changed in a way that moves them), then where the selection and scroll sit.
    static func settle(_ state: inout DashboardState) {
        switch state.table.stale {
        case .none: return
        case .order: state.table.orderedIDs = state.table.visibleIDs
        case .placement: break
        }
        placeSelection(&state)
        state.table.stale = .none
    }

    /// Keeps the selection on the participant the supervisor chose, or lands it nearby, and keeps it in view.
    static func placeSelection(_ state: inout DashboardState) {
        let rows = state.table.orderedIDs
        var s = state.table.selection
        defer { state.table.selection = s }
        guard !rows.isEmpty else {
            // Nothing is shown, so nothing is selected; the anchor brings the choice back.
            if s.anchor == nil { s.anchor = s.id }
            s.id = nil
            s.index = 0
            s.scrollTop = 0
            return
        }
        let former = s.formerOrder
        s.formerOrder = []
        if let anchor = s.anchor, let index = rows.firstIndex(of: anchor) {
            (s.id, s.index) = (anchor, index)
        } else if let selected = s.id, let index = rows.firstIndex(of: selected) {
            s.index = index
        } else if let near = nearest(to: s.anchor, in: former, shown: rows) {
            (s.id, s.index) = (rows[near], near)
        } else {
            s.index = min(s.index, rows.count - 1)
            s.id = rows[s.index]
        }
        let visible = max(1, state.layout.tableRows)
        if s.index < s.scrollTop { s.scrollTop = s.index }
        if s.index >= s.scrollTop + visible { s.scrollTop = s.index - visible + 1 }
        s.scrollTop = max(0, min(s.scrollTop, max(0, rows.count - visible)))
    }

    /// The index in `shown` of the participant closest to `sid` in `order` (below first, then above).
    static func nearest(to sid: String?, in order: [String], shown: [String]) -> Int? {
        guard let sid, let at = order.firstIndex(of: sid) else { return nil }
        for distance in 1..<max(1, order.count) {
            for i in [at + distance, at - distance] where order.indices.contains(i) {
                if let index = shown.firstIndex(of: order[i]) { return index }
            }
        }
        return nil
    }

    /// Moves the selection by `step` rows (clamped to the table); the supervisor's choice becomes the anchor.
    static func move(by step: Int, _ state: inout DashboardState) {
        let rows = state.table.orderedIDs
        guard !rows.isEmpty else { return }
        let index = max(0, min(rows.count - 1, state.table.selection.index + step))
        state.table.selection.id = rows[index]
        state.table.selection.anchor = rows[index]
        state.table.selection.index = index
        state.table.invalidate(.placement)
    }

    /// The move commands: a row, a page, or to either end.
    static func move(_ command: Command, _ state: inout DashboardState) {
        let page = max(1, state.layout.tableRows - 1)
        switch command {
        case .moveDown: move(by: 1, &state)
        case .moveUp: move(by: -1, &state)
        case .pageDown: move(by: page, &state)
        case .pageUp: move(by: -page, &state)
        case .top: move(by: -Int(Int32.max), &state)
        default: move(by: Int(Int32.max), &state)
        }
    }
}
