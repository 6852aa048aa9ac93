import TwilioModels

/// A one-line text input: typing appends, Backspace deletes, Ctrl-U clears, Ctrl-W deletes a word.
public struct TextField: Sendable, Hashable {
    public var text: String
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 256) {
        self.text = text
        self.maxLength = maxLength
    }

    /// Applies an editing key; false when the key is not an edit.
    public mutating func handle(_ key: KeyChord) -> Bool {
        if let c = key.typedCharacter {
            if text.count < maxLength { text.append(c) }
            return true
        }
        switch key.name {
        case "backspace", "ctrl-h":
            if !text.isEmpty { text.removeLast() }
        case "ctrl-u":
            text = ""
        case "ctrl-w":
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { _ = last; text.removeLast() }
        default:
            return false
        }
        return true
    }

    /// Inserts pasted text as typed text: line breaks, tabs, controls and escape sequences become
    /// spaces (`SafeText`), and only what fits in `maxLength` is kept.
    public mutating func insert(pasted: String) {
        let clean = SafeText.sanitize(pasted, replacement: " ")
        let room = maxLength - text.count
        guard room > 0 else { return }
        text += clean.prefix(room)
    }
}
