/// A box over the table: a prompt, a form, a chooser or a scroller. Each holds its own state,
/// handles its own keys and draws itself; the reducer routes keys, and the results a box waits for,
/// to the one that is open (`Reducer.route`). Adding a box is one type conforming to this, opened by
/// the command that needs it.
public protocol Box: Sendable {
    /// A key while the box is open. The box is out of `state.box` while this runs, so it may change
    /// the rest of the state; it goes back unless the outcome closes it or it opened another box.
    mutating func handle(_ key: KeyChord, _ command: Command?, _ state: inout DashboardState) -> BoxOutcome

    /// Any other message while the box is open, after the reducer has applied it: the answer a box
    /// waits for (a dial-out's result, the conferences, the audit trail) or the clock.
    mutating func receive(_ message: Message, _ state: inout DashboardState) -> BoxOutcome

    /// Draws the box over the rest of the screen.
    func draw(_ state: DashboardState, _ canvas: inout Canvas)

    /// Boxes that only scroll take the keymap's own keys, Alt ones included; boxes with fields read
    /// Esc followed at once by a key as both.
    var onlyScrolls: Bool { get }

    /// Pasted text, for the text field that has the focus (`TextField.insert(pasted:)`): false when
    /// the box has none focused, and the paste is ignored. Never runs a key.
    mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool
}

extension Box {
    public mutating func receive(_ message: Message, _ state: inout DashboardState) -> BoxOutcome { .stay }
    public var onlyScrolls: Bool { false }
    public mutating func paste(_ text: String, _ state: inout DashboardState) -> Bool { false }
}

/// What handling a message came to: whether the box closes, and what must happen outside.
public struct BoxOutcome: Sendable {
    public var closesBox: Bool
    public var effects: [Effect]

    public static let stay = BoxOutcome(closesBox: false, effects: [])
    public static let close = BoxOutcome(closesBox: true, effects: [])
    public static func stay(_ effects: [Effect]) -> BoxOutcome { BoxOutcome(closesBox: false, effects: effects) }
    public static func close(_ effects: [Effect]) -> BoxOutcome { BoxOutcome(closesBox: true, effects: effects) }
}

/// Keys every box reads the same way.
enum BoxKeys {
    /// Esc (or Ctrl-G, as in Emacs) closes any box.
    static func closes(_ key: KeyChord) -> Bool { key == .esc || key == .ctrl("g") }

    /// y or Y answers a y/N question.
    static func confirms(_ key: KeyChord) -> Bool { key.name == "y" || key.name == "Y" }
}
