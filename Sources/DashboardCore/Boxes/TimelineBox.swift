import Foundation

/// The meeting's history (`l`): every join, leave and change, every action and its result, every
/// fault and recovery of this session, full screen. Arrows and the keymap's page keys move, `/`
/// searches, `f` cycles the filters, Enter opens a bulk action to each participant's result.
public struct TimelineBox: Box {
    /// Which lines show.
    public enum Filter: String, CaseIterable, Sendable, Hashable {
        case all, people
        case mine = "my actions"
        case failures
        /// View-only lines (filter switches, "no longer shown"), which the others leave out.
        case view

        func shows(_ entry: LogEntry) -> Bool {
            switch self {
            case .all: entry.kind != .view
            case .people: [.joined, .left, .changed].contains(entry.kind)
            case .mine: entry.mine
            case .failures: [.failed, .fault, .warning].contains(entry.kind)
            case .view: entry.kind == .view
            }
        }
    }

    public internal(set) var filter = Filter.all
    /// The search, and whether it is being typed.
    public internal(set) var search = TextField(maxLength: 64)
    public internal(set) var searching = false
    /// The entry the cursor is on (an index into the shown entries); nil follows the newest.
    var cursor: Int?
    /// Bulk actions opened to each participant's result, by batch.
    var expanded: Set<Int> = []

    public init() {}

    public var onlyScrolls: Bool { !searching }

    /// The entries shown: this filter and search; a bulk action is one line (its latest).
    static func shown(_ state: DashboardState, filter: Filter, search: String) -> [LogEntry] {
        let entries = state.events.entries
        var latestOfBatch: [Int: Int] = [:]
        for (i, entry) in entries.enumerated() { if let batch = entry.batch { latestOfBatch[batch] = i } }
        let needle = search.lowercased()
        return entries.enumerated().compactMap { i, entry in
            if let batch = entry.batch, latestOfBatch[batch] != i { return nil }
            guard filter.shows(entry) else { return nil }
            guard needle.isEmpty || entry.text.lowercased().contains(needle) || (entry.participantName?.lowercased().contains(needle) ?? false) else { return nil }
            return entry
        }
    }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if searching { return typeSearch(key) }
        if BoxKeys.closes(key) || key.name == "q" || command == .timeline { return .close }
        let entries = Self.shown(state, filter: filter, search: search.text)
        let page = max(1, Self.frame(state.layout).inner.height - 3)
        var at = cursor ?? entries.count - 1
        switch key {
        case _ where key.name == "/": searching = true
        case _ where key.name == "f":
            filter = Filter.allCases[(Filter.allCases.firstIndex(of: filter)! + 1) % Filter.allCases.count]
            cursor = nil
            return .stay
        case .enter:
            if entries.indices.contains(at), let batch = entries[at].batch, !entries[at].parts.isEmpty {
                if expanded.remove(batch) == nil { expanded.insert(batch) }
            }
        default:
            if key == .down || command == .moveDown { at += 1 }
            if key == .up || command == .moveUp { at -= 1 }
            if key == .pageDown || command == .pageDown { at += page }
            if key == .pageUp || command == .pageUp { at -= page }
            if command == .top { at = 0 }
            if command == .bottom { at = entries.count - 1 }
        }
        cursor = at >= entries.count - 1 ? nil : max(0, at)
        return .stay
    }

    /// Pasted text goes into the search while it is being typed.
    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        guard searching else { return false }
        search.insert(pasted: text)
        cursor = nil
        return true
    }

    /// Typing the search: Enter keeps it, Esc clears it.
    mutating func typeSearch(_ key: KeyChord) -> BoxOutcome {
        if BoxKeys.closes(key) {
            search.text = ""
            searching = false
        } else if key == .enter {
            searching = false
        } else if search.handle(key) {
            cursor = nil
        }
        return .stay
    }

    static func frame(_ layout: DashboardLayout) -> BoxFrame { BoxFrame(width: layout.width, height: layout.height - 1, on: layout) }
}
