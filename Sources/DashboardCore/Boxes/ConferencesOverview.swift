import Foundation
import TwilioModels

/// The conferences overview (`c`, or at start without CONFERENCE): every conference in progress with
/// its participant, muted and held counts; Enter watches one.
///
/// Its load is bounded however many conferences there are: the list is read every 3 s, and the
/// counts (one participant list each) only for the conferences on screen, each again once it is
/// 3 s old, staggered: at most `countsPerSecond` a second and `countsInFlight` at once.
public struct ConferencesOverview: Box {
    public var conferences: [ConferenceSummary] = []
    public var selection = 0
    public var loading = true
    public var error: String?
    /// When the list was last loaded.
    public var loadedAt: Date?
    /// Conferences whose counts were asked for and have not come back.
    var counting: Set<String> = []
    /// When each conference's counts last came back (or failed to).
    var countedAt: [String: Date] = [:]
    /// When the counts asked for in the last second were asked for.
    var asked: [Date] = []

    /// How often the list, and each count on screen, is read again.
    public static let refresh = 3.0
    /// The hard caps on the counts' requests.
    public static let countsPerSecond = 5
    public static let countsInFlight = 4

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
        // Moving may bring conferences on screen whose counts are not known yet.
        return .stay(askForCounts(state))
    }

    public mutating func receive(_ message: Message, _ state: inout DashboardState) -> BoxOutcome {
        var effects: [Effect] = []
        switch message {
        case .tick:
            if !loading, let loadedAt, state.now.timeIntervalSince(loadedAt) >= Self.refresh {
                loading = true
                effects.append(.loadConferences)
            }
        case .conferencesLoaded(let list):
            // A refresh keeps the highlight on the same conference; the first load starts on the one watched.
            let wanted = loadedAt == nil ? state.conferenceSid : conferences.indices.contains(selection) ? conferences[selection].conference.sid : nil
            // The list has no counts: each keeps the last it had until it is counted again.
            let known = Dictionary(conferences.map { ($0.conference.sid, $0) }, uniquingKeysWith: { a, _ in a })
            conferences = list.map { summary in
                guard summary.participants == nil, let old = known[summary.conference.sid] else { return summary }
                return ConferenceSummary(conference: summary.conference, participants: old.participants, muted: old.muted, held: old.held)
            }
            loading = false
            error = nil
            loadedAt = state.now
            if let wanted, let index = list.firstIndex(where: { $0.conference.sid == wanted }) { selection = index }
            selection = min(selection, max(0, list.count - 1))
        case .conferencesFailed(let reason):
            loading = false
            error = reason
            loadedAt = state.now
        case .overviewCounted(let sid, let counts):
            counting.remove(sid)
            countedAt[sid] = state.now
            // A failed count keeps the last one (the list's refresh says when the list itself fails).
            if let counts, let index = conferences.firstIndex(where: { $0.conference.sid == sid }) {
                conferences[index].participants = counts.live
                conferences[index].muted = counts.muted
                conferences[index].held = counts.held
            }
        default:
            break
        }
        return .stay(effects + askForCounts(state))
    }

    /// The counts to ask for now: those on screen never counted first, then the oldest once 3 s old,
    /// within the caps.
    mutating func askForCounts(_ state: DashboardState) -> [Effect] {
        let now = state.now
        asked.removeAll { now.timeIntervalSince($0) >= 1 || $0 > now }
        let room = min(Self.countsPerSecond - asked.count, Self.countsInFlight - counting.count)
        guard room > 0 else { return [] }
        let due = shown(state.layout).map { conferences[$0].conference.sid }.filter { sid in
            !counting.contains(sid) && countedAt[sid].map { now.timeIntervalSince($0) >= Self.refresh } ?? true
        }
        let next = due.sorted { (countedAt[$0] ?? .distantPast) < (countedAt[$1] ?? .distantPast) }.prefix(room)
        for sid in next {
            counting.insert(sid)
            asked.append(now)
        }
        return next.map { .countParticipants(conferenceSid: $0) }
    }

    /// The problem told under the list, if any, wrapped to the box.
    func errorLines(_ layout: DashboardLayout) -> [String] {
        let problem = error.map { conferences.isEmpty ? "could not list conferences: \($0)" : "refresh failed, counts may be old: \($0)" }
        return BoxFrame.wrap(problem, boxWidth: 84, on: layout)
    }

    /// How many conferences the box has rows for.
    func rows(_ layout: DashboardLayout) -> Int {
        max(3, min(conferences.count, layout.height - 10 - max(0, errorLines(layout).count - 1)))
    }

    /// The conferences on screen (indices into `conferences`): the page that holds the selection.
    func shown(_ layout: DashboardLayout) -> Range<Int> {
        let rows = rows(layout)
        let first = max(0, min(selection - rows + 1, conferences.count - rows))
        return first..<min(conferences.count, first + rows)
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        // An error is told whole, wrapped inside the box.
        let errorLines = errorLines(state.layout)
        let rows = rows(state.layout)
        let inner = BoxFrame(width: 84, height: rows + 5 + max(1, errorLines.count), on: state.layout).draw(title: "Conferences in progress", &canvas)
        canvas.put("FRIENDLY NAME", row: inner.row, column: inner.column, style: CellStyle(.heading))
        canvas.put("STATUS       PEOPLE  MUTED  HELD  SID", row: inner.row, column: inner.column + 28, style: CellStyle(.heading), limit: max(0, inner.width - 28))
        if loading && loadedAt == nil {
            canvas.put("loading conferences in progress…", row: inner.row + 2, column: inner.column, style: CellStyle(.pending))
        } else if conferences.isEmpty && error == nil {
            canvas.put("no conference is in progress (r reloads)", row: inner.row + 2, column: inner.column, style: CellStyle(.dim))
        }
        let first = shown(state.layout).lowerBound
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
