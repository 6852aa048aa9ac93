import Foundation
import Logging

/// `--verbose` logging on stderr through the one writer (`Console`), so a logged path or error
/// from the API is sanitised like every other line: `2026-11-25T16:00:00Z debug confwatch.api: GET … → 200 bytes=… ms=…`.
public struct ConsoleLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        Console.line("\(time) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)", to: .standardError)
    }
}
