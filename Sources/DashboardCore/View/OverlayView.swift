import Foundation
import TwilioConferences

/// Boxes drawn over the table: help, details, prompts, the dial-out form and the conference picker.
enum OverlayView {
    /// A framed box centred on the canvas; returns its inner origin and size.
    @discardableResult
    static func box(title: String, width: Int, height: Int, _ canvas: inout Canvas) -> (row: Int, column: Int, width: Int, height: Int) {
        let w = min(width, canvas.width - 2)
        let h = min(height, canvas.height - 2)
        let top = max(1, (canvas.height - h) / 2)
        let left = max(1, (canvas.width - w) / 2)
        let border = CellStyle(.box)
        for row in top..<(top + h) {
            canvas.fill(row: row, from: left, to: left + w, style: border)
            canvas.put("│", row: row, column: left, style: border)
            canvas.put("│", row: row, column: left + w - 1, style: border)
        }
        canvas.put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", row: top, column: left, style: border)
        canvas.put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", row: top + h - 1, column: left, style: border)
        canvas.put(" \(title) ", row: top, column: left + 2, style: CellStyle(.boxTitle), limit: max(0, w - 4))
        return (top + 1, left + 2, max(0, w - 4), max(0, h - 2))
    }

    static func draw(_ overlay: Overlay, _ state: DashboardState, _ canvas: inout Canvas) {
        switch overlay {
        case .help(let scroll): help(scroll, state, &canvas)
        case .details(let sid, let scroll): details(sid, scroll: scroll, state, &canvas)
        case .kick(let sid): kick(sid, state, &canvas)
        case .hold(let prompt): hold(prompt, state, &canvas)
        case .dial(let form): dial(form, state, &canvas)
        case .picker(let picker): pick(picker, state, &canvas)
        case .search, .command: break
        case .coachWhom(let chooser): coachWhom(chooser, state, &canvas)
        case .announce(let prompt): announce(prompt, state, &canvas)
        case .endConference(let field, let error): endConference(field, error, state, &canvas)
        case .bulkKick(let sids): bulkKick(sids, state, &canvas)
        case .audit(let view): audit(view, state, &canvas)
        }
    }

    static func help(_ scroll: Int, _ state: DashboardState, _ canvas: inout Canvas) {
        var lines: [(String, String, Role)] = []
        var group = ""
        for entry in state.keyTable.helpEntries {
            if entry.group != group {
                if !group.isEmpty { lines.append(("", "", .normal)) }
                lines.append((entry.group, "", .heading))
                group = entry.group
            }
            let keys = entry.keys.map(\.label).joined(separator: " ")
            lines.append((keys, entry.command.summary + (entry.command.dangerous ? "  (!)" : ""), entry.command.dangerous ? .warning : .normal))
        }
        lines.append(("", "", .normal))
        lines.append(("Esc", "closes any box; Ctrl-C quits from anywhere", .dim))
        let inner = box(title: "Help — keymap \(state.keymapName)\(state.readOnly ? ", read-only" : "")", width: 72, height: lines.count + 2, &canvas)
        let first = min(scroll, max(0, lines.count - inner.height))
        if lines.count > inner.height {
            let more = first + inner.height < lines.count
                ? " ↓ more: \(scrollKeys(.down, .moveDown, .pageDown, .pageDown, state.keyTable)) "
                : " ↑ back: \(scrollKeys(.up, .moveUp, .pageUp, .pageUp, state.keyTable)) "
            canvas.put(more, row: inner.row + inner.height, column: inner.column + 2, style: CellStyle(.dim), limit: inner.width - 2)
        }
        for (i, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let row = inner.row + i
            if line.2 == .heading {
                canvas.put(line.0, row: row, column: inner.column, style: CellStyle(.heading), limit: inner.width)
            } else {
                canvas.put(line.0, row: row, column: inner.column + 2, style: CellStyle(.key), limit: 16)
                canvas.put(line.1, row: row, column: inner.column + 19, style: CellStyle(line.2), limit: max(0, inner.width - 19))
            }
        }
    }

    /// The keys that scroll the help one way, from the active key table: the arrow and page key
    /// always work, plus whatever the keymap binds to the move and page commands.
    static func scrollKeys(_ arrow: KeyChord, _ move: Command, _ page: KeyChord, _ pageCommand: Command, _ table: KeyTable) -> String {
        var labels: [String] = []
        for key in [arrow] + table.keys(for: move) + [page] + table.keys(for: pageCommand) where !labels.contains(key.label) {
            labels.append(key.label)
        }
        return labels.joined(separator: ", ")
    }

