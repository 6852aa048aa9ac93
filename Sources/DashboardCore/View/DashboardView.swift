import Foundation
import TwilioModels

/// Draws the state into a canvas of the state's size: header, table, event log, footer, overlay.
public enum DashboardView {
    /// `cache` keeps each participant's drawn row between frames, so a poll that changed one
    /// participant lays out one row.
    public static func render(_ state: DashboardState, cache: RowCache? = nil) -> Canvas {
        var canvas = Canvas(width: state.layout.width, height: state.layout.height)
        let layout = state.layout
        if layout.tooSmall {
            drawTooSmall(&canvas)
            return canvas
        }
        drawHeader(state, &canvas)
        drawTable(state, layout, cache, &canvas)
        drawLog(state, layout, &canvas)
        drawFooter(state, layout, &canvas)
        state.box?.draw(state, &canvas)
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
        let title = CellStyle(.title)
        canvas.fill(row: 0, style: title)
        var left = " confwatch"
        if let conference = state.conference {
            let sid = canvas.width >= 110 ? conference.sid : String(conference.sid.prefix(6)) + "…" + String(conference.sid.suffix(4))
            // Once polling found the conference gone, its last known status would be a lie.
            let status = if case .conferenceEnded? = state.poll.halted { "ended" } else { conference.status?.rawValue ?? "" }
            left += "  \(conference.friendlyName)  \(sid)  \(status)"
        } else if let sid = state.conferenceSid {
            left += "  \(sid)"
        } else {
            left += "  no conference"
        }
        if state.settings.readOnly { left += "  READ-ONLY" }
        let right = pollText(state)
        let rightWidth = DisplayWidth.of(right.text) + 1
        canvas.put(left, row: 0, column: 0, style: title, limit: max(10, canvas.width - rightWidth - 1))
        canvas.putRight(right.text + " ", row: 0, style: right.role)

        // Without an event log (short screens) the STALE reason takes the second line: it must show somewhere.
        if state.layout.logTitleRow == nil,
           let error = state.poll.lastError ?? haltText(state.poll.halted) {
            canvas.fill(row: 1, style: CellStyle(.stale))
            canvas.put(" STALE: \(error)", row: 1, column: 0, style: CellStyle(.stale))
            return
        }
        let c = HeaderCounts(state)
        // Under a list filter the rows are only those the server matched, so say so.
        let who = state.table.listFilter == .all ? "participant\(c.live == 1 ? "" : "s")" : "shown (\(state.table.listFilter.rawValue))"
        var counts = "\(c.live) \(who) · \(c.muted) muted · \(c.held) held · \(c.coaching) coaching"
        if c.ringing > 0 { counts += " · \(c.ringing) ringing" }
        // A bulk action in flight and the marks come first: they are what the supervisor is doing now.
        var doing: [String] = []
        if let batch = state.actions.batches.values.first {
            doing.append("\(batch.verb): \(batch.done + batch.failed.count)/\(batch.total)\(batch.failed.isEmpty ? "" : " (\(batch.failed.count) failed)")")
        }
        if !state.table.marked.isEmpty { doing.append("\(state.table.marked.count) marked") }
        var view = "filter: \(state.table.listFilter.rawValue) · sort: \(state.table.sort.rawValue)"
        if !state.table.textFilter.isEmpty { view += " · /\(state.table.textFilter)" }
        var column = 1
        if !doing.isEmpty {
            let text = doing.joined(separator: " · ") + " · "
            canvas.put(text, row: 1, column: column, style: CellStyle(.pending), limit: max(0, canvas.width - column))
            column += DisplayWidth.of(text)
        }
        // The counts come before the filter and sort, which give way (short form, then none) when room runs out.
        let countsWidth = DisplayWidth.of(counts)
        let short = [state.table.listFilter == .all ? "" : "filter: \(state.table.listFilter.rawValue)", state.table.textFilter.isEmpty ? "" : "/" + state.table.textFilter]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        let room = canvas.width - column - countsWidth - 2
        let shown = [view, short].first { !$0.isEmpty && DisplayWidth.of($0) + 1 <= room }
        canvas.put(counts, row: 1, column: column, style: CellStyle(.normal), limit: max(0, canvas.width - column))
        if let shown { canvas.putRight(shown + " ", row: 1, style: CellStyle(.dim)) }
    }

    /// The header's counts, in one pass over the rows.
    struct HeaderCounts {
        var live = 0, muted = 0, held = 0, coaching = 0, ringing = 0

