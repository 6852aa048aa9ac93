/// Counts the steps the keymap code takes (lines scanned, bindings visited), so a test can prove it
/// linear without timing anything: a file twice as long must cost about twice the steps. Nothing
/// is counted unless a test sets `current` for its own task (`StepCounter.$current.withValue`).
public final class StepCounter: @unchecked Sendable {
    public private(set) var steps = 0

    public init() {}

    @TaskLocal public static var current: StepCounter?

    /// Adds `n` steps to the counter of the running task, if it has one.
    public static func add(_ n: Int) {
        current?.steps += n
    }
}