    /// The details box's lines (name, value), long values wrapped under themselves, for a screen `width` wide.
    static func detailLines(_ row: RowState, _ state: DashboardState, width: Int) -> [(String, String)] {
        let p = row.participant
        func date(_ d: Date?) -> String {
            d.map { "\(RFC2822.string(from: $0))  (\(TimeText.duration(state.now.timeIntervalSince($0))) ago)" } ?? "-"
        }
        func yes(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "-" }
        var fields: [(String, String)] = [
            ("label", p.label ?? "-"), ("call_sid", p.callSid), ("conference_sid", p.conferenceSid), ("account_sid", p.accountSid),
            ("status", p.status?.rawValue ?? "-"), ("muted", yes(p.muted)), ("hold", yes(p.hold)), ("coaching", yes(p.coaching)),
            ("call_sid_to_coach", p.callSidToCoach.map { "\($0)  (\(state.name(of: $0)))" } ?? "-"),
            ("start_conference_on_enter", yes(p.startConferenceOnEnter)), ("end_conference_on_exit", yes(p.endConferenceOnExit)),
            ("date_created", date(p.dateCreated)), ("date_updated", date(p.dateUpdated)), ("queue_time", p.queueTime ?? "-"),
            ("uri", p.uri ?? "-"),
        ]
        if row.departedAt != nil { fields.append(("", "left the conference")) }
        if let action = row.action {
            let phase = switch action.phase {
            case .pending: "pending"
            case .done: "done"
            case .failed(let reason, _): "failed: \(reason)"
            }
            fields.append(("your last action", "\(action.verb) — \(phase)"))
        }
        let valueWidth = max(10, min(100, width - 2) - 4 - 27)
        return fields.flatMap { field in
            DisplayWidth.wrap(field.1, width: valueWidth).enumerated().map { ($0.offset == 0 ? field.0 : "", $0.element) }
        }
    }

    /// How far the details box can scroll: lines beyond what the screen's height shows.
    static func detailsLastScroll(_ sid: String, _ state: DashboardState) -> Int {
        guard let row = state.rows[sid] else { return 0 }
        let count = detailLines(row, state, width: state.width).count
        return max(0, count - detailsRows(count, height: state.height))
    }

    /// Lines of fields the box shows: all of them, or what fits above its closing line.
    static func detailsRows(_ count: Int, height: Int) -> Int {
        let inner = min(count + 4, height - 2) - 2
        return inner >= count + 2 ? count : max(1, inner - 1)
    }

