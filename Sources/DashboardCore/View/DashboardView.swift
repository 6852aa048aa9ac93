import Foundation
import TwilioModels

/// Draws the state into a canvas of the state's size: header, table, event log, footer, overlay.
public enum DashboardView {
    /// `cache` keeps each participant's drawn row between frames, so a poll that changed one
    /// participant lays out one row, and the last frame, so a tick that changed nothing but the
    /// time redraws only the title's poll text and the rows' ages.
    public static func render(_ state: DashboardState, cache: FrameCache? = nil) -> Canvas {
        let layout = state.layout
        let noteShown = state.events.note.map { $0.until > state.now } ?? false
        if let cache, !layout.tooSmall, var canvas = cache.reusable(for: state, noteShown: noteShown) {
            let title = pollText(state)
            if cache.title.map({ $0.text != title.text || $0.role != title.role }) ?? true { drawTitle(state, &canvas) }
            if let next = cache.agesChange.min(), state.now >= next {
                cache.agesChange = drawRows(state, layout, cache.columns, cache.rows, due: cache.agesChange, &canvas)
            }
            cache.remember(canvas, state: state, noteShown: noteShown, title: title, reused: true)
            return canvas
        }
        var canvas = Canvas(width: layout.width, height: layout.height)
        if layout.tooSmall {
            drawTooSmall(&canvas)
            return canvas
        }
        drawHeader(state, &canvas)
        let (columns, agesChange) = drawTable(state, layout, cache?.rows, &canvas)
        drawLog(state, layout, &canvas)
        drawFooter(state, layout, &canvas)
        state.box?.draw(state, &canvas)
        if let cache {
            cache.columns = columns
            cache.agesChange = agesChange
            cache.remember(canvas, state: state, noteShown: noteShown, title: pollText(state), reused: false)
        }
        return canvas
    }

    static func drawTooSmall(_ canvas: inout Canvas) {
        let lines = ["terminal too small: \(canvas.width)×\(canvas.height)",
                     "confwatch needs \(DashboardLayout.minimumWidth)×\(DashboardLayout.minimumHeight)", "enlarge it, or press q"]
        for (i, line) in lines.enumerated() {
            let row = canvas.height / 2 - 1 + i
            let w = min(DisplayWidth.of(line), canvas.width)
            canvas.put(line, row: row, column: max(0, (canvas.width - w) / 2), style: CellStyle(i == 0 ? .warning : .normal))
        }
    }

    // MARK: Header

    static func drawHeader(_ state: DashboardState, _ canvas: inout Canvas) {
        drawTitle(state, &canvas)
        // Without an event log (short screens) the STALE reason takes the second line: it must show somewhere.
        if state.layout.logTitleRow == nil, let error = state.poll.lastError ?? haltText(state.poll.halted) {
            canvas.fill(row: 1, style: CellStyle(.stale))
            canvas.put(" STALE: \(error)", row: 1, column: 0, style: CellStyle(.stale))
            return
        }
        drawSummary(state, &canvas)
    }

    /// The first line: the conference, its status, whether it is recorded, and how polling goes.
    static func drawTitle(_ state: DashboardState, _ canvas: inout Canvas) {
        let title = CellStyle(.title)
        canvas.fill(row: 0, style: title)
        var left = " confwatch"
        if let conference = state.conference {
            let sid = canvas.width >= 110 ? conference.sid : String(conference.sid.prefix(6)) + "…" + String(conference.sid.suffix(4))
            // Once polling found the conference gone, its last known status would be a lie.
            let status = if case .conferenceEnded? = state.poll.halted { "ended" } else { conference.status?.rawValue ?? "" }
            left += "  \(conference.friendlyName)  \(sid)  \(status)"
        } else {
            left += "  no conference"
        }
        let right = pollText(state)
        let room = max(10, canvas.width - DisplayWidth.of(right.text) - 2)
        var x = canvas.put(left, row: 0, column: 0, style: title, limit: room)
        let badges: [(String, Role)] = [
            state.recording.active.map { $0.status == .paused ? ("❚❚ REC paused", Role.warning) : ("● REC", Role.failed) },
            state.settings.readOnly ? ("READ-ONLY", Role.title) : nil,
        ].compactMap { $0 }
        for (badge, role) in badges where x + 2 + DisplayWidth.of(badge) <= room {
            x += 2
            x += canvas.put(badge, row: 0, column: x, style: CellStyle(role))
        }
        canvas.putRight(right.text + " ", row: 0, style: right.role)
    }

