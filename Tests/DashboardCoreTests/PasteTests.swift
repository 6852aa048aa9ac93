import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// A paste is text for the open text field, never keys.
@Suite("Pastes are text, not commands")
struct PasteTests {
    typealias F = Fixtures

    @Test func aPastedNewlineInTheSearchNeverRunsKeys() {
        var state = F.watching()
        _ = F.keys(&state, "/")
        let effects = F.send(&state, .paste("bob\rMxy"), .paste("\n\u{1B}[2Jz"))
        #expect(effects.isEmpty, "nothing sent: no mute, no kick")
        #expect(state.box is SearchLine, "the search line is still open")
        #expect(state.table.textFilter == "bob Mxy  z")
        #expect(F.screen(state).contains("/bob Mxy  z"))
    }

    @Test func theCommandLineAndThePromptsTakeItWhole() {
        var state = F.watching()
        _ = F.keys(&state, ":")
        _ = F.send(&state, .paste("mute alice\nkick bruno"))
        #expect((state.box as? CommandLine)?.field.text == "mute alice kick bruno")
        _ = F.keys(&state, "esc", "H")
        _ = F.keys(&state, "ctrl-u")
        _ = F.send(&state, .paste("https://example.com/hold.mp3\n"))
        #expect((state.box as? HoldPrompt)?.url.text == "https://example.com/hold.mp3 ")
    }

    @Test func theDialFormTakesItInTheFocusedTextFieldOnly() {
        var state = F.watching()
        _ = F.keys(&state, "d")
        _ = F.send(&state, .paste("+1555\t8675310"))
        #expect((state.box as? DialForm)?.value(.to) == "+1555 8675310")
        _ = F.keys(&state, "tab", "tab", "tab")  // Muted: a toggle
        let effects = F.send(&state, .paste("y\n"))
        #expect(effects.isEmpty)
        #expect((state.box as? DialForm)?.value(.muted) == "default", "a toggle takes no paste")
        #expect(state.events.note?.text.contains("pasted text ignored") == true)
    }

    @Test func outsideATextFieldAPasteOnlySaysSo() {
        var state = F.watching()
        let before = state.table.selection
        let effects = F.send(&state, .paste("jjmx\ny"))
        #expect(effects.isEmpty && state.box == nil && state.table.selection == before)
        #expect(state.events.note?.text.contains("pasted text ignored") == true)
        // A y/N question is not answered by a pasted y either.
        _ = F.keys(&state, "x")
        #expect(state.box is KickConfirm)
        #expect(F.send(&state, .paste("y")).isEmpty && state.box is KickConfirm)
    }

    @Test func aPasteLongerThanTheFieldIsCut() {
        var state = F.watching()
        _ = F.keys(&state, "/")
        _ = F.send(&state, .paste(String(repeating: "a", count: 500)))
        #expect(state.table.textFilter.count == 64)
    }
}
