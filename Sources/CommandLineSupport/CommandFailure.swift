import ArgumentParser
import Foundation
import TwilioConferences
import TwilioModels

/// A failure reported as one line on stderr (`confwatch: …`) with exit status 1; never a stack trace.
public struct CommandFailure: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension CommandFailure {
    /// Prints the line and exits. ArgumentParser would add usage text, which a runtime failure does not need.
    public func exit() -> Never {
        // Whatever the failure carries from a server, no credential or configured secret is printed.
        Console.line("confwatch: " + Redaction.redact(message.replacingOccurrences(of: "\n", with: " ")), to: .standardError)
        Foundation.exit(1)
    }
}

/// Runs a command body; a `CommandFailure` becomes its one line and exit status 1.
public func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let failure as CommandFailure {
        failure.exit()
    }
}

extension TwilioError {
    /// What the server itself said, for a message that words the failure its own way:
    /// `Twilio error 20404: The requested resource … was not found`, or `HTTP 404` without Twilio's JSON.
    public var serverAnswer: String {
        switch self {
        case .api(let body, _):
            let code = body.code.map { "Twilio error \($0)" } ?? "Twilio error (HTTP \(body.status))"
            return "\(code): \(TwilioError.oneLine(body.message, limit: 200))"
        case .http(let status, _, _):
            return "HTTP \(status)"
        default:
            return description
        }
    }
}
