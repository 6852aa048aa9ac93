import Foundation
import TwilioModels

/// An announcement's URL, for one participant (`a`) or, with no target, everyone (`A`).
public struct AnnouncePrompt: Box {
    public var target: String?
    public var url: TextField
    public var error: String?

    public init(target: String?, url: String?) {
        self.target = target
        self.url = TextField(url ?? "")
    }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) { return .close }
        if key == .enter {
            let url = url.text.trimmingCharacters(in: .whitespaces)
            if let problem = AddressRules.checkURL(url, field: "AnnounceUrl") {
                error = "\(problem.problem); \(problem.fix)"
                return .stay
            }
            return .close(Reducer.perform(.announce(callSid: target, url: url), &state))
        }
        if url.handle(key) { error = nil }
        return .stay
    }

    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        url.insert(pasted: text)
        error = nil
        return true
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let whom = target.map { state.name(of: $0) } ?? "everyone in \(state.conference?.friendlyName ?? "the conference")"
        let error = BoxFrame.wrap(error, boxWidth: 72, on: state.layout)
        let inner = BoxFrame(width: 72, height: 7 + max(1, error.count), on: state.layout).draw(title: "Announce to \(whom)", &canvas)
        canvas.put("Announcement URL (MP3, WAV or TwiML with <Play> or <Say>):", row: inner.row, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        canvas.textInput(url.text, row: inner.row + 1, column: inner.column, width: inner.width)
        canvas.putError(error, row: inner.row + 3, column: inner.column)
        canvas.putHint("Enter plays it · Esc cancels", in: inner)
    }
}
