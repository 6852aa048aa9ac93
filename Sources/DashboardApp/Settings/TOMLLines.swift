import DashboardCore
import Foundation

/// Where each key sits in TOML text, since TOMLKit does not say: read once, line by line, then
/// asked per key (a keymap of 20,000 bindings asks 20,000 times; each answer is a lookup).
struct TOMLLines {
    /// The first line of each `key = …`, by the `[section]` it is in ("" before any).
    private var keys: [String: [String: Int]] = [:]
    /// The first line of each key in any section, or of a `[key]` header.
    private var anywhere: [String: Int] = [:]

    init(_ text: String) {
        var section = ""
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                section = line[line.index(after: line.startIndex)..<end].trimmingCharacters(in: .whitespaces)
                if anywhere[section] == nil { anywhere[section] = number }
                continue
            }
            guard let key = Self.key(of: line) else { continue }
            if keys[section, default: [:]][key] == nil { keys[section, default: [:]][key] = number }
            if anywhere[key] == nil { anywhere[key] = number }
        }
        StepCounter.add(number)
    }

    /// The line of `key = …` (or of `[key]`); with `section`, only a key inside `[section]` counts.
    func line(ofKey key: String, section: String? = nil) -> Int? {
        guard let section else { return anywhere[key] }
        return keys[section]?[key]
    }

    /// The same, reading `text` for one key (a config file's one problem).
    static func line(ofKey key: String, in text: String, section: String? = nil) -> Int? {
        TOMLLines(text).line(ofKey: key, section: section)
    }

    /// The key a `key = value` line defines, as TOMLKit names it: bare, "basic" (with \\ and \"
    /// escapes) or 'literal'.
    static func key(of line: String) -> String? {
        var key = ""
        var rest = Substring(line)
        switch rest.first {
        case "\"":
            rest = rest.dropFirst()
            var escaped = false
            while let c = rest.first {
                rest = rest.dropFirst()
                if escaped {
                    key.append(c == "\"" || c == "\\" ? c : "\\")
                    if c != "\"" && c != "\\" { key.append(c) }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    break
                } else {
                    key.append(c)
                }
            }
        case "'":
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: "'") else { return nil }
            key = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
        default:
            guard let end = rest.firstIndex(where: { $0 == "=" || $0 == " " || $0 == "\t" }) else { return nil }
            key = String(rest[..<end])
            rest = rest[end...]
        }
        guard rest.drop(while: { $0 == " " || $0 == "\t" }).first == "=", !key.isEmpty else { return nil }
        return key
    }
}
