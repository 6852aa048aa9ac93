import TOMLKit

/// Parses a TOML file's text, turning a syntax error into a `FileProblem` with its line.
///
/// Two checks run first because toml++ (inside TOMLKit 0.6.0) asserts — aborting, or in a release
/// build assuming the impossible — on a table header whose name does not start right after the
/// bracket (`[` then a line break): such a line, and any control character TOML forbids, is refused
/// here with its line number. The fuzz tests found this; they keep it found.
enum TOMLText {
    static func parse(_ text: String, file: String) throws(FileProblem) -> TOMLTable {
        try precheck(text, file: file)
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FileProblem(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw FileProblem(file: file, line: nil, message: "not valid TOML: \(error)")
        }
    }

    static func precheck(_ text: String, file: String) throws(FileProblem) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let bad = line.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\r") || $0.value == 0x7F }) {
                throw FileProblem(file: file, line: index + 1, message: "control character U+\(String(format: "%04X", bad.value)) is not allowed in TOML; remove it")
            }
            var rest = line.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "[" else { continue }
            rest = rest.dropFirst()
            if rest.first == "[" { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first, first.isASCII, first.isLetter || first.isNumber || "_-\"']".contains(first) else {
                throw FileProblem(file: file, line: index + 1, message: "a [section] header needs its name on the same line, e.g. [keys]")
            }
        }
    }
}
