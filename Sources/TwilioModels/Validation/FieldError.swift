/// A parameter that cannot be sent as it is: which field, what is wrong, how to fix it.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var problem: String
    public var fix: String

    public init(field: String, problem: String, fix: String) {
        self.field = field
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(field): \(problem); \(fix)" }
}
