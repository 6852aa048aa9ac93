import Testing
import TwilioModels
@testable import DashboardCore

@Suite("Text from the API made safe and measured")
struct SafeTextTests {
    @Test(arguments: [
        ("plain label", "plain label"),
        ("\u{1B}[2J\u{1B}[Hgotcha", "??gotcha"),
        ("\u{1B}]0;owned\u{07}name", "?name"),
        ("a\u{9B}31mb", "a?b"),
        ("evil\u{202E}gnp.exe", "evil?gnp.exe"),
        ("iso\u{2066}late\u{2069}", "iso?late?"),
        ("tab\tnew\nline", "tab new line"),
        ("del\u{7F}", "del?"),
        ("zero\u{200B}width", "zero?width"),
        ("café 会議 👩‍💻", "café 会議 👩💻"),
        ("❤️ ok", "❤ ok"),
    ])
    func sanitises(input: String, expected: String) {
        #expect(SafeText.sanitize(input) == expected)
    }

    @Test func nothingUnsafeSurvives() {
        let hostile = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}\u{85}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{2028}"
        let clean = SafeText.sanitize(hostile)
        #expect(!clean.unicodeScalars.contains { SafeText.isUnsafe($0) })
    }

    @Test(arguments: [
        ("abc", 3), ("会議", 4), ("café", 4), ("e\u{301}", 1), ("👍", 2), ("👩‍💻", 4), ("ｆｕｌｌ", 8), ("", 0), ("한국어", 6), ("🇺🇸", 2),
    ])
    func measuresDisplayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncatesAndPadsByCells() {
        #expect(DisplayWidth.truncate("moderator", to: 5) == "mode…")
        #expect(DisplayWidth.truncate("会議会議", to: 5) == "会議…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("会議会議", to: 5)) == 5)
        #expect(DisplayWidth.fit("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.fit("ab", to: 4, alignRight: true) == "  ab")
        #expect(DisplayWidth.fit("会議会議", to: 6) == "会議… ")
        #expect(DisplayWidth.truncate("x", to: 0) == "")
    }

    @Test func wrapsByCells() {
        #expect(DisplayWidth.chunks(of: "abcdefg", width: 3) == ["abc", "def", "g"])
        #expect(DisplayWidth.chunks(of: "abc", width: 3) == ["abc"])
        #expect(DisplayWidth.chunks(of: "", width: 3) == [""])
        #expect(DisplayWidth.chunks(of: "a会議b", width: 2) == ["a", "会", "議", "b"], "a wide character never splits across pieces")
        #expect(DisplayWidth.wrap("Twilio refused: 21217 the number is not valid", width: 16) == ["Twilio refused:", "21217 the number", "is not valid"])
        #expect(DisplayWidth.wrap("uri: /2010-04-01/Accounts", width: 10) == ["uri:", "/2010-04-0", "1/Accounts"])
        #expect(DisplayWidth.wrap("short", width: 10) == ["short"])
    }
}
