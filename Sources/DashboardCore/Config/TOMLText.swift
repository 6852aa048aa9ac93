import TOMLKit

/// Parses a TOML file's text, turning a syntax error into a `FileProblem` with its line.
enum TOMLText {
    static func parse(_ text: String, file: String) throws(FileProblem) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw FileProblem(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw FileProblem(file: file, line: nil, message: "not valid TOML: \(error)")
        }
    }
}
