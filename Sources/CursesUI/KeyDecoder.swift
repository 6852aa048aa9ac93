import CNCurses
import DashboardCore

/// What the terminal produced: a key, pasted text (bracketed paste: never keys), or a new size.
public enum TerminalEvent: Sendable, Equatable {
    case key(KeyChord)
    case paste(String)
    case resized(width: Int, height: Int)
}

/// Turns ncurses' wide-character input into key chords.
enum KeyDecoder {
    static func functionKey(_ code: Int32) -> KeyChord? {
        switch code {
        case KEY_DOWN: .down
        case KEY_UP: .up
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_ENTER: .enter
        case KEY_BTAB: .backtab
        default:
            if code > KEY_F0, code <= KEY_F0 + 12 { .function(Int(code - KEY_F0)) } else { nil }
        }
    }

    static func character(_ value: UInt32) -> KeyChord? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .esc
        case 127: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(value + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
