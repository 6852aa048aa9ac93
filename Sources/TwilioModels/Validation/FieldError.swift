/// A parameter that cannot be sent as it is: which field, what is wrong, how to fix it, and the
/// error code Twilio answers such a parameter with when the code is known.
///
/// The simulator refuses with the same value (`code`, and `description` as the message), so a
/// parameter is refused in the same words whether the client or the server catches it.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var problem: String
    public var fix: String
    public var code: Int?

    public init(field: String, problem: String, fix: String, code: Int? = nil) {
        self.field = field
        self.problem = problem
        self.fix = fix
        self.code = code
    }

    public var description: String { "\(field): \(problem); \(fix)" }

    /// `description`, then the code Twilio would answer with.
    public var withCode: String { description + (code.map { " (Twilio error \($0))" } ?? "") }
}