    static func details(_ sid: String, scroll: Int, _ state: DashboardState, _ canvas: inout Canvas) {
        guard let row = state.rows[sid] else { return }
        let lines = detailLines(row, state, width: canvas.width)
        let inner = box(title: "Participant \(state.name(of: sid))", width: 100, height: lines.count + 4, &canvas)
        let shown = detailsRows(lines.count, height: canvas.height)
        let first = min(scroll, max(0, lines.count - shown))
        for (i, line) in lines.dropFirst(first).prefix(shown).enumerated() {
            canvas.put(line.0, row: inner.row + i, column: inner.column, style: CellStyle(.dim), limit: 26)
            canvas.put(line.1, row: inner.row + i, column: inner.column + 27, style: CellStyle(.normal), limit: max(0, inner.width - 27))
        }
        if shown < lines.count {
            let more = first + shown < lines.count
                ? " ↓ more: \(scrollKeys(.down, .moveDown, .pageDown, .pageDown, state.keyTable)) "
                : " ↑ back: \(scrollKeys(.up, .moveUp, .pageUp, .pageUp, state.keyTable)) "
            canvas.put(more, row: inner.row + inner.height, column: inner.column + 2, style: CellStyle(.dim), limit: inner.width - 2)
        }
        canvas.put("Esc or Enter closes", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim))
    }

    static func kick(_ sid: String, _ state: DashboardState, _ canvas: inout Canvas) {
        let name = state.name(of: sid)
        let conference = state.conference?.friendlyName ?? "the conference"
        let inner = box(title: "Kick", width: max(44, DisplayWidth.of(name) + DisplayWidth.of(conference) + 30), height: 6, &canvas)
        let who = name == DashboardState.shortSid(sid) ? name : "\(name) (\(DashboardState.shortSid(sid)))"
        canvas.put("Kick \(who) from \(conference)?", row: inner.row, column: inner.column, style: CellStyle(.warning), limit: inner.width)
        canvas.put("They are disconnected at once.", row: inner.row + 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        canvas.put("y", row: inner.row + 3, column: inner.column, style: CellStyle(.key))
        canvas.put(" kicks · any other key cancels [y/N]", row: inner.row + 3, column: inner.column + 1, style: CellStyle(.normal), limit: inner.width - 1)
    }

    static func hold(_ prompt: HoldPrompt, _ state: DashboardState, _ canvas: inout Canvas) {
        let error = wrappedError(prompt.error, boxWidth: 72, canvas)
        let inner = box(title: "Hold \(state.name(of: prompt.callSid)) with music", width: 72, height: 8 + max(1, error.count), &canvas)
        canvas.put("Hold URL (MP3, WAV or TwiML; empty = plain hold):", row: inner.row, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        textInput(prompt.url.text, row: inner.row + 1, column: inner.column, width: inner.width, &canvas)
        canvas.put("HoldMethod: \(prompt.method.rawValue)  (Tab switches GET/POST)", row: inner.row + 3, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        putError(error, row: inner.row + 4, column: inner.column, &canvas)
        canvas.put("Enter holds · Esc cancels", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }

    /// An error for a box `boxWidth` wide, wrapped to its inside so nothing of it is cut.
    static func wrappedError(_ error: String?, boxWidth: Int, _ canvas: Canvas) -> [String] {
        error.map { DisplayWidth.wrap($0, width: max(10, min(boxWidth, canvas.width - 2) - 4)) } ?? []
    }

    static func putError(_ lines: [String], row: Int, column: Int, _ canvas: inout Canvas) {
        for (i, line) in lines.enumerated() { canvas.put(line, row: row + i, column: column, style: CellStyle(.failed)) }
    }

    static func dial(_ form: DialForm, _ state: DashboardState, _ canvas: inout Canvas) {
        enum Line { case field(DialForm.Field), error(String) }
        // Messages wrap inside the box rather than being cut.
        let textWidth = max(10, min(78, canvas.width - 2) - 4)
        let lines: [Line] = DialForm.Field.allCases.flatMap { field in
            [.field(field)] + (form.errors[field].map { DisplayWidth.wrap("\(field.rawValue): \($0)", width: textWidth - 2).map(Line.error) } ?? [])
        }
        let status: (text: String, role: Role)? = if form.pending != nil {
            ("dialling… (a dial-out is never resent by itself)", .pending)
        } else if let unknown = form.unknownOutcome {
            (form.dialAnyway ? "Enter again dials anyway — look at the table first: it may be ringing already."
                : "No clear answer (\(unknown)): it may have been placed. Check the table before dialling again.", .warning)
        } else {
            form.refusal.map { ("Twilio refused: \($0)", .failed) }
        }
        // On a short screen the blank lines go first, then the fields scroll to keep the focus in view.
        let room = max(4, canvas.height - 4)
        let statusLines = Array((status.map { DisplayWidth.wrap($0.text, width: textWidth) } ?? [""]).prefix(max(1, room - 3)))
        let fixed = 1 + statusLines.count + 1
        let spaced = lines.count + fixed + 2 <= room
        let fieldRows = min(lines.count, spaced ? lines.count : max(1, room - fixed))
        let focusAt = lines.firstIndex { if case .field(let f) = $0 { f == form.focus } else { false } } ?? 0
        let focusEnd = lines[(focusAt + 1)...].firstIndex { if case .field = $0 { true } else { false } } ?? lines.count
        // The focused field (with its error lines) in the middle of the window, as far as the ends allow.
        let centred = focusAt - (fieldRows - (focusEnd - focusAt)) / 2
        let first = max(0, min(max(centred, focusEnd - fieldRows), focusAt, lines.count - fieldRows))
        let inner = box(title: "Dial out into \(state.conference?.friendlyName ?? "the conference")", width: 78,
                        height: fieldRows + fixed + (spaced ? 2 : 0) + 2, &canvas)
        var row = inner.row
        for (i, line) in lines[first..<(first + fieldRows)].enumerated() {
            switch line {
            case .error(let text):
                canvas.put(text, row: row, column: inner.column + 2, style: CellStyle(.failed), limit: inner.width - 2)
            case .field(let field):
                let focused = field == form.focus
                canvas.put(focused ? "▸" : " ", row: row, column: inner.column, style: CellStyle(.key))
                canvas.put(field.rawValue, row: row, column: inner.column + 2, style: CellStyle(focused ? .heading : .normal), limit: 24)
                let valueColumn = inner.column + 26
                let valueWidth = max(0, inner.width - 26)
                let value = form.value(field)
                if field.isText {
                    canvas.fill(row: row, from: valueColumn, to: valueColumn + valueWidth, style: CellStyle(.input))
                    let text = focused ? value + "█" : value
                    let shown = DisplayWidth.of(text) > valueWidth ? "…" + String(text.suffix(max(0, valueWidth - 1))) : text
                    canvas.put(shown, row: row, column: valueColumn, style: CellStyle(.input), limit: valueWidth)
                } else {
                    canvas.put("‹ \(value) ›", row: row, column: valueColumn, style: CellStyle(value == "default" ? .dim : .normal), limit: valueWidth)
                }
            }
            // Fields out of view above or below: an arrow at the box's edge says so.
            if (i == 0 && first > 0) || (i == fieldRows - 1 && first + fieldRows < lines.count) {
                canvas.put(i == 0 && first > 0 ? "↑" : "↓", row: row, column: inner.column + inner.width + 1, style: CellStyle(.box))
            }
            row += 1
        }
        if spaced { row += 1 }
        canvas.put(form.focus.hint, row: row, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        row += 1
        for (i, line) in statusLines.enumerated() {
            canvas.put(line, row: row + i, column: inner.column, style: CellStyle(status?.role ?? .normal), limit: inner.width)
        }
        canvas.put("Tab/↓ next · S-Tab/↑ previous · Enter dials · Esc closes", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }

    static func pick(_ picker: Picker, _ state: DashboardState, _ canvas: inout Canvas) {
        let rows = max(3, min(picker.conferences.count, canvas.height - 10))
        let inner = box(title: "Conferences in progress", width: 84, height: rows + 6, &canvas)
        canvas.put("FRIENDLY NAME", row: inner.row, column: inner.column, style: CellStyle(.heading))
        canvas.put("STATUS       PEOPLE  MUTED  HELD  SID", row: inner.row, column: inner.column + 28, style: CellStyle(.heading), limit: max(0, inner.width - 28))
        if picker.loading && picker.loadedAt == nil {
            canvas.put("loading conferences in progress…", row: inner.row + 2, column: inner.column, style: CellStyle(.pending))
        } else if let error = picker.error, picker.conferences.isEmpty {
            canvas.put("could not list conferences: \(error)", row: inner.row + 2, column: inner.column, style: CellStyle(.failed), limit: inner.width)
        } else if picker.conferences.isEmpty {
            canvas.put("no conference is in progress (r reloads)", row: inner.row + 2, column: inner.column, style: CellStyle(.dim))
        }
        let first = max(0, min(picker.selection - rows + 1, picker.conferences.count - rows))
        for (i, summary) in picker.conferences.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.row + 1 + i
            let c = summary.conference
            func count(_ n: Int?) -> String { n.map(String.init) ?? "?" }
            canvas.put(c.friendlyName, row: y, column: inner.column, style: CellStyle(c.sid == state.conferenceSid ? .heading : .normal), limit: 27)
            let numbers = (c.status?.rawValue ?? "-").padding(toLength: 12, withPad: " ", startingAt: 0) + " "
                + count(summary.participants).leftPadded(6) + " " + count(summary.muted).leftPadded(6) + " " + count(summary.held).leftPadded(5) + "  " + c.sid
            canvas.put(numbers, row: y, column: inner.column + 28, style: CellStyle(.normal), limit: max(0, inner.width - 28))
            if first + i == picker.selection {
                canvas.selectRange(row: y, from: inner.column - 1, to: inner.column + inner.width + 1)
            }
        }
        if let error = picker.error, !picker.conferences.isEmpty {
            canvas.put("refresh failed, counts may be old: \(error)", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.failed), limit: inner.width)
        } else {
            canvas.put("↑↓ choose · Enter watches · Esc goes back · live every 3 s", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
