import DashboardCore
import Foundation
import TOMLKit

/// A problem in a keymap or config file, naming the file and the line.
public struct FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Keymap files: a `[keys]` table of `KEY = "command"`. `"none"` unbinds a key.
///
/// ```toml
/// [keys]
/// j = "move-down"
/// "ctrl-d" = "page-down"
/// x = "none"
/// ```
public enum KeymapFile {
    /// Parses `text` (from `file`) into (key, command-or-nil) overrides, in file order.
    public static func parse(_ text: String, file: String) throws(FileProblem) -> [(KeyChord, Command?)] {
        let table = try TOMLText.parse(text, file: file)
        // Where each key sits, read once: asking the text again for every key made a large file quadratic.
        let lines = TOMLLines(text)
        for key in table.keys where key != "keys" {
            throw FileProblem(file: file, line: lines.line(ofKey: key), message: "unknown section or key '\(key)'; put bindings under [keys]")
        }
        guard let keys = table["keys"] else { return [] }
        guard let keysTable = keys.table else {
            throw FileProblem(file: file, line: lines.line(ofKey: "keys"), message: "'keys' must be a table: write [keys] on its own line")
        }
        var seen: [KeyChord: String] = [:]
        var result: [(KeyChord, Command?)] = []
        // Keep the file's order: TOMLKit's table order is not the file's.
        let ordered = keysTable.keys
            .map { (name: $0, line: lines.line(ofKey: $0, section: "keys") ?? lines.line(ofKey: $0)) }
            .sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        for (name, line) in ordered {
            StepCounter.add(1)
            guard let chord = KeyChord(parsing: name) else {
                throw FileProblem(file: file, line: line, message: "'\(name)' is not a key name; use a character, or names like enter, esc, up, pgdn, ctrl-d, alt-v, f1")
            }
            guard chord != .ctrl("z") else {
                throw FileProblem(file: file, line: line, message: "ctrl-z suspends confwatch (fg brings it back), as in any terminal program; bind another key")
            }
            guard let value = keysTable[name]?.string else {
                throw FileProblem(file: file, line: line, message: "the command for '\(name)' must be a string in quotes, e.g. \(name) = \"toggle-mute\"")
            }
            if let earlier = seen[chord] {
                throw FileProblem(file: file, line: line, message: "'\(name)' and '\(earlier)' are the same key, bound twice; keep one")
            }
            seen[chord] = name
            if value == "none" {
                result.append((chord, nil))
                continue
            }
            guard let command = Command(rawValue: value) else {
                throw FileProblem(file: file, line: line, message: "unknown command '\(value)'; commands are: \(Command.allCases.map(\.rawValue).joined(separator: ", ")), none")
            }
            result.append((chord, command))
        }
        return result
    }

    /// A whole keymap from a file: its bindings only.
    public static func table(from text: String, file: String) throws(FileProblem) -> KeyTable {
        var table = KeyTable([])
        table.apply(try parse(text, file: file).filter { $0.1 != nil })
        return table
    }

    /// `base` with a user's overrides applied, binding by binding.
    public static func apply(overridesFrom text: String, file: String, to base: KeyTable) throws(FileProblem) -> KeyTable {
        var table = base
        table.apply(try parse(text, file: file))
        return table
    }

    /// Writes a table as a keymap file (the form of keymaps/*.toml).
    public static func render(_ table: KeyTable, name: String) -> String {
        var out = "# confwatch keymap: \(name)\n"
        out += "# KEY = \"command\". Keys: a character (case matters), or enter, esc, space, tab, backtab,\n"
        out += "# backspace, up, down, left, right, pgup, pgdn, home, end, delete, insert, f1-f12, ctrl-X, alt-X.\n"
        out += "# Commands: \(Command.allCases.map(\.rawValue).joined(separator: ", ")).\n"
        out += "# \"none\" unbinds a key. Use it with --keymap PATH, or put single overrides in\n"
        out += "# $XDG_CONFIG_HOME/confwatch/keymap.toml (else ~/.config/confwatch/keymap.toml).\n\n[keys]\n"
        for binding in table.bindings {
            let key = binding.key.name
            let quotedKey = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && key.allSatisfy(\.isASCII) ? key : "\"\(key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
            let padding = String(repeating: " ", count: max(1, 10 - quotedKey.count))
            let value = "\"\(binding.command.rawValue)\""
            out += "\(quotedKey)\(padding)= \(value)\(String(repeating: " ", count: max(1, 20 - value.count)))# \(binding.command.summary)\n"
        }
        return out
    }
}