    /// The second line: what the supervisor is doing (a bulk action, marks), the counts, the view.
    static func drawSummary(_ state: DashboardState, _ canvas: inout Canvas) {
        var doing: [String] = []
        if let batch = state.actions.batches.values.first {
            doing.append("\(batch.verb): \(batch.done + batch.failed.count)/\(batch.total)\(batch.failed.isEmpty ? "" : " (\(batch.failed.count) failed)")")
        }
        if !state.table.marked.isEmpty { doing.append("\(state.table.marked.count) marked") }
        var column = 1
        if !doing.isEmpty {
            let text = doing.joined(separator: " · ") + " · "
            canvas.put(text, row: 1, column: column, style: CellStyle(.pending), limit: max(0, canvas.width - column))
            column += DisplayWidth.of(text)
        }
        let counts = countsText(state)
        // The counts come before the view (filter, sort, search, rows shown), which gives way when room runs out.
        let room = canvas.width - column - DisplayWidth.of(counts) - 2
        let shown = viewTexts(state).first { !$0.isEmpty && DisplayWidth.of($0) + 1 <= room }
        canvas.put(counts, row: 1, column: column, style: CellStyle(.normal), limit: max(0, canvas.width - column))
        if let shown { canvas.putRight(shown + " ", row: 1, style: CellStyle(.dim)) }
    }

    /// "9 participants · 3 muted · …"; under a list filter, how many it shows of the whole conference,
    /// whose counts stay (once read): "3 shown (muted) of 9 · 5 muted · …".
    static func countsText(_ state: DashboardState) -> String {
        let filter = state.table.listFilter
        let shown = ConferenceCounts(state.table.rows.values.lazy.filter { $0.departedAt == nil }.map(\.participant))
        let c = filter == .all ? shown : state.table.totals ?? shown
        let who = if filter == .all {
            "\(c.live) participant\(c.live == 1 ? "" : "s")"
        } else {
            "\(shown.live) shown (\(filter.rawValue))" + (state.table.totals.map { " of \($0.live)" } ?? "")
        }
        return "\(who) · \(c.muted) muted · \(c.held) held · \(c.coaching) coaching" + (c.ringing > 0 ? " · \(c.ringing) ringing" : "")
    }

    /// The view's description, longest first: filter, sort (↓ when turned around), search; and on
    /// screens with no event line, which rows show.
    static func viewTexts(_ state: DashboardState) -> [String] {
        let t = state.table
        let sort = "sort: \(t.sort.rawValue) \(t.sortInverted ? "↓" : "↑")"
        var long = "filter: \(t.listFilter.rawValue) · \(sort)"
        if !t.textFilter.isEmpty { long += " · /\(t.textFilter)" }
        let short = [t.listFilter == .all ? "" : "filter: \(t.listFilter.rawValue)", t.textFilter.isEmpty ? "" : "/" + t.textFilter]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        guard state.layout.logTitleRow == nil, let position = rowPosition(state) else { return [long, short] }
        return [position + " · " + long, short.isEmpty ? position : position + " · " + short, position]
    }

