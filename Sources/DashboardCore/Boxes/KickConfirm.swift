import TwilioModels

/// "Kick alice from standup? y/N": one participant; any key but y cancels.
public struct KickConfirm: Box {
    public let callSid: String

    public init(callSid: String) { self.callSid = callSid }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        guard BoxKeys.confirms(key) else {
            state.events.append(.info, "kick of \(state.name(of: callSid)) cancelled", at: state.now)
            return .close
        }
        guard state.table.rows[callSid] != nil else {
            state.events.append(.info, "\(state.name(of: callSid)) already left", at: state.now)
            return .close
        }
        return .close(Reducer.perform(.kick(callSid: callSid), &state))
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let name = state.name(of: callSid)
        let conference = state.conference?.friendlyName ?? "the conference"
        let frame = BoxFrame(width: max(44, DisplayWidth.of(name) + DisplayWidth.of(conference) + 30), height: 6, on: state.layout)
        let inner = frame.draw(title: "Kick", &canvas)
        let short = SID.short(callSid)
        let who = name == short ? name : "\(name) (\(short))"
        canvas.put("Kick \(who) from \(conference)?", row: inner.row, column: inner.column, style: CellStyle(.warning), limit: inner.width)
        canvas.put("They are disconnected at once.", row: inner.row + 1, column: inner.column, style: CellStyle(.dim), limit: inner.width)
        canvas.put("y", row: inner.row + 3, column: inner.column, style: CellStyle(.key))
        canvas.put(" kicks · any other key cancels [y/N]", row: inner.row + 3, column: inner.column + 1, style: CellStyle(.normal), limit: inner.width - 1)
    }
}
