import Foundation
import TwilioModels

/// The participant table's columns. When the terminal is narrow the least important go first
/// (highest `dropOrder`), the participant's name never.
public enum TableColumn: CaseIterable, Sendable, Hashable {
    case gutter, name, number, status, muted, hold, coaching, inConference, flags, lastChange

    var title: String {
        switch self {
        case .gutter: ""
        case .name: "PARTICIPANT"
        case .number: "NUMBER"
        case .status: "STATUS"
        case .muted: "MUTED"
        case .hold: "HOLD"
        case .coaching: "COACHING"
        case .inConference: "IN CONF"
        case .lastChange: "LAST CHANGE"
        case .flags: "SE"
        }
    }

    var width: Int {
        switch self {
        case .gutter: 1
        case .name: 12
        case .number: 16
        case .status: 11
        case .muted: 6
        case .hold: 6
        case .coaching: 12
        case .inConference: 7
        case .lastChange: 14
        case .flags: 2
        }
    }

    /// Dropped first when space runs out; nil = never dropped.
    var dropOrder: Int? {
        switch self {
        case .gutter, .name, .status, .muted: nil
        case .hold: 2
        case .lastChange: 3
        case .coaching: 4
        case .inConference: 5
        case .flags: 6
        case .number: 7
        }
    }

    /// Room for the longest status change, "ringing→connected".
    static let wideStatus = 17

    /// The columns that fit in `width`, each with its width. All but NUMBER fit in 80 columns.
    /// COACHING is left out while nobody is coaching, NUMBER while no participant has one (columns
    /// that would stand empty). Spare room goes first to the status (so a change shows as old→new),
    /// then to the last change and the name; NUMBER only gets what is left after them.
    static func fit(width: Int, coaching: Bool = true, numbers: Bool = false) -> [(column: TableColumn, width: Int)] {
        var columns = TableColumn.allCases.filter { $0 != .number && (coaching || $0 != .coaching) }
        func total(_ list: [TableColumn]) -> Int { list.map(\.width).reduce(0, +) + list.count - 1 }
        while total(columns) > width, let drop = columns.filter({ $0.dropOrder != nil }).max(by: { $0.dropOrder! < $1.dropOrder! }) {
            columns.removeAll { $0 == drop }
        }
        var spare = max(0, width - total(columns))
        let statusExtra = spare >= wideStatus - TableColumn.status.width ? wideStatus - TableColumn.status.width : 0
        spare -= statusExtra
        // Then the name grows to hold a formatted number, LAST CHANGE to hold a failed action's reason,
        // the name again, then NUMBER comes in when there is room for it, and LAST CHANGE takes the rest.
        let hasLast = columns.contains(.lastChange)
        var nameExtra = min(spare, 4)
        let lastFirst = hasLast ? min(spare - nameExtra, 16) : 0
        nameExtra += hasLast ? min(spare - nameExtra - lastFirst, 22) : spare - nameExtra
        spare -= lastFirst + nameExtra
        if numbers, spare >= TableColumn.number.width + 1, let at = columns.firstIndex(of: .name) {
            columns.insert(.number, at: at + 1)
            spare -= TableColumn.number.width + 1
        }
        let lastExtra = lastFirst + spare
        return columns.map { column in
            switch column {
            case .status: (column, column.width + statusExtra)
            case .name: (column, column.width + nameExtra)
            case .lastChange: (column, column.width + lastExtra)
            default: (column, column.width)
            }
        }
    }
}

extension TableColumn {
    /// Changes exactly when the last-change cell's text does (its age part).
    static func lastChangeBucket(for row: RowState, now: Date) -> Int {
        if row.action != nil { return -2 }
        if let departed = row.departedAt { return TimeText.coarseBucket(now.timeIntervalSince(departed)) }
        guard let at = row.lastChangeAt ?? row.participant.dateUpdated else { return -1 }
        return TimeText.coarseBucket(now.timeIntervalSince(at))
    }

    /// When the row's ages (in conference, last change) next change their text.
    static func agesChange(for row: RowState, now: Date) -> Date {
        func end(_ since: Date?) -> Date {
            guard let since else { return .distantFuture }
            return since.addingTimeInterval(TimeText.coarseBucketEnd(now.timeIntervalSince(since)))
        }
        let lastChange = row.action != nil ? nil : row.departedAt ?? row.lastChangeAt ?? row.participant.dateUpdated
        return min(end(row.participant.dateCreated), end(lastChange))
    }
}

/// One drawn cell of the table.
struct TableCell {
    var text: String
    var role: Role
}

