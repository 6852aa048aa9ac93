import CNCurses
import DashboardCore
import Testing
@testable import CursesUI

/// The terminal's input into keys and pastes: bracketed paste makes a paste one event.
@Suite("Keys and bracketed pastes from the terminal")
struct InputDecoderTests {
    static func raw(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }
    static let start = "\u{1B}[200~"
    static let end = "\u{1B}[201~"

    @Test func aBracketedPasteIsOneEventWhateverItHolds() {
        var decoder = InputDecoder()
        let events = decoder.decode(Self.raw("/" + Self.start + "bob\rMxy\u{1B}[A\u{3}" + Self.end + "q"))
        #expect(events == [.event(.key(KeyChord(parsing: "/")!)), .event(.paste("bob\rMxy\u{1B}[A\u{3}")), .event(.key(KeyChord(parsing: "q")!))])
    }

    @Test func aPasteMaySpanReadsAndTheEndMarkerToo() {
        var decoder = InputDecoder()
        #expect(decoder.decode(Self.raw(Self.start + "line one\r")).isEmpty)
        #expect(decoder.inPaste)
        #expect(decoder.decode(Self.raw("line two\u{1B}[20")).isEmpty)
        #expect(decoder.decode(Self.raw("1~j")) == [.event(.paste("line one\rline two")), .event(.key(KeyChord(parsing: "j")!))])
        #expect(!decoder.inPaste)
    }

    @Test func aLookAlikeOfTheEndMarkerIsText() {
        var decoder = InputDecoder()
        let events = decoder.decode(Self.raw(Self.start + "a\u{1B}[200~b\u{1B}[20x\u{1B}\u{1B}[201~"))
        #expect(events == [.event(.paste("a\u{1B}[200~b\u{1B}[20x\u{1B}"))])
    }

    @Test func keysTheTerminalRecognisedInsideAPasteAreDropped() {
        var decoder = InputDecoder()
        let events = decoder.decode(Self.raw(Self.start + "a") + [.function(KEY_UP)] + Self.raw("b" + Self.end))
        #expect(events == [.event(.paste("ab"))])
    }

    @Test func escAltAndFunctionKeysStillDecode() {
        var decoder = InputDecoder()
        #expect(decoder.decode(Self.raw("\u{1B}")) == [.event(.key(.esc))])
        #expect(decoder.decode(Self.raw("\u{1B}x")) == [.event(.key(.alt(KeyChord(parsing: "x")!)))])
        #expect(decoder.decode(Self.raw("\u{1B}\u{1B}x")) == [.event(.key(.esc)), .event(.key(.alt(KeyChord(parsing: "x")!)))])
        #expect(decoder.decode([.function(KEY_DOWN), .character(26), .character(13)]) == [.event(.key(.down)), .event(.key(.ctrl("z"))), .event(.key(.enter))])
        #expect(decoder.decode([.function(cw_key_resize())]) == [.resize])
    }

    @Test func aHugePasteIsCutButItsEndIsStillFound() {
        var decoder = InputDecoder()
        let events = decoder.decode(Self.raw(Self.start + String(repeating: "x", count: InputDecoder.pasteLimit + 100) + Self.end + "q"))
        #expect(events.count == 2)
        if case .event(.paste(let text)) = events.first { #expect(text.count == InputDecoder.pasteLimit) } else { Issue.record("no paste") }
        #expect(events.last == .event(.key(KeyChord(parsing: "q")!)))
    }
}
