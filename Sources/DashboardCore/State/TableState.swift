import Foundation
import TwilioModels

/// The participants as the table holds them, how they are filtered, sorted and marked, and which
/// one is selected.
public struct TableState: Sendable {
    public internal(set) var rows: [String: RowState] = [:] { didSet { nextExpiry = .distantPast } }
    /// Nothing on a row runs out before this (a highlight, an action's result, a departed row), so
    /// the once-a-second tick need not look at every row; any change to the rows brings it forward.
    var nextExpiry = Date.distantPast
    var nextOrder = 0
    /// False until the first snapshot of the current conference and filter has arrived.
    public internal(set) var haveBaseline = false
    /// Sent to the server as the API's Muted / Hold / Coaching parameters.
    public var listFilter = ListFilter.all { didSet { invalidate(.order) } }
    /// Narrows the table locally, by label or SID.
    public var textFilter = "" { didSet { if textFilter != oldValue { invalidate(.order) } } }
    public var sort = SortOrder.joined { didSet { invalidate(.order) } }
    /// The sort's order turned around (`I`).
    public var sortInverted = false { didSet { invalidate(.order) } }
    /// The whole conference's counts while a list filter shows only part of it (read every few polls).
    public internal(set) var totals: ConferenceCounts?
    /// Participants marked (Space) for a bulk action.
    public var marked: Set<String> = []
    /// Unreadable fields (`CallSid/field`) and unreadable participants already said in the log.
    var notedUnreadable: Set<String> = []
    public internal(set) var selection = Selection()
    /// `visibleIDs` as of the end of the last reduce: the view draws from it instead of sorting again.
    public internal(set) var orderedIDs: [String] = []
    /// What must be worked out again before the next frame (`Reducer.settle`).
    var stale = Staleness.none

    /// What a change made out of date: nothing, where the selection and scroll sit, or the order too.
    enum Staleness: Int, Comparable {
        case none, placement, order
        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    mutating func invalidate(_ what: Staleness) { stale = max(stale, what) }

    /// Forgets every row: another conference, or another list filter.
    mutating func clear() {
        rows = [:]
        haveBaseline = false
        totals = nil
        invalidate(.order)
    }

    /// The CallSids of the rows the table shows, in order: text filter applied, tombstones included,
    /// sorted (ties by join order), each coach right under whom it coaches.
    public var visibleIDs: [String] {
        let needle = textFilter.lowercased()
        var shown: [RowState] = []
        shown.reserveCapacity(rows.count)
        for row in rows.values where needle.isEmpty || Self.matches(row, needle) { shown.append(row) }
        let sort = self.sort, inverted = sortInverted
        shown.sort { a, b in
            guard let before = sort.ordered(a, b) else { return inverted ? a.order > b.order : a.order < b.order }
            return before != inverted
        }
        return coachesUnderCoached(shown.map(\.callSid))
    }

    /// The rows the table shows, in order (see `visibleIDs`).
    public var visibleRows: [RowState] { visibleIDs.compactMap { rows[$0] } }

    /// Live participants (not tombstones) in table order.
    var liveIDs: [String] { orderedIDs.filter { rows[$0]?.departedAt == nil } }

    /// The marked participants still here, in table order.
    var markedIDs: [String] { liveIDs.filter { marked.contains($0) } }

    /// Live participants in join order (the last snapshot, tombstones left out).
    var liveInOrder: [Participant] {
        rows.values.filter { $0.departedAt == nil }.sorted { $0.order < $1.order }.map(\.participant)
    }

    /// Live participants (not tombstones), for the header's counts.
    public var live: [Participant] { rows.values.filter { $0.departedAt == nil }.map(\.participant) }

    /// How deep this row is drawn under the one it coaches: 0 for none, 1 for a coach, 2 for a
    /// coach of a coach… (a loop of coaches stops where it would come round).
    public func coachDepth(_ row: RowState) -> Int {
        var depth = 0
        var current = row
        var seen: Set<String> = [row.callSid]
        while current.participant.coaching == true, let target = current.participant.callSidToCoach,
              let coached = rows[target], seen.insert(target).inserted {
            depth += 1
            current = coached
        }
        return depth
    }

    /// What `/` matches: the label, the SID, the call's caller name, and the other party's number by
    /// its digits alone (`415 867`, `(415) 867-5309` and `+1415867` all find +14158675309).
    static func matches(_ row: RowState, _ needle: String) -> Bool {
        if row.callSid.lowercased().contains(needle) || (row.participant.label?.lowercased().contains(needle) ?? false) { return true }
        guard let call = row.call else { return false }
        if call.callerName?.lowercased().contains(needle) ?? false { return true }
        let digits = needle.filter(\.isASCII).filter(\.isNumber)
        guard !digits.isEmpty, needle.allSatisfy({ $0.isNumber || "+()-. ".contains($0) }), let number = call.otherParty else { return false }
        return number.filter(\.isNumber).contains(digits)
    }

    /// Moves each coach right under the participant it coaches (the view indents it there).
    func coachesUnderCoached(_ ids: [String]) -> [String] {
        var coachesOf: [String: [String]] = [:]
        var present: Set<String>?
        for sid in ids {
            guard let row = rows[sid], row.participant.coaching == true, let target = row.participant.callSidToCoach,
                  target != sid, rows[target] != nil else { continue }
            if present == nil { present = Set(ids) }
            if present!.contains(target) { coachesOf[target, default: []].append(sid) }
        }
        guard !coachesOf.isEmpty else { return ids }
        let moving = Set(coachesOf.values.joined())
        var result: [String] = []
        result.reserveCapacity(ids.count)
        var placed = Set<String>()
        func place(_ sid: String) {
            guard placed.insert(sid).inserted else { return }
            result.append(sid)
            for coach in coachesOf[sid] ?? [] { place(coach) }
        }
        for sid in ids where !moving.contains(sid) { place(sid) }
        // Coaches in a loop (A coaches B, B coaches A) keep their own places at the end.
        for sid in ids where !placed.contains(sid) { place(sid) }
        return result
    }
}

/// Which participant is selected, and where the table is scrolled to.
public struct Selection: Sendable, Hashable {
    /// The selected participant's CallSid; nil while no row is shown.
    public internal(set) var id: String?
    /// The participant the supervisor last chose. A filter that hides it moves the highlight to a
    /// neighbour, and when the participant is shown again the highlight goes back to it.
    public internal(set) var anchor: String?
    /// Index the selection had, to land nearby when its row goes away.
    public internal(set) var index = 0
    public internal(set) var scrollTop = 0
    /// The table's order before a list filter emptied it, to land next to the anchor if the filter hides it.
    var formerOrder: [String] = []
}