extension TableColumn {
    /// The cell of this column for a row.
    func cell(for row: RowState, state: DashboardState, width: Int) -> TableCell {
        let p = row.participant
        let departed = row.departedAt != nil
        /// A watched field: its value, or old→new while its change is highlighted (when that fits).
        func marked(_ field: ParticipantField, role: Role) -> TableCell {
            let current = field.value(of: p).text
            guard let mark = row.marks[field] else { return TableCell(text: current, role: role) }
            let both = "\(mark.old.text)→\(mark.new.text)"
            return TableCell(text: DisplayWidth.of(both) <= width ? both : current, role: .changed)
        }
        // A field the API sent that could not be read shows as "?" in the failure colour (the log says why).
        if let field = apiField, p.unreadable[field] != nil { return TableCell(text: "?", role: .failed) }
        switch self {
        case .gutter:
            return Self.gutter(row, state)
        case .name:
            var name = row.name
            let depth = state.table.coachDepth(row)
            if depth > 0 { name = String(repeating: "  ", count: depth - 1) + "└ " + name }
            if row.callSid == state.supervisor.callSid { name += " (you)" }
            if p.unreadable["label"] != nil { return TableCell(text: name + " ?", role: .failed) }
            let role: Role = departed ? .left : row.joinedAt != nil ? .joined : row.marks[.label] != nil ? .changed : .normal
            return TableCell(text: name, role: role)
        case .status:
            let role: Role = switch p.status {
            case .connected?: departed ? .left : .normal
            case .failed?: .failed
            case .queued?, .connecting?, .ringing?: .pending
            default: .dim
            }
            // How an unanswered call ended says more than its participant status (complete, failed).
            if row.outcome != nil { return TableCell(text: Self.ended(row), role: .failed) }
            return departed ? TableCell(text: "left", role: .left) : marked(.status, role: role)
        case .muted:
            return marked(.muted, role: p.muted ? .muted : .dim)
        case .hold:
            return marked(.hold, role: p.hold ? .held : .dim)
        case .coaching:
            guard p.coaching == true else { return TableCell(text: row.marks[.coaching] != nil ? "stopped" : "", role: .changed) }
            let whom = p.callSidToCoach.map { state.name(of: $0) } ?? "?"
            return TableCell(text: "→ " + whom, role: row.marks[.coaching] != nil || row.marks[.coachedCall] != nil ? .changed : .coaching)
        case .flags:
            let start = p.startConferenceOnEnter == true ? "S" : "·"
            let end = p.endConferenceOnExit == true ? "E" : "·"
            return TableCell(text: start + end, role: .dim)
        case .number:
            return TableCell(text: row.number ?? "", role: .dim)
        case .inConference:
            guard let joined = p.dateCreated else { return TableCell(text: "-", role: .dim) }
            return TableCell(text: TimeText.coarse(state.now.timeIntervalSince(joined)), role: .dim)
        case .lastChange:
            return Self.lastChange(row, state)
        }
    }

    /// The API field a column shows, for marking it unreadable.
    var apiField: String? {
        switch self {
        case .status: "status"
        case .muted: "muted"
        case .hold: "hold"
        case .coaching: "coaching"
        case .inConference: "date_created"
        default: nil
        }
    }

    /// How a call that never connected ended, in a word for STATUS: no-answer, busy, failed, refused.
    static func ended(_ row: RowState) -> String {
        if row.outcome?.hasPrefix("refused") == true { return "refused" }
        return row.call?.status?.rawValue ?? "ended"
    }

    /// The one-character gutter: gone, marked, the action's phase, new or changed.
    static func gutter(_ row: RowState, _ state: DashboardState) -> TableCell {
        if row.departedAt != nil { return TableCell(text: "-", role: .left) }
        if state.table.marked.contains(row.callSid) { return TableCell(text: "●", role: .key) }
        if let action = row.action {
            switch action.phase {
            case .pending: return TableCell(text: "…", role: .pending)
            case .failed: return TableCell(text: "✗", role: .failed)
            case .done: return TableCell(text: "✓", role: .done)
            }
        }
        if row.joinedAt != nil { return TableCell(text: "+", role: .joined) }
        if !row.marks.isEmpty { return TableCell(text: "*", role: .changed) }
        return TableCell(text: " ", role: .normal)
    }

    /// The supervisor's last action on the row and how it went, else how long ago it changed or left.
    static func lastChange(_ row: RowState, _ state: DashboardState) -> TableCell {
        if let action = row.action {
            switch action.phase {
            case .pending: return TableCell(text: "\(action.verb)…", role: .pending)
            case .done: return TableCell(text: "✓ \(action.verb)", role: .done)
            case .failed(let reason, _): return TableCell(text: "✗ \(action.verb): \(reason)", role: .failed)
            }
        }
        if let outcome = row.outcome { return TableCell(text: "✗ " + outcome, role: .failed) }
        if let departed = row.departedAt { return TableCell(text: "left \(TimeText.coarse(state.now.timeIntervalSince(departed))) ago", role: .left) }
        guard let changedAt = row.lastChangeAt ?? row.participant.dateUpdated else { return TableCell(text: "-", role: .dim) }
        return TableCell(text: TimeText.coarse(state.now.timeIntervalSince(changedAt)) + " ago", role: row.lastChangeAt != nil && !row.marks.isEmpty ? .changed : .dim)
    }
}