        init(_ state: DashboardState) {
            for row in state.table.rows.values where row.departedAt == nil {
                let p = row.participant
                live += 1
                if p.muted { muted += 1 }
                if p.hold { held += 1 }
                if p.coaching == true { coaching += 1 }
                if p.status == .queued || p.status == .connecting || p.status == .ringing { ringing += 1 }
            }
        }
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
        if state.poll.lastError != nil {
            let age = state.poll.lastSuccess.map { TimeText.duration(state.now.timeIntervalSince($0)) } ?? "no data"
            let retry = state.poll.nextAttempt.map { " · retry in \(TimeText.duration(max(0, $0.timeIntervalSince(state.now)).rounded(.up)))" } ?? ""
            return ("STALE \(age) · \(state.poll.failures) failed\(retry)", CellStyle(.stale))
        }
        guard let last = state.poll.lastSuccess else { return ("every \(every) · waiting for the first poll", CellStyle(.title)) }
        let latency = state.poll.lastLatency.map { " · \(TimeText.latency($0))" } ?? ""
        return ("every \(every)\(latency) · \(TimeText.duration(state.now.timeIntervalSince(last))) ago", CellStyle(.title))
    }

    // MARK: Table

    static func drawTable(_ state: DashboardState, _ layout: DashboardLayout, _ cache: RowCache?, _ canvas: inout Canvas) {
        let columns = TableColumn.fit(width: canvas.width)
        let rows = state.table.orderedIDs
        let start = min(state.table.selection.scrollTop, max(0, rows.count - layout.tableRows))
        // Which rows show, when not all do: at the heading's right end, where a title that would run
        // into it is left out rather than cut.
        let position = rows.count > layout.tableRows ? " \(start + 1)–\(min(rows.count, start + layout.tableRows)) of \(rows.count) " : ""
        let titlesEnd = canvas.width - DisplayWidth.of(position)
        var x = 0
        for (column, width) in columns {
            let title = column.title
            if x + DisplayWidth.of(title) <= titlesEnd {
                canvas.put(title, row: 2, column: x, style: CellStyle(.heading), limit: width)
            }
            x += width + 1
        }
        if !position.isEmpty { canvas.putRight(position, row: 2, style: CellStyle(.heading)) }
        let top = layout.tableTop
        guard !rows.isEmpty else {
            let message: String
            if state.conferenceSid == nil { message = "No conference chosen — press c to pick one" }
            else if !state.table.haveBaseline { message = state.poll.lastError.map { "no data yet: \($0)" } ?? "loading participants…" }
            else if !state.table.textFilter.isEmpty { message = "nobody matches /\(state.table.textFilter)" }
            else if state.table.listFilter != .all { message = "nobody is \(state.table.listFilter.rawValue) — f changes the filter" }
            else { message = "nobody is in the conference" }
            if layout.tableRows > 1 { canvas.put("  " + message, row: top + 1, column: 0, style: CellStyle(.dim)) }
            return
        }
        cache?.beginFrame(columns: columns)
        for (offset, sid) in rows.dropFirst(start).prefix(layout.tableRows).enumerated() {
            guard let row = state.table.rows[sid] else { continue }
            let y = top + offset
            if let cache {
                cache.draw(row, columns: columns, state: state, at: y, into: &canvas)
            } else {
                drawRow(row, columns: columns, state: state, at: y, into: &canvas)
            }
            if row.callSid == state.table.selection.id { canvas.select(row: y) }
        }
        cache?.endFrame()
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
        // The newest entries, each wrapped under its text so no message is cut; the oldest shown
        // entry may lose its first lines when the pane is full.
        var lines: [(clock: String, text: String, role: Role)] = []
        let textWidth = max(10, canvas.width - 10)
        for entry in state.events.entries.suffix(layout.logLines).reversed() where lines.count < layout.logLines {
            let role: Role = switch entry.kind {
            case .joined: .joined
            case .left: .left
            case .changed: .changed
            case .action: .pending
            case .done: .done
            case .failed: .failed
            case .warning: .warning
            case .info: .normal
            }
            let clock = TimeText.clock(entry.time, utcOffset: state.settings.utcOffset)
            let wrapped = DisplayWidth.wrap(entry.text, width: textWidth)
            lines.insert(contentsOf: wrapped.enumerated().map { ($0.offset == 0 ? clock : "", $0.element, role) }, at: 0)
        }
        for (i, line) in lines.suffix(layout.logLines).enumerated() {
            if !line.clock.isEmpty { canvas.put(" \(line.clock) ", row: titleRow + 1 + i, column: 0, style: CellStyle(.dim)) }
            canvas.put(line.text, row: titleRow + 1 + i, column: 10, style: CellStyle(line.role), limit: textWidth)
        }
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
        for entry in shown + pinned {
            x += canvas.put(entry.key.label, row: row, column: x, style: CellStyle(.key))
            x += canvas.put(" " + entry.command.footerWord + "  ", row: row, column: x, style: CellStyle(.dim))
        }
    }
}
