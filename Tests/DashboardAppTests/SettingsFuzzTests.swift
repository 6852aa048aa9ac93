import DashboardCore
import Foundation
import PropertyBased
import Testing
@testable import DashboardApp

/// Arbitrary text into the keymap and config parsers: never a crash, always a clean, located error.
/// `CONFWATCH_FUZZ_SCALE=100 swift test --filter Fuzz` for a long run; 1 in the test command.
@Suite("Fuzzing the settings parsers")
struct SettingsFuzzTests {
    static let fuzzScale = Int(ProcessInfo.processInfo.environment["CONFWATCH_FUZZ_SCALE"] ?? "") ?? 1
    /// Text biased towards TOML's own characters, so the fuzzer reaches past the first line.
    static let tomlish = Gen.element(of: Array("[]=\"'#\\ \n\t.,{}-_keysmqjctrlaltenterintervalholdurlmethoddialfrom0123456789\u{7}\u{1B}é会")).array(of: 0...200).map { String($0.compactMap { $0 }) }
    static let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...300).map { String(decoding: $0, as: UTF8.self) }

    static func checkKeymap(_ text: String) {
        do {
            _ = try KeymapFile.parse(text, file: "keymap.toml")
        } catch {
            #expect(error.file == "keymap.toml" && !error.message.isEmpty)
        }
    }

    static func checkConfig(_ text: String) {
        do {
            let config = try DashboardConfig.parse(text, file: "config.toml")
            if let interval = config.interval { #expect(interval >= DashboardConfig.minimumInterval) }
        } catch {
            #expect(error.file == "config.toml" && !error.message.isEmpty)
        }
    }

    @Test func keymapFiles() async {
        await propertyCheck(count: 1500 * Self.fuzzScale, input: Self.tomlish) { Self.checkKeymap($0) }
        await propertyCheck(count: 1500 * Self.fuzzScale, input: Self.bytes) { Self.checkKeymap($0) }
    }

    @Test func configFiles() async {
        await propertyCheck(count: 1500 * Self.fuzzScale, input: Self.tomlish) { Self.checkConfig($0) }
        await propertyCheck(count: 1500 * Self.fuzzScale, input: Self.bytes) { Self.checkConfig($0) }
    }

}
