import Foundation
import PropertyBased
import Testing
import TwilioModels

/// `CONFWATCH_FUZZ_SCALE=100 swift test --filter Fuzz` for a long run; 1 in the test command.
let fuzzScale = Int(ProcessInfo.processInfo.environment["CONFWATCH_FUZZ_SCALE"] ?? "") ?? 1
@testable import DashboardCore

/// Arbitrary text into key names and the drawing of text:
/// never a crash, always a clean, located error.
@Suite("Fuzzing key names and the canvas")
struct ParserFuzzTests {
    /// Text biased towards TOML's own characters, so the fuzzer reaches past the first line.
    static let tomlish = Gen.element(of: Array("[]=\"'#\\ \n\t.,{}-_keysmqjctrlaltenterintervalholdurlmethoddialfrom0123456789\u{7}\u{1B}é会")).array(of: 0...200).map { String($0.compactMap { $0 }) }
    static let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...300).map { String(decoding: $0, as: UTF8.self) }

    @Test func keyNames() async {
        await propertyCheck(count: 3000 * fuzzScale, input: Self.tomlish) { text in
            if let key = KeyChord(parsing: text) {
                #expect(KeyChord(parsing: key.name) == key, "a canonical name parses back to itself")
            }
        }
    }

    @Test func anyTextIsDrawnSafelyAndInItsCells() async {
        let text = Gen.int(in: 0...0x1FFFF).map { UnicodeScalar(UInt32($0)) ?? "?" }.array(of: 0...60).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 1500 * fuzzScale, input: zip(text, Gen.int(in: -3...85), Gen.int(in: 0...90))) { text, column, limit in
            var canvas = Canvas(width: 80, height: 3)
            canvas.put("────────────────────────────────────────────────────────────────────────────────", row: 1, column: 0, style: CellStyle(.dim))
            canvas.put(text, row: 1, column: column, style: CellStyle(.normal), limit: limit)
            let line = canvas.text(row: 1)
            #expect(DisplayWidth.of(line) == 80, "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(!line.unicodeScalars.contains { SafeText.isUnsafe($0) })
        }
    }
}
