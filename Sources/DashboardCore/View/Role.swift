/// What a cell is, never its colour: the terminal layer maps roles to colours (or, with NO_COLOR, to attributes).
public enum Role: UInt8, CaseIterable, Sendable, Hashable {
    case normal
    case title
    case heading
    case dim
    case joined
    case changed
    case left
    case muted
    case held
    case coaching
    case pending
    case done
    case failed
    case stale
    case warning
    case key
    case box
    case boxTitle
    case input

    /// One letter per role, for golden files (upper case, or `:` for normal, on the selected line).
    public var letter: Character {
        Array(".tedjclmhopnfswkbxi")[Int(rawValue)]
    }
}

/// A cell's look: its role, and whether it sits on the selected line (drawn reversed).
public struct CellStyle: Hashable, Sendable {
    public var role: Role
    public var selected: Bool

    public init(_ role: Role, selected: Bool = false) {
        self.role = role
        self.selected = selected
    }
}
