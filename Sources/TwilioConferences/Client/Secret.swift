import TwilioModels
/// A credential that never shows itself: not in `description`, `debugDescription`,
/// string interpolation, `dump` or a `Mirror`.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
    public var isEmpty: Bool { value.isEmpty }

    /// The one way to read it: for the Authorization header.
    public func withValue<T>(_ body: (String) throws -> T) rethrows -> T { try body(value) }
}
