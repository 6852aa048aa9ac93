import Foundation
import TwilioModels

/// Details (`Enter`): every field of one participant, long values wrapped; scrolls on short screens.
public struct DetailsBox: Box {
    public let callSid: String
    var scroller = Scroller()

    public init(callSid: String) { self.callSid = callSid }

    public var onlyScrolls: Bool { true }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) || key == .enter || key.name == "q" || command == .details { return .close }
        let count = state.table.rows[callSid].map { Self.lines($0, state).count } ?? 0
        scroller.apply(key, command, last: Scroller.last(lines: count, rows: Self.rows(count, state.layout)))
        return .stay
    }

    static func frame(_ count: Int, _ layout: DashboardLayout) -> BoxFrame { BoxFrame(width: 100, height: count + 4, on: layout) }

    /// Lines of fields the box shows: all of them, or what fits above its closing line.
    static func rows(_ count: Int, _ layout: DashboardLayout) -> Int {
        let inner = frame(count, layout).inner.height
        return inner >= count + 2 ? count : max(1, inner - 1)
    }

    /// The box's lines (name, value), long values wrapped under themselves.
    static func lines(_ row: RowState, _ state: DashboardState) -> [(name: String, value: String)] {
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
        fields += Self.callLines(row, state, date: date)
        if row.departedAt != nil { fields.append(("", "left the conference")) }
        if let action = row.action {
            let phase = switch action.phase {
            case .pending: "pending"
            case .done: "done"
            case .failed(let reason, _): "failed: \(reason)"
            }
            fields.append(("your last action", "\(action.verb) — \(phase)"))
        }
        let valueWidth = max(10, min(100, state.layout.width - 2) - 4 - 27)
        return fields.flatMap { field in
            DisplayWidth.wrap(field.1, width: valueWidth).enumerated().map { ($0.offset == 0 ? field.0 : "", $0.element) }
        }
    }

    /// The call's fields that say who this is and how the call went, once it has been read.
    static func callLines(_ row: RowState, _ state: DashboardState, date: (Date?) -> String) -> [(String, String)] {
        guard let call = row.call else {
            let reading = state.calls.lookups[row.callSid] != nil
            return [("call", reading ? "reading who this is…" : "not read")]
        }
        func both(_ raw: String?, _ formatted: String?) -> String {
            guard let raw else { return "-" }
            return formatted.map { $0 == raw || $0.isEmpty ? raw : "\($0)  (\(raw))" } ?? raw
        }
        return [
            ("from", both(call.from, call.fromFormatted)), ("to", both(call.to, call.toFormatted)),
            ("direction", call.direction?.rawValue ?? "-"), ("caller_name", call.callerName ?? "-"),
            ("call status", call.status?.rawValue ?? "-"), ("start_time", date(call.startTime)),
            ("duration", call.duration.map { "\($0) s" } ?? "-"), ("answered_by", call.answeredBy ?? "-"),
            ("forwarded_from", call.forwardedFrom ?? "-"), ("parent_call_sid", call.parentCallSid ?? "-"),
        ]
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        guard let row = state.table.rows[callSid] else { return }
        let lines = Self.lines(row, state)
        let inner = Self.frame(lines.count, state.layout).draw(title: "Participant \(state.name(of: callSid))", &canvas)
        let shown = Self.rows(lines.count, state.layout)
        let first = scroller.first(lines: lines.count, rows: shown)
        for (i, line) in lines.dropFirst(first).prefix(shown).enumerated() {
            canvas.put(line.name, row: inner.row + i, column: inner.column, style: CellStyle(.dim), limit: 26)
            canvas.put(line.value, row: inner.row + i, column: inner.column + 27, style: CellStyle(.normal), limit: max(0, inner.width - 27))
        }
        Scroller.drawMore(first: first, rows: shown, lines: lines.count, table: state.settings.keyTable, at: inner, &canvas)
        canvas.put("Esc or Enter closes", row: inner.row + inner.height - 1, column: inner.column, style: CellStyle(.dim))
    }
}
