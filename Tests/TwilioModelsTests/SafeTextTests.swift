import Foundation
import PropertyBased
import Testing
@testable import TwilioModels

/// The one sanitiser for text that reaches a terminal (the dashboard, the commands' output, errors).
@Suite("One sanitiser for every line that reaches a terminal")
struct SafeTextRuleTests {
    @Test(arguments: [
        ("plain label", "plain label"),
        // CSI: the whole sequence, parameters and final byte, is one `?`.
        ("\u{1B}[2J\u{1B}[Hgotcha", "??gotcha"),
        ("a\u{1B}[38;5;196mred\u{1B}[0m", "a?red?"),
        ("a\u{9B}31mb", "a?b"),
        // OSC 0 (title) with BEL, OSC 2 with ST, OSC 52 (clipboard): nothing of the body survives.
        ("\u{1B}]0;owned\u{07}name", "?name"),
        ("\u{1B}]2;owned\u{1B}\\name", "?name"),
        ("x\u{1B}]52;c;ZXZpbA==\u{07}y", "x?y"),
        ("x\u{9D}52;c;ZXZpbA==\u{9C}y", "x?y"),
        // DCS, SOS, PM, APC up to ST.
        ("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b", "a?b"),
        ("a\u{1B}_payload\u{1B}\\b", "a?b"),
        ("a\u{1B}^privacy\u{1B}\\b", "a?b"),
        ("a\u{1B}Xstring\u{1B}\\b", "a?b"),
        ("a\u{90}dcs\u{9C}b", "a?b"),
        // Short escapes, a lone ESC, sequences cut short.
        ("a\u{1B}7b\u{1B}8c", "a?b?c"),
        ("a\u{1B}(Bb", "a?b"),
        ("trailing\u{1B}", "trailing?"),
        ("cut\u{1B}[12", "cut?"),
        ("never ends\u{1B}]0;title", "never ends?"),
        ("esc\u{1B}\u{1B}[1mx", "esc??x"),
        // Other controls, bidi, format characters.
        ("evil\u{202E}gnp.exe", "evil?gnp.exe"),
        ("iso\u{2066}late\u{2069}", "iso?late?"),
        ("tab\tnew\nline\rcr", "tab new line cr"),
        ("del\u{7F}", "del?"),
        ("nel\u{85}x", "nel?x"),
        ("zero\u{200B}width", "zero?width"),
        ("café 会議 👩‍💻", "café 会議 👩💻"),
        ("❤️ ok", "❤ ok"),
    ])
    func sanitises(input: String, expected: String) {
        #expect(SafeText.sanitize(input) == expected)
    }

    @Test func combiningMarkRunsAreCut() {
        let zalgo = "Z" + String(repeating: "\u{0336}\u{0335}\u{0321}", count: 20) + "a"
        #expect(SafeText.sanitize(zalgo) == "Z\u{0336}\u{0335}a")
        #expect(SafeText.sanitize("e\u{0301}") == "e\u{0301}", "an accent stays")
        #expect(SafeText.sanitize("ệ") == "ệ")
        #expect(SafeText.sanitize("e\u{0323}\u{0302}x\u{0301}") == "e\u{0323}\u{0302}x\u{0301}", "two marks stay")
    }

    @Test func theCallerKeepsWhatItAllows() {
        #expect(SafeText.sanitize("row 1\nrow 2\u{1B}]0;t\u{07}", keeping: ["\n"]) == "row 1\nrow 2?")
        #expect(SafeText.sanitize("a\nb", replacement: " ") == "a b")
        #expect(SafeText.sanitize("pasted\u{1B}[201~text", replacement: " ") == "pasted text")
    }

    @Test func nothingUnsafeSurvivesAnyText() async {
        // Biased towards what escape sequences are made of, with any scalar now and then.
        let parts = Array("\u{1B}\u{1B}[]P_^X\\;0123456789\u{07}\u{9B}\u{9C}\u{9D}\u{90}\u{85}ab \n\t\u{202E}\u{2066}\u{0301}\u{0336}会👩\u{200D}\u{FE0F}").map(String.init)
        let any = Gen.int(in: 0...0x1FFFF).map { UnicodeScalar(UInt32($0)).map { String($0) } ?? "?" }
        let piece = zip(Gen.int(in: 0...9), any, Gen.element(of: parts)).map { pick in pick.0 == 0 ? pick.1 : (pick.2 ?? "") }
        await propertyCheck(count: 3_000, input: piece.array(of: 0...40).map { $0.joined() }) { text in
            let clean = SafeText.sanitize(text)
            #expect(!clean.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(clean.unicodeScalars.map { $0.value })")
            #expect(SafeText.sanitize(clean) == clean, "sanitising twice changes nothing")
            #expect(!SafeText.needsCleaning(clean))
        }
    }

    @Test func oneLineAndErrorsUseIt() {
        #expect(TwilioError.oneLine("bad\u{1B}]0;t\u{07}\nnews") == "bad? news")
        let body = APIErrorBody(
            code: 21999, message: "no\u{1B}]52;c;aGk=\u{07}pe", moreInfo: "https://x.example/\u{1B}]0;TITLE\u{07}\u{202E}", status: 400)
        let line = TwilioError.api(body, operation: "list participants").description
        #expect(!line.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(line)")
        #expect(!line.contains("TITLE") && !line.contains("aGk="))
        let decoding = TwilioError.decoding(reason: "date_created '\u{1B}]0;T\u{07}Mon' is not an RFC 2822 date", operation: "list").description
        #expect(decoding.contains("date_created '?Mon'"))
    }
}

@Suite("JSON output: exact and never raw controls")
struct SafeJSONTests {
    struct Labelled: Codable, Equatable { var label: String }

    static let hostile = "a\u{00}\u{07}\u{1B}]0;t\u{07}\u{1B}[2J\u{7F}\u{85}\u{9B}\u{9D}\u{202E}\u{2066}\u{200B}\u{2028}\u{E0001}\nz"

    @Test func jsonEncoderEscapesEveryC0Control() throws {
        let encoded = String(decoding: try JSONEncoder().encode(Labelled(label: Self.hostile)), as: UTF8.self)
        #expect(!encoded.unicodeScalars.contains { $0.value < 0x20 }, "JSONEncoder escapes C0 itself: \(encoded)")
        #expect(encoded.contains("\\u001b") || encoded.contains("\\u001B"))
    }

    @Test func unsafeScalarsAreEscapedAndTheDataIsTheSame() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let raw = String(decoding: try encoder.encode([Labelled(label: Self.hostile), Labelled(label: "会議 café 👩‍💻")]), as: UTF8.self)
        let safe = SafeJSON.escapingUnsafe(raw)
        #expect(!safe.unicodeScalars.contains { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\u{200D}" }, "only the emoji joiner stays raw: \(safe)")
        #expect(safe.contains("\\u202e") && safe.contains("\\u0085") && safe.contains("\\udb40\\udc01"))
        #expect(safe.contains("会議 café 👩‍💻"), "safe text stays as it is")
        let back = try JSONDecoder().decode([Labelled].self, from: Data(safe.utf8))
        #expect(back == [Labelled(label: Self.hostile), Labelled(label: "会議 café 👩‍💻")], "exactly the same data")
    }
}
