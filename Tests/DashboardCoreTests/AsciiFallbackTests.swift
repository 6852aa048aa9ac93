import Foundation
import PropertyBased
import Testing
import TwilioModels
@testable import DashboardCore

/// Terminals whose locale is not UTF-8 get every frame in ASCII, cell for cell.
@Suite("ASCII fallbacks for a terminal without UTF-8")
struct AsciiFallbackTests {
    @Test(arguments: [
        ("─ events ───", "- events ---"),
        ("│┌┐└┘├┼", "|++++++"),
        ("joined ↑ · sort ↓ → ←", "joined ^ . sort v > <"),
        ("✓ mute  ✗ hold  ● REC  ❚❚ REC paused  ▸ ›", "v mute  x hold  * REC  || REC paused  > >"),
        ("moderat…", "moderat."),
        ("José Müller", "Jose Muller"),
        ("会議 👍 x", "???? ?? x"),
        ("e\u{301}x", "ex"),
        ("plain", "plain"),
    ])
    func mapsEachCharacterToASCIIOfTheSameWidth(text: String, expected: String) {
        #expect(AsciiFallback.text(text) == expected)
        #expect(DisplayWidth.of(AsciiFallback.text(text)) == DisplayWidth.of(text))
    }

    @Test func anyCleanTextKeepsItsWidth() async {
        let text = Gen.int(in: 0...0x1FFFF).map { UnicodeScalar(UInt32($0)) ?? "?" }.array(of: 0...40).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 1500, input: text) { raw in
            let clean = SafeText.sanitize(raw)
            let ascii = AsciiFallback.text(clean)
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F })
            #expect(DisplayWidth.of(ascii) == DisplayWidth.of(clean), "\(clean.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every golden frame's every row, drawn run by run as the terminal does, keeps its width in ASCII.
    @Test func wholeFramesKeepTheirLayout() {
        var state = Fixtures.watching(width: 80, height: 24)
        for keys in [[], ["?"], ["d"], ["l"]] {
            _ = Fixtures.keys(&state, "esc")
            for key in keys { _ = Fixtures.keys(&state, key) }
            let canvas = DashboardView.render(state)
            for row in 0..<canvas.height {
                let drawn = canvas.runs(row: row).map { AsciiFallback.text($0.text) }.joined()
                #expect(drawn.utf8.allSatisfy { $0 < 0x80 })
                #expect(drawn.count == 80, "row \(row) after \(keys): \(drawn)")
            }
        }
    }
}
