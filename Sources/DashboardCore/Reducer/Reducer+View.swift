import TwilioModels

/// Filters, sort and marks: how the supervisor looks at the table.
extension Reducer {
    /// Another list filter, sent to the server: the table starts again from its answer.
    static func setListFilter(_ filter: ListFilter, _ state: inout DashboardState) -> [Effect] {
        state.table.listFilter = filter
        state.log(.view, "filter: \(filter.rawValue)")
        guard let sid = state.conferenceSid else { return [] }
        state.table.selection.formerOrder = state.table.orderedIDs
        state.table.clear()
        return [.watch(conferenceSid: sid, filter: filter.parameters)]
    }

    /// Esc on the table: the search goes first, then the list filter.
    static func clearFilters(_ state: inout DashboardState) -> [Effect] {
        if !state.table.textFilter.isEmpty {
            state.log(.view, "search /\(state.table.textFilter) cleared")
            state.table.textFilter = ""
            return []
        }
        guard state.table.listFilter != .all else { return [] }
        return setListFilter(.all, &state)
    }

    static func setSort(_ sort: SortOrder, _ state: inout DashboardState) {
        state.table.sort = sort
        state.log(.view, "sort: \(sort.rawValue)\(state.table.sortInverted ? ", turned around" : "")")
    }

    static func invertSort(_ state: inout DashboardState) {
        state.table.sortInverted.toggle()
        state.log(.view, "sort: \(state.table.sort.rawValue)\(state.table.sortInverted ? ", turned around" : "")")
    }

    /// Space: marks or unmarks the selected participant, and moves down.
    static func toggleMark(_ state: inout DashboardState) {
        guard let row = state.selectedLive else { return }
        if state.table.marked.remove(row.callSid) == nil { state.table.marked.insert(row.callSid) }
        move(by: 1, &state)
    }

    /// `*`: marks every participant shown, or clears the marks when all of them are marked already.
    static func markAll(_ state: inout DashboardState) {
        let shown = Set(state.table.liveIDs)
        if !shown.isEmpty, shown.isSubset(of: state.table.marked) {
            state.table.marked = []
        } else {
            state.table.marked.formUnion(shown)
        }
    }
}
