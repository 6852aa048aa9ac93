import Foundation

extension Reducer {
    /// Pasted text goes to the open box's focused text field (search `/`, the command line `:`,
    /// the prompts, the dial-out form's text fields, the timeline's search). Anywhere else it does
    /// nothing but say so: a paste is text, never keys.
    static func paste(_ text: String, _ state: inout DashboardState) {
        if var box = state.box {
            state.box = nil
            let taken = box.paste(text, &state)
            if state.box == nil { state.box = box }
            if taken { return }
        }
        state.events.note = ("pasted text ignored: paste into a text field (/ search, : command, a form)", state.now.addingTimeInterval(5))
    }
}
