import CNCurses
import DashboardCore

/// What ncurses handed over, one `wget_wch` each: a character, or a function key's code.
enum RawInput: Sendable, Equatable {
    case character(UInt32)
    case function(Int32)
}

/// What the input came to: an event for the loop, or a new window size for the terminal to read.
enum DecodedInput: Sendable, Equatable {
    case event(TerminalEvent)
    case resize
}

/// Turns the terminal's input into keys and pastes. With bracketed paste on, the terminal wraps
/// pasted text in `ESC [200~ … ESC [201~`: all of it becomes one `.paste` event, so a pasted
/// newline or letter never runs a command. A paste may span several reads; the decoder keeps its
/// place between them. (The start marker is expected whole in one read, as terminals send it.)
struct InputDecoder {
    static let pasteStart: [UInt32] = [27, 91, 50, 48, 48, 126]  // ESC [ 2 0 0 ~
    static let pasteEnd: [UInt32] = [27, 91, 50, 48, 49, 126]  // ESC [ 2 0 1 ~
    /// Pasted text kept; the rest of a larger paste is dropped (its end is still waited for).
    static let pasteLimit = 65_536

    /// The paste being read, when one is.
    private var paste: String.UnicodeScalarView?
    /// How many scalars it holds.
    private var pasteCount = 0
    /// How much of the end marker has just been read (held back from the text).
    private var endMatched = 0

    var inPaste: Bool { paste != nil }

    /// Decodes one read's worth of input (everything that was waiting).
    mutating func decode(_ burst: [RawInput]) -> [DecodedInput] {
        var out: [DecodedInput] = []
        var i = 0
        while i < burst.count {
            let input = burst[i]
            if paste != nil {
                switch input {
                case .character(let value):
                    if let text = pasted(value) { out.append(.event(.paste(text))) }
                case .function(let code):
                    // Keys inside a paste are text the terminal happened to recognise: dropped.
                    if code == cw_key_resize() { out.append(.resize) }
                }
                i += 1
                continue
            }
            switch input {
            case .function(let code):
                if code == cw_key_resize() {
                    out.append(.resize)
                } else if let key = KeyDecoder.functionKey(code) {
                    out.append(.event(.key(key)))
                }
                i += 1
            case .character(27):
                if starts(burst, at: i, with: Self.pasteStart) {
                    paste = String.UnicodeScalarView()
                    pasteCount = 0
                    endMatched = 0
                    i += Self.pasteStart.count
                } else if i + 1 < burst.count, case .character(let next) = burst[i + 1], let inner = KeyDecoder.character(next), inner != .esc {
                    // Esc, or Alt+key when another character is already waiting.
                    out.append(.event(.key(.alt(inner))))
                    i += 2
                } else {
                    out.append(.event(.key(.esc)))
                    i += 1
                }
            case .character(let value):
                if let key = KeyDecoder.character(value) { out.append(.event(.key(key))) }
                i += 1
            }
        }
        return out
    }

    /// Adds a pasted character; the whole text once the end marker is complete.
    private mutating func pasted(_ value: UInt32) -> String? {
        if value == Self.pasteEnd[endMatched] {
            endMatched += 1
            guard endMatched == Self.pasteEnd.count else { return nil }
            let text = String(paste ?? String.UnicodeScalarView())
            paste = nil
            endMatched = 0
            return text
        }
        // Not the marker after all: what was held back is text.
        for held in Self.pasteEnd.prefix(endMatched) { keep(held) }
        endMatched = value == Self.pasteEnd[0] ? 1 : 0
        if endMatched == 0 { keep(value) }
        return nil
    }

    private mutating func keep(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value), pasteCount < Self.pasteLimit else { return }
        paste!.append(scalar)
        pasteCount += 1
    }

    private func starts(_ burst: [RawInput], at index: Int, with marker: [UInt32]) -> Bool {
        guard index + marker.count <= burst.count else { return false }
        return marker.indices.allSatisfy { burst[index + $0] == .character(marker[$0]) }
    }
}
