/// One key press as the dashboard understands it: a character, a named key, or a control/alt combination.
/// Its `name` is the canonical spelling used in keymap files and the help: `j`, `G`, `?`, `space`,
/// `enter`, `esc`, `tab`, `backtab`, `backspace`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`,
/// `home`, `end`, `delete`, `insert`, `f1`…`f12`, `ctrl-a`…`ctrl-z`, `alt-x`.
public struct KeyChord: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    private init(canonical: String) { name = canonical }

    public var description: String { name }

    public static func character(_ c: Character) -> KeyChord {
        switch c {
        case " ": return KeyChord(canonical: "space")
        case "\n", "\r": return .enter
        case "\t": return .tab
        default: return KeyChord(canonical: String(c))
        }
    }

    public static func ctrl(_ letter: Character) -> KeyChord { KeyChord(canonical: "ctrl-\(letter.lowercased())") }
    public static func alt(_ key: KeyChord) -> KeyChord { KeyChord(canonical: "alt-\(key.name)") }

    public static let enter = KeyChord(canonical: "enter")
    public static let esc = KeyChord(canonical: "esc")
    public static let tab = KeyChord(canonical: "tab")
    public static let backtab = KeyChord(canonical: "backtab")
    public static let backspace = KeyChord(canonical: "backspace")
    public static let up = KeyChord(canonical: "up")
    public static let down = KeyChord(canonical: "down")
    public static let left = KeyChord(canonical: "left")
    public static let right = KeyChord(canonical: "right")
    public static let pageUp = KeyChord(canonical: "pgup")
    public static let pageDown = KeyChord(canonical: "pgdn")
    public static let home = KeyChord(canonical: "home")
    public static let end = KeyChord(canonical: "end")
    public static let delete = KeyChord(canonical: "delete")
    public static let insert = KeyChord(canonical: "insert")
    public static func function(_ n: Int) -> KeyChord { KeyChord(canonical: "f\(n)") }

    static let named: Set<String> = [
        "space", "enter", "esc", "tab", "backtab", "backspace", "up", "down", "left", "right", "pgup", "pgdn",
        "home", "end", "delete", "insert",
    ]

    static let aliases: [String: String] = [
        "return": "enter", "escape": "esc", "shift-tab": "backtab", "s-tab": "backtab", "bs": "backspace",
        "pageup": "pgup", "page-up": "pgup", "pagedown": "pgdn", "page-down": "pgdn", "del": "delete", "ins": "insert",
        "spc": "space",
    ]

    /// Reads a key name as written in a keymap file, with its aliases (`C-x`, `ctrl+x`, `M-x`, `return`,
    /// `shift-tab`…). Single characters are case-sensitive (`g` is not `G`); names are not (`Enter` is `enter`).
    public init?(parsing text: String) {
        if text.count == 1, let c = text.first {
            guard !c.isWhitespace || c == " ", let scalar = c.unicodeScalars.first, scalar.value >= 0x20, scalar.value != 0x7F else { return nil }
            self = .character(c)
            return
        }
        var lower = text.lowercased().replacingOccurrences(of: "+", with: "-")
        for (prefix, replacement) in [("c-", "ctrl-"), ("control-", "ctrl-"), ("m-", "alt-"), ("meta-", "alt-"), ("a-", "alt-")] where lower.hasPrefix(prefix) {
            lower = replacement + lower.dropFirst(prefix.count)
        }
        if lower.hasPrefix("ctrl-") {
            let rest = lower.dropFirst(5)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            self = .ctrl(letter)
            return
        }
        if lower.hasPrefix("alt-") {
            let restText = String(text.dropFirst(text.count - (lower.count - 4)))
            guard let inner = KeyChord(parsing: restText), !inner.name.hasPrefix("alt-") else { return nil }
            self = .alt(inner)
            return
        }
        if let alias = Self.aliases[lower] { lower = alias }
        if Self.named.contains(lower) {
            self.init(canonical: lower)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// The printable character this key types into a text field, if any.
    public var typedCharacter: Character? {
        if name == "space" { return " " }
        return name.count == 1 ? name.first : nil
    }

    /// How the help and footer show it: `↑`, `PgDn`, `Enter`, `Ctrl-D`…
    public var label: String {
        switch name {
        case "up": "↑"
        case "down": "↓"
        case "left": "←"
        case "right": "→"
        case "pgup": "PgUp"
        case "pgdn": "PgDn"
        case "enter": "Enter"
        case "esc": "Esc"
        case "space": "Space"
        case "tab": "Tab"
        case "backtab": "S-Tab"
        case "backspace": "BkSp"
        case "home": "Home"
        case "end": "End"
        case "delete": "Del"
        case "insert": "Ins"
        default:
            if name.hasPrefix("ctrl-") { "^" + name.dropFirst(5).uppercased() }
            else if name.hasPrefix("alt-") { "M-" + KeyChord(canonical: String(name.dropFirst(4))).label }
            else if name.hasPrefix("f"), name.count > 1, Int(name.dropFirst()) != nil { name.uppercased() }
            else { name }
        }
    }
}
