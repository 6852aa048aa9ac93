/// A problem with the set-up (environment, flags, files) that the user must fix; one line.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
