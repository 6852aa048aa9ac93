/// The one rule for text that reaches a terminal, used by the dashboard's drawing, the one-shot
/// commands' output (`Console` in CommandLineSupport) and `TwilioError.oneLine`.
///
/// - A whole escape sequence becomes one `replacement`: CSI (`ESC [` or U+009B, through its final
///   byte), OSC (`ESC ]` or U+009D, through BEL or ST), DCS, SOS, PM and APC (through ST), and the
///   short ones (`ESC 7`, `ESC ( B`…); a lone ESC too. Nothing of a sequence's body is shown, so an
///   OSC 52 payload never reaches the screen even as text.
/// - Every other C0 control, DEL and C1 control becomes `replacement`; tab, newline and carriage
///   return become a space (unless the caller keeps them, e.g. newlines in a multi-line table).
/// - Bidi embeddings, overrides, isolates and marks, other invisible format characters and the line
///   and paragraph separators become `replacement`, so text can never be reordered around them.
/// - Emoji joiners and variation selectors are dropped, so every character is as wide on screen as
///   the layout measured it (terminals measure each emoji on its own, as wcwidth does).
/// - A run of combining marks on one character is cut to `maxCombiningMarks`, so "zalgo" text cannot
///   pile up over the lines around it.
public enum SafeText {
    /// Combining marks kept on one character; the rest of a longer run is dropped.
    public static let maxCombiningMarks = 2

    /// `text` made safe for a terminal (see the type's rules). `keeping` lists scalars the caller
    /// allows through as they are (only `"\n"` and `"\t"` make sense).
    public static func sanitize(_ text: String, replacement: Character = "?", keeping: Set<Unicode.Scalar> = []) -> String {
        // Usually there is nothing to replace: then the text itself, not a copy.
        if !needsCleaning(text, keeping: keeping) { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        let replaced = String(replacement).unicodeScalars
        var marks = 0
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let v = scalar.value
            if keeping.contains(scalar) {
                out.append(scalar)
                marks = 0
                i += 1
            } else if let end = escapeSequenceEnd(scalars, from: i) {
                out.append(contentsOf: replaced)
                marks = 0
                i = end
            } else if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                out.append(" ")
                marks = 0
                i += 1
            } else if isDroppedJoiner(v) {
                i += 1
            } else if isUnsafe(scalar) {
                out.append(contentsOf: replaced)
                marks = 0
                i += 1
            } else if isCombiningMark(scalar) {
                marks += 1
                if marks <= maxCombiningMarks { out.append(scalar) }
                i += 1
            } else {
                out.append(scalar)
                marks = 0
                i += 1
            }
        }
        return String(out)
    }

    /// Whether `sanitize` would change `text`.
    public static func needsCleaning(_ text: String, keeping: Set<Unicode.Scalar> = []) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        var marks = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x7F, v >= 0x20 {
                marks = 0
                continue
            }
            if keeping.contains(scalar) { marks = 0; continue }
            if v < 0x20 || isDroppedJoiner(v) || isUnsafe(scalar) { return true }
            if isCombiningMark(scalar) {
                marks += 1
                if marks > maxCombiningMarks { return true }
            } else {
                marks = 0
            }
        }
        return false
    }

    /// Whether a scalar may never be written to a terminal as it is: C0 controls, DEL, C1 controls
    /// (which carry escape sequences such as CSI and OSC), bidi controls, other format characters,
    /// and the line and paragraph separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        // Nothing in Latin-1 past the controls, nor in the arrows, box drawing and shapes, is a
        // format character except the soft hyphen: skip the property lookup for them.
        if v < 0x300 { return v == 0xAD }
        if (0x2010...0x2027).contains(v) || (0x2030...0x205F).contains(v) || (0x2190...0x27BF).contains(v) { return false }
        // Bidi embeddings/overrides/isolates and marks that reorder text.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C { return true }
        // Other format characters, zero-width joiners included.
        if scalar.properties.generalCategory == .format { return true }
        // Line and paragraph separators.
        if v == 0x2028 || v == 0x2029 { return true }
        return false
    }

    /// A mark drawn on the character before it (no cell of its own).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Emoji joiners and variation selectors: dropped rather than replaced (see the type's rules).
    static func isDroppedJoiner(_ v: UInt32) -> Bool { v == 0x200D || v == 0xFE0E || v == 0xFE0F }

    // MARK: Escape sequences (ECMA-48)

    private static let esc: UInt32 = 0x1B
    private static let bel: UInt32 = 0x07
    private static let st: UInt32 = 0x9C

    /// When an escape sequence starts at `start`, the index just past it (a lone ESC is a sequence
    /// of its own); nil when none starts there.
    static func escapeSequenceEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let v = s[start].value
        switch v {
        case 0x9B: return controlSequenceEnd(s, from: start + 1)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return controlStringEnd(s, from: start + 1)
        case esc: break
        default: return nil
        }
        guard start + 1 < s.count else { return start + 1 }
        let next = s[start + 1].value
        switch next {
        case 0x5B: return controlSequenceEnd(s, from: start + 2)  // ESC [  CSI
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return controlStringEnd(s, from: start + 2)  // ESC ] P X ^ _
        case 0x20...0x2F:
            // ESC, intermediates, a final byte (ESC ( B, ESC # 8…).
            var i = start + 1
            while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
            if i < s.count, (0x30...0x7E).contains(s[i].value) { i += 1 }
            return i
        case 0x30...0x7E: return start + 2  // ESC 7, ESC c, ESC \ …
        default: return start + 1  // a lone ESC
        }
    }

    /// CSI's parameters, intermediates and final byte; a sequence cut short ends where it breaks.
    private static func controlSequenceEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count, (0x30...0x3F).contains(s[i].value) { i += 1 }
        while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
        if i < s.count, (0x40...0x7E).contains(s[i].value) { i += 1 }
        return i
    }

    /// OSC, DCS, SOS, PM and APC run to BEL or ST (`ESC \` or U+009C); another ESC ends them too
    /// (terminals abort the string there), and so does the end of the text.
    private static func controlStringEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let v = s[i].value
            if v == bel || v == st { return i + 1 }
            if v == esc { return i + 1 < s.count && s[i + 1] == "\\" ? i + 2 : i }
            i += 1
        }
        return i
    }
}
