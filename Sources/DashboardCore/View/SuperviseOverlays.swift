import Foundation
import TwilioConferences

/// The boxes of the supervisor features: coach whom, announce, end the conference, bulk kick, audit trail.
extension OverlayView {
    static func coachWhom(_ chooser: CoachChooser, _ state: DashboardState, _ canvas: inout Canvas) {
        let rows = max(3, min(chooser.options.count, canvas.height - 10))
        let inner = box(title: "\(state.name(of: chooser.coach)) coaches whom?", width: 60, height: rows + 5, &canvas)
        let first = max(0, min(chooser.selection - rows + 1, chooser.options.count - rows))
        for (i, sid) in chooser.options.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.row + i
            canvas.put(state.name(of: sid), row: y, column: inner.column, style: CellStyle(.normal), limit: inner.width)
            if first + i == chooser.selection { canvas.selectRange(row: y, from: inner.column - 1, to: inner.column + inner.width + 1) }
        }
        canvas.put("Only the coached participant hears the coach.", row: inner.row + inner.height - 2, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        canvas.put("↑↓ choose · Enter coaches · Esc cancels", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }

    static func announce(_ prompt: AnnouncePrompt, _ state: DashboardState, _ canvas: inout Canvas) {
        let whom = prompt.target.map { state.name(of: $0) } ?? "everyone in \(state.conference?.friendlyName ?? "the conference")"
        let error = wrappedError(prompt.error, boxWidth: 72, canvas)
        let inner = box(title: "Announce to \(whom)", width: 72, height: 7 + max(1, error.count), &canvas)
        canvas.put("Announcement URL (MP3, WAV or TwiML with <Play> or <Say>):", row: inner.row, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        textInput(prompt.url.text, row: inner.row + 1, column: inner.column, width: inner.width, &canvas)
        putError(error, row: inner.row + 3, column: inner.column, &canvas)
        canvas.put("Enter plays it · Esc cancels", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }

    static func endConference(_ field: TextField, _ error: String?, _ state: DashboardState, _ canvas: inout Canvas) {
        let name = state.conference?.friendlyName ?? ""
        let lines = wrappedError(error, boxWidth: 72, canvas)
        let inner = box(title: "End the conference for everyone", width: 72, height: 8 + max(1, lines.count), &canvas)
        canvas.put("Everyone in \(name) is disconnected at once (Status=completed).", row: inner.row, column: inner.column, style: CellStyle(.warning), limit: inner.width)
        canvas.put("Type the conference's name to confirm: \(name)", row: inner.row + 2, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        textInput(field.text, row: inner.row + 3, column: inner.column, width: inner.width, &canvas)
        putError(lines, row: inner.row + 4, column: inner.column, &canvas)
        canvas.put("Enter ends it · Esc cancels", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }

    static func bulkKick(_ sids: [String], _ state: DashboardState, _ canvas: inout Canvas) {
        let shown = min(sids.count, max(1, canvas.height - 12))
        let inner = box(title: "Kick \(sids.count) participants", width: 60, height: shown + 6, &canvas)
        canvas.put("Kick these from \(state.conference?.friendlyName ?? "the conference")?", row: inner.row, column: inner.column, style: CellStyle(.warning), limit: inner.width)
        for (i, sid) in sids.prefix(shown).enumerated() {
            let more = i == shown - 1 && sids.count > shown ? " … and \(sids.count - shown) more" : ""
            canvas.put("• \(state.name(of: sid))\(more)", row: inner.row + 1 + i, column: inner.column + 1, style: CellStyle(.normal), limit: inner.width - 1)
        }
        canvas.put("y", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.key))
        canvas.put(" kicks them all · any other key cancels [y/N]", row: inner.row + inner.height - 1, column: inner.column + 1, style: CellStyle(.normal), limit: inner.width - 1)
    }

    static func audit(_ view: AuditView, _ state: DashboardState, _ canvas: inout Canvas) {
        let inner = box(title: "Your actions (audit trail)", width: canvas.width - 4, height: canvas.height - 4, &canvas)
        if view.loading {
            canvas.put("reading the audit trail…", row: inner.row, column: inner.column, style: CellStyle(.pending))
            return
        }
        if let error = view.error {
            canvas.put("could not read it: \(error)", row: inner.row, column: inner.column, style: CellStyle(.failed), limit: inner.width)
            return
        }
        if view.records.isEmpty {
            canvas.put("nothing yet: actions you take are written here", row: inner.row, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        }
        let rows = max(0, inner.height - 1)
        let first = min(view.scroll, max(0, view.records.count - rows))
        for (i, record) in view.records.dropFirst(first).prefix(rows).enumerated() {
            let who = record.participant ?? record.participantSid ?? ""
            let reason = record.message ?? record.code.map { "Twilio error \($0)" } ?? "failed"
            let result = record.result == "done" ? "✓" : "✗ \(reason)"
            let parameters = record.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let line = "\(record.time)  \(record.conference ?? "")  \(record.action) \(who)  \(result)  \(parameters)"
            canvas.put(line, row: inner.row + i, column: inner.column, style: CellStyle(record.result == "done" ? .normal : .failed), limit: inner.width)
        }
        canvas.put("↑↓ PgUp PgDn scroll · Esc closes · " + (state.auditPath.map { "the file: \($0)" } ?? "not kept in this session"), row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
    }

    static func textInput(_ text: String, row: Int, column: Int, width: Int, _ canvas: inout Canvas) {
        canvas.fill(row: row, from: column, to: column + width, style: CellStyle(.input))
        let cursor = text + "█"
        let shown = DisplayWidth.of(cursor) > width ? "…" + String(cursor.suffix(width - 1)) : cursor
        canvas.put(shown, row: row, column: column, style: CellStyle(.input), limit: width)
    }
}
