import Foundation
import TwilioModels

/// "Hold with music…" (`H`): the URL, offered from the config or --hold-url, and GET/POST.
public struct HoldPrompt: Box {
    public var callSid: String
    public var url: TextField
    public var method: CallbackMethod
    public var error: String?

    public init(callSid: String, url: String?, method: CallbackMethod?) {
        self.callSid = callSid
        self.url = TextField(url ?? "")
        self.method = method ?? .GET
    }

    public mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome {
        if BoxKeys.closes(key) { return .close }
        if key == .tab || key == .backtab {
            method = method == .GET ? .POST : .GET
        } else if key == .enter {
            let url = url.text.trimmingCharacters(in: .whitespaces)
            if !url.isEmpty, let problem = AddressRules.checkURL(url, field: "HoldUrl") {
                error = "\(problem.problem); \(problem.fix)"
                return .stay
            }
            let music = url.isEmpty ? nil : url
            return .close(Reducer.perform(.hold(callSid: callSid, true, url: music, method: music == nil ? nil : method), &state))
        } else if url.handle(key) {
            error = nil
        }
        return .stay
    }

    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool {
        url.insert(pasted: text)
        error = nil
        return true
    }

    public func draw(_ state: DashboardState, _ canvas: inout Canvas) {
        let error = BoxFrame.wrap(error, boxWidth: 72, on: state.layout)
        let inner = BoxFrame(width: 72, height: 8 + max(1, error.count), on: state.layout)
            .draw(title: "Hold \(state.name(of: callSid)) with music", &canvas)
        canvas.put("Hold URL (MP3, WAV or TwiML; empty = plain hold):", row: inner.row, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        canvas.textInput(url.text, row: inner.row + 1, column: inner.column, width: inner.width)
        canvas.put("HoldMethod: \(method.rawValue)  (Tab switches GET/POST)", row: inner.row + 3, column: inner.column, style: CellStyle(.normal), limit: inner.width)
        canvas.putError(error, row: inner.row + 4, column: inner.column)
        canvas.putHint("Enter holds · Esc cancels", in: inner)
    }
}
