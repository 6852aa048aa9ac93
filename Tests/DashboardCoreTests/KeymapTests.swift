import Foundation
import Testing
@testable import DashboardCore

@Suite("Key names and key tables")
struct KeymapTests {
    @Test(arguments: [
        ("j", "j"), ("G", "G"), ("?", "?"), (" ", "space"), ("Enter", "enter"), ("return", "enter"), ("ESC", "esc"),
        ("shift-tab", "backtab"), ("PageDown", "pgdn"), ("C-d", "ctrl-d"), ("ctrl+D", "ctrl-d"), ("Control-x", "ctrl-x"),
        ("M-v", "alt-v"), ("alt-<", "alt-<"), ("F5", "f5"), ("del", "delete"),
    ])
    func parsesKeyNamesAndAliases(text: String, canonical: String) {
        #expect(KeyChord(parsing: text)?.name == canonical)
    }

    @Test(arguments: ["", "ctrl-", "ctrl-1", "ctrl-ab", "f13", "hyper-x", "alt-alt-x", "\u{7}", "enterr"])
    func refusesBadKeyNames(text: String) {
        #expect(KeyChord(parsing: text) == nil)
    }

    @Test func theDefaultKeymapIsTheIssuesTable() {
        let t = BuiltInKeymaps.defaultTable
        let expected: [(String, Command)] = [
            ("up", .moveUp), ("down", .moveDown), ("j", .moveDown), ("k", .moveUp), ("pgup", .pageUp), ("pgdn", .pageDown),
            ("g", .top), ("G", .bottom), ("m", .toggleMute), ("h", .toggleHold), ("H", .holdWithMusic), ("x", .kick), ("d", .dial),
            ("f", .cycleFilter), ("/", .textFilter), ("s", .cycleSort), ("enter", .details), ("r", .refresh),
            ("c", .chooseConference), ("?", .help), ("q", .quit),
        ]
        for (key, command) in expected { #expect(t.command(for: KeyChord(parsing: key)!) == command, "\(key)") }
    }

    @Test(arguments: BuiltInKeymaps.names)
    func everyBuiltInBindsEveryCommandOnce(name: String) {
        let table = BuiltInKeymaps.table(named: name)!
        for command in Command.allCases { #expect(!table.keys(for: command).isEmpty, "\(name): \(command.rawValue)") }
        #expect(Set(table.bindings.map(\.key)).count == table.bindings.count)
    }

    @Test func helpAndFooterComeFromTheSameTable() {
        var table = BuiltInKeymaps.defaultTable
        table.bind(KeyChord(parsing: "M")!, to: .toggleMute)
        table.unbind(KeyChord(parsing: "m")!)
        let help = table.helpEntries.first { $0.command == .toggleMute }
        #expect(help?.keys.map(\.name) == ["M"])
        #expect(table.footerEntries.first?.key.name == "M")
        #expect(table.helpEntries.first { $0.command == .kick }?.command.dangerous == true)
    }

    @Test func readOnlyHidesEveryWriteButKeepsItsKey() {
        let table = BuiltInKeymaps.defaultTable.readOnly
        #expect(table.helpEntries.allSatisfy { !$0.command.servesWrites } && !table.footerEntries.contains { $0.command.servesWrites })
        for command in [Command.toggleMute, .toggleHold, .holdWithMusic, .kick, .dial] {
            #expect(!table.keys(for: command).isEmpty, "still bound, so pressing it can say read-only")
        }
        #expect(!table.keys(for: .quit).isEmpty && table.footerEntries.contains { $0.command == .quit })
    }
}