    /// The header's right side: interval, latency and age, or STALE with how long.
    static func pollText(_ state: DashboardState) -> (text: String, role: CellStyle) {
        let interval = state.settings.interval
        let every = interval == interval.rounded() ? "\(Int(interval))s" : String(format: "%.2gs", interval)
        if let halt = state.poll.halted {
            let since = state.poll.lastSuccess.map { " · data \(TimeText.duration(state.now.timeIntervalSince($0))) old" } ?? ""
            switch halt {
            case .unauthorized: return ("STALE · polling stopped: credentials refused\(since)", CellStyle(.stale))
            case .conferenceEnded: return ("ENDED · polling stopped\(since)", CellStyle(.stale))
            }
        }
        // A poll out longer than it should be: how long the data is old, and how long it has been waited for.
        let waiting = state.poll.waitingSince(now: state.now, interval: interval).map {
            // To the nearest second: it is shown from half a second on, never as "0s".
            "waiting \(TimeText.duration(state.now.timeIntervalSince($0).rounded())) for an answer"
        }
        let age = state.poll.lastSuccess.map { TimeText.duration(state.now.timeIntervalSince($0)) } ?? "no data"
        if state.poll.lastError != nil {
            let retry = waiting.map { " · \($0)" }
                ?? state.poll.nextAttempt.map { " · retry in \(TimeText.duration(max(0, $0.timeIntervalSince(state.now)).rounded(.up)))" } ?? ""
            return ("STALE \(age) · \(state.poll.failures) failed\(retry)", CellStyle(.stale))
        }
        if let waiting, state.poll.lastSuccess != nil { return ("STALE \(age) · \(waiting)", CellStyle(.stale)) }
        guard let last = state.poll.lastSuccess else { return ("every \(every) · \(waiting ?? "waiting for the first poll")", CellStyle(.title)) }
        let latency = state.poll.lastLatency.map { " · \(TimeText.latency($0))" } ?? ""
        return ("every \(every)\(latency) · \(TimeText.duration(state.now.timeIntervalSince(last))) ago", CellStyle(.title))
    }

    // MARK: Table

    /// The headings and the rows; returns the columns drawn, and when an age in view changes next.
    static func drawTable(
        _ state: DashboardState, _ layout: DashboardLayout, _ cache: RowCache?, _ canvas: inout Canvas
    ) -> (columns: [(column: TableColumn, width: Int)], agesChange: [Date]) {
        // COACHING gives its room to the name while nobody is (or just stopped) coaching; NUMBER
        // shows once someone's number is known.
        let rows = state.table.rows.values
        let coaching = rows.contains { $0.participant.coaching == true || $0.marks[.coaching] != nil }
        let columns = TableColumn.fit(width: canvas.width, coaching: coaching, numbers: rows.contains { $0.number != nil })
        // Every column shown has its heading (the row position goes on the events line).
        var x = 0
        for (column, width) in columns {
            canvas.put(column.title, row: 2, column: x, style: CellStyle(.heading), limit: width)
            x += width + 1
        }
        guard !state.table.orderedIDs.isEmpty else {
            let message: String
            if state.conferenceSid == nil { message = "No conference chosen — press c to pick one" }
            else if !state.table.haveBaseline { message = state.poll.lastError.map { "no data yet: \($0)" } ?? "loading participants…" }
            else if !state.table.textFilter.isEmpty { message = "nobody matches /\(state.table.textFilter)" }
            else if state.table.listFilter != .all { message = "nobody is \(state.table.listFilter.rawValue) — f changes the filter" }
            else { message = "nobody is in the conference" }
            if layout.tableRows > 1 { canvas.put("  " + message, row: layout.tableTop + 1, column: 0, style: CellStyle(.dim)) }
            return (columns, [])
        }
        return (columns, drawRows(state, layout, columns, cache, &canvas))
    }

