import ArgumentParser
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

public enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// Writes to stdout at once, even when it is a pipe (the simulator's first line is read by scripts),
/// through the one sanitising writer (`Console`).
public enum StandardOutput {
    public static func line(_ text: String) {
        Console.line(text)
    }

    /// Text without a newline added.
    public static func write(_ text: String) {
        Console.write(text)
    }

    /// Pretty JSON with the API's own field names, exactly: JSONEncoder escapes C0 controls and
    /// `SafeJSON` the rest of what a terminal must not receive raw, so it is never sanitised.
    public static func json<T: Encodable>(_ value: T) throws {
        Console.exact(try jsonText(value) + "\n")
    }

    /// The JSON `json` prints.
    public static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return SafeJSON.escapingUnsafe(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Plain aligned columns; API text is sanitised and measured by display width.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []

    public init(headers: [String]) { self.headers = headers }

    public mutating func add(_ row: [String]) { rows.append(row.map { SafeText.sanitize($0) }) }

    public func render() -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        widths = widths.map { min($0, 48) }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in i == cells.count - 1 ? DisplayWidth.truncate(cell, to: widths[i]) : DisplayWidth.fit(cell, to: widths[i]) }
                .joined(separator: "  ")
        }
        return ([format(headers)] + rows.map(format)).joined(separator: "\n")
    }
}

public enum Formatting {
    public static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "-" }

    /// "3m12s", "1h04m", for how long ago `date` was.
    public static func age(since date: Date?, now: Date = Date()) -> String {
        guard let date else { return "-" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" }
        return "\(seconds / 3600)h\(String(format: "%02d", seconds / 60 % 60))m"
    }
}
