import DashboardCore
import Foundation
import Testing
@testable import DashboardApp

/// Keymap files load in linear time. Nothing is timed: the parser counts its steps (lines read,
/// bindings visited), and a file twice as long must cost about twice as many. Before the fix every
/// binding searched the whole text for its line, and every bind recomputed the footer over the
/// whole table: twice the bindings cost four times the steps (2,000 bindings took 26 s).
@Suite("Keymap files parse in linear time")
struct KeymapCostTests {
    /// A keymap of `count` bindings: one CJK character per key, every command in turn.
    static func keymap(_ count: Int) -> String {
        let commands = Command.allCases
        var text = "# generated\n[keys]\n"
        for i in 0..<count {
            text += "\"\(Character(UnicodeScalar(0x4E00 + i)!))\" = \"\(commands[i % commands.count].rawValue)\"\n"
        }
        return text
    }

    static func steps(_ body: () throws -> Void) rethrows -> Int {
        let counter = StepCounter()
        try StepCounter.$current.withValue(counter) { try body() }
        return counter.steps
    }

    @Test func twiceTheBindingsCostTwiceTheSteps() throws {
        let (small, large) = (Self.keymap(2_000), Self.keymap(4_000))
        var tables: [KeyTable] = []
        let a = try Self.steps { tables.append(try KeymapFile.table(from: small, file: "k.toml")) }
        let b = try Self.steps { tables.append(try KeymapFile.table(from: large, file: "k.toml")) }
        #expect(tables.map(\.bindings.count) == [2_000, 4_000])
        #expect(a > 0 && a <= 2_000 * 8, "about a few steps per binding: \(a)")
        #expect(Double(b) / Double(a) < 2.2, "linear: \(a) steps for 2,000 bindings, \(b) for 4,000")
    }

    @Test func overridesOnALargeTableAreLinearToo() throws {
        let base = try KeymapFile.table(from: Self.keymap(4_000), file: "base.toml")
        let overrides = (0..<2_000).map { "\"\(Character(UnicodeScalar(0x4E00 + $0 * 2)!))\" = \"none\"" }.joined(separator: "\n")
        var result: KeyTable?
        let steps = try Self.steps { result = try KeymapFile.apply(overridesFrom: "[keys]\n" + overrides, file: "keymap.toml", to: base) }
        #expect(result?.bindings.count == 2_000)
        #expect(steps <= (4_000 + 2_000) * 8, "\(steps)")
    }

    @Test func batchBindingIsBindingOneByOne() {
        let keys = ["a", "b", "c", "a", "d", "b"].map { KeyChord(parsing: $0)! }
        let commands: [Command?] = [.toggleMute, .kick, nil, .help, .quit, nil]
        var oneByOne = BuiltInKeymaps.defaultTable
        for (key, command) in zip(keys, commands) {
            if let command { oneByOne.bind(key, to: command) } else { oneByOne.unbind(key) }
        }
        var batch = BuiltInKeymaps.defaultTable
        batch.apply(Array(zip(keys, commands)))
        #expect(batch == oneByOne)
        #expect(batch.bindings.suffix(2).map(\.key.name) == ["a", "d"], "a key bound again moves to the end")
    }

    @Test func ctrlZCannotBeBoundBecauseItSuspends() {
        #expect(throws: FileProblem.self) { try KeymapFile.parse("[keys]\n\"ctrl-z\" = \"quit\"\n", file: "k.toml") }
        do {
            _ = try KeymapFile.parse("[keys]\nj = \"move-down\"\n\"C-z\" = \"quit\"\n", file: "k.toml")
        } catch {
            #expect(error.line == 3 && error.message.contains("suspends"), "\(error)")
        }
    }
}