    /// The rows in view, each from the cache when nothing it shows has changed; returns when an
    /// age on each line changes next. With `due` (those times, from the last frame of the same
    /// rows), only the lines whose time has come are drawn again.
    @discardableResult
    static func drawRows(
        _ state: DashboardState, _ layout: DashboardLayout, _ columns: [(column: TableColumn, width: Int)], _ cache: RowCache?,
        due: [Date]? = nil, _ canvas: inout Canvas
    ) -> [Date] {
        let window = state.table.orderedIDs.dropFirst(firstRow(state)).prefix(layout.tableRows)
        var agesChange = due ?? Array(repeating: .distantFuture, count: window.count)
        guard !window.isEmpty else { return agesChange }
        let top = layout.tableTop
        // Lines drawn again for their ages belong to the last frame: the row cache counts frames.
        if due == nil { cache?.beginFrame(columns: columns) }
        for (offset, sid) in window.enumerated() {
            if let due, offset < due.count, state.now < due[offset] { continue }
            guard let row = state.table.rows[sid] else { continue }
            let y = top + offset
            if let cache {
                cache.draw(row, columns: columns, state: state, at: y, into: &canvas)
            } else {
                drawRow(row, columns: columns, state: state, at: y, into: &canvas)
            }
            if row.callSid == state.table.selection.id { canvas.select(row: y) }
            if offset < agesChange.count { agesChange[offset] = TableColumn.agesChange(for: row, now: state.now) }
        }
        if due == nil { cache?.endFrame() }
        return agesChange
    }

    /// The first row the table shows.
    static func firstRow(_ state: DashboardState) -> Int {
        min(state.table.selection.scrollTop, max(0, state.table.orderedIDs.count - state.layout.tableRows))
    }

    /// Which rows show when not all do: "1–15 of 60".
    static func rowPosition(_ state: DashboardState) -> String? {
        let count = state.table.orderedIDs.count, rows = state.layout.tableRows
        guard count > rows else { return nil }
        let start = firstRow(state)
        return "\(start + 1)–\(min(count, start + rows)) of \(count)"
    }

    static func drawRow(_ row: RowState, columns: [(column: TableColumn, width: Int)], state: DashboardState, at y: Int, into canvas: inout Canvas) {
        // A status change too long for a narrow STATUS column is told in LAST CHANGE instead.
        let statusTold = row.marks[.status] == nil || columns.contains { $0.column == .status && $0.width >= TableColumn.wideStatus }
        var x = 0
        for (column, width) in columns {
            var cell = column.cell(for: row, state: state, width: width)
            if column == .lastChange, !statusTold, row.action == nil, row.departedAt == nil, let mark = row.marks[.status] {
                let was = "was \(mark.old.text)"
                let long = was + " · " + cell.text
                cell = TableCell(text: DisplayWidth.of(long) <= width ? long : was, role: .changed)
            }
            canvas.put(cell.text, row: y, column: x, style: CellStyle(cell.role), limit: width)
            x += width + 1
        }
    }

    // MARK: Log and footer

