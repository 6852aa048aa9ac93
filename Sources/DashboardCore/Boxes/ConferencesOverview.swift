import Foundation
import TwilioModels

/// The conferences overview (`c`, or at start without CONFERENCE): every conference in progress with
/// its participant, muted and held counts, refreshed every 3 s while open; Enter watches one.
public struct ConferencesOverview: Box {
    public var conferences: [ConferenceSummary] = []
    public var selection = 0
    public var loading = true
    public var error: String?
    /// When the counts were last loaded.
    public var loadedAt: Date?

    public init() {}

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) || key.name == "q" { return .close }
        if key == .down || command == .moveDown {
            selection = min(selection + 1, max(0, conferences.count - 1))
        } else if key == .up || command == .moveUp {
            selection = max(0, selection - 1)
        } else if key.name == "r" || command == .refresh {
            self = ConferencesOverview()
            return .stay([.loadConferences])
        } else if key == .enter, conferences.indices.contains(selection) {
            return .close(Reducer.switchTo(conferences[selection].conference, &state))
        }
        return .stay
    }

    public mutating func receive(_ message: Message, _ state: inout DashboardState) -> BoxOutcome {
        switch message {
        case .tick:
            guard !loading, let loadedAt, state.now.timeIntervalSince(loadedAt) >= 3 else { return .stay }
            loading = true
            return .stay([.loadConferences])
        case .conferencesLoaded(let list):
            // A refresh keeps the highlight on the same conference; the first load starts on the one watched.
            let wanted = loadedAt == nil ? state.conferenceSid : conferences.indices.contains(selection) ? conferences[selection].conference.sid : nil
            conferences = list
            loading = false
            error = nil
            loadedAt = state.now
            if let wanted, let index = list.firstIndex(where: { $0.conference.sid == wanted }) { selection = index }
            selection = min(selection, max(0, list.count - 1))
        case .conferencesFailed(let reason):
            loading = false
            error = reason
            loadedAt = state.now
        default:
            break
        }
        return .stay
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        // An error is told whole, wrapped inside the box.
        let problem = error.map { conferences.isEmpty ? "could not list conferences: \($0)" : "refresh failed, counts may be old: \($0)" }
        let errorLines = BoxFrame.wrap(problem, boxWidth: 84, on: state.layout)
        let rows = max(3, min(conferences.count, state.layout.height - 10 - max(0, errorLines.count - 1)))
        let inner = BoxFrame(width: 84, height: rows + 5 + max(1, errorLines.count), on: state.layout).draw(title: "Conferences in progress", &canvas)
        canvas.put("FRIENDLY NAME", row: inner.row, column: inner.column, style: CellStyle(.heading))
        canvas.put("STATUS       PEOPLE  MUTED  HELD  SID", row: inner.row, column: inner.column + 28, style: CellStyle(.heading), limit: max(0, inner.width - 28))
        if loading && loadedAt == nil {
            canvas.put("loading conferences in progress…", row: inner.row + 2, column: inner.column, style: CellStyle(.pending))
        } else if conferences.isEmpty && error == nil {
            canvas.put("no conference is in progress (r reloads)", row: inner.row + 2, column: inner.column, style: CellStyle(.dim))
        }
        let first = max(0, min(selection - rows + 1, conferences.count - rows))
        for (i, summary) in conferences.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.row + 1 + i
            draw(summary, watched: summary.conference.sid == state.conferenceSid, row: y, inner, &canvas)
            if first + i == selection { canvas.selectRange(row: y, from: inner.column - 1, to: inner.column + inner.width + 1) }
        }
        if errorLines.isEmpty {
            canvas.putHint("↑↓ choose · Enter watches · Esc goes back · live every 3 s", in: inner)
        } else {
            canvas.putError(errorLines, row: inner.row + inner.height - errorLines.count, column: inner.column)
        }
    }

    func draw(_ summary: ConferenceSummary, watched: Bool, row y: Int, _ inner: BoxFrame.Inner, _ canvas: inout Canvas) {
        let c = summary.conference
        func count(_ n: Int?) -> String { n.map(String.init) ?? "?" }
        canvas.put(c.friendlyName, row: y, column: inner.column, style: CellStyle(watched ? .heading : .normal), limit: 27)
        let numbers = (c.status?.rawValue ?? "-").padding(toLength: 12, withPad: " ", startingAt: 0) + " "
            + count(summary.participants).leftPadded(6) + " " + count(summary.muted).leftPadded(6) + " " + count(summary.held).leftPadded(5) + "  " + c.sid
        canvas.put(numbers, row: y, column: inner.column + 28, style: CellStyle(.normal), limit: max(0, inner.width - 28))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