    static func drawLog(_ state: DashboardState, _ layout: DashboardLayout, _ canvas: inout Canvas) {
        guard let titleRow = layout.logTitleRow else { return }
        if let error = state.poll.lastError ?? haltText(state.poll.halted) {
            canvas.fill(row: titleRow, style: CellStyle(.stale))
            canvas.put(" STALE: \(error)", row: titleRow, column: 0, style: CellStyle(.stale))
        } else {
            canvas.put("─ events " + String(repeating: "─", count: max(0, canvas.width - 9)), row: titleRow, column: 0, style: CellStyle(.dim))
        }
        if let position = rowPosition(state) { canvas.putRight(" \(position) ", row: titleRow, style: CellStyle(.heading), rightEdge: canvas.width - 1) }
        // The selected row's failed action, whole (its cell may be too narrow for the reason), first;
        // then the newest entries, each wrapped under its text so no message is cut; the oldest
        // shown entry may lose its first lines when the pane is full.
        let textWidth = max(10, canvas.width - 10)
        let result = selectedResult(state).map { DisplayWidth.wrap($0, width: textWidth) } ?? []
        for (i, line) in result.prefix(layout.logLines).enumerated() {
            canvas.put(i == 0 ? " selected " : "", row: titleRow + 1 + i, column: 0, style: CellStyle(.dim))
            canvas.put(line, row: titleRow + 1 + i, column: 10, style: CellStyle(.failed), limit: textWidth)
        }
        let room = max(0, layout.logLines - result.count)
        var lines: [(clock: String, text: String, role: Role)] = []
        for entry in state.events.latest(room).reversed() where lines.count < room {
            let role = entry.kind.role
            let clock = TimeText.clock(entry.time, utcOffset: state.settings.utcOffset)
            let wrapped = DisplayWidth.wrap(entry.text, width: textWidth)
            lines.insert(contentsOf: wrapped.enumerated().map { ($0.offset == 0 ? clock : "", $0.element, role) }, at: 0)
        }
        let top = titleRow + 1 + min(result.count, layout.logLines)
        for (i, line) in lines.suffix(room).enumerated() {
            if !line.clock.isEmpty { canvas.put(" \(line.clock) ", row: top + i, column: 0, style: CellStyle(.dim)) }
            canvas.put(line.text, row: top + i, column: 10, style: CellStyle(line.role), limit: textWidth)
        }
    }

    /// The selected participant's failed action, or how their unanswered call ended, told whole
    /// (its cell may be too narrow): "alice: ✗ unmute: no answer within 10 s", "guest: ✗ busy".
    static func selectedResult(_ state: DashboardState) -> String? {
        guard let row = state.selectedRow else { return nil }
        if let action = row.action, case .failed(let reason, _) = action.phase { return "\(row.name): ✗ \(action.verb): \(reason)" }
        return row.outcome.map { "\(row.name): ✗ \($0)" }
    }

    static func haltText(_ halt: PollHalt?) -> String? {
        switch halt {
        case .unauthorized(let message)?: "\(message) — fix the credentials and restart"
        case .conferenceEnded(let message)?: "the conference is gone (\(message)) — press c to choose another"
        case nil: nil
        }
    }

    static func drawFooter(_ state: DashboardState, _ layout: DashboardLayout, _ canvas: inout Canvas) {
        let row = layout.footerRow
        // Help and quit always show, at the end; the others by rank as room allows.
        let entries = state.settings.keyTable.footerEntries
        func need(_ entry: (key: KeyChord, command: Command)) -> Int { DisplayWidth.of(entry.key.label) + 1 + DisplayWidth.of(entry.command.footerWord) + 2 }
        let pinned = entries.filter { $0.command == .help || $0.command == .quit }
        let reserved = pinned.map(need).reduce(0, +)
        var shown: [(key: KeyChord, command: Command)] = []
        var used = 0
        for entry in entries where entry.command != .help && entry.command != .quit {
            guard used + need(entry) + reserved <= canvas.width else { break }
            shown.append(entry)
            used += need(entry)
        }
        var x = 0
        if let note = state.events.note, note.until > state.now {
            // A note (a refused key, a file written) takes the hints' place for a few seconds.
            let room = canvas.width - reserved
            x = canvas.put(note.text + "  ", row: row, column: 0, style: CellStyle(.warning), limit: room)
            shown = []
        }
        for entry in shown + pinned {
            x += canvas.put(entry.key.label, row: row, column: x, style: CellStyle(.key))
            x += canvas.put(" " + entry.command.footerWord + "  ", row: row, column: x, style: CellStyle(.dim))
        }
    }
}

extension EventKind {
    /// The colour of its lines.
    var role: Role {
        switch self {
        case .joined: .joined
        case .left: .left
        case .changed: .changed
        case .action: .pending
        case .done, .recovery: .done
        case .failed, .fault: .failed
        case .warning: .warning
        case .info: .normal
        case .view: .dim
        }
    }
}
