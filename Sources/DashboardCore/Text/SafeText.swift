/// Text from the API made safe to put on a terminal: control characters (C0, DEL, C1, which carry
/// escape sequences such as CSI and OSC), bidi overrides and isolates, and other invisible format
/// characters are replaced, so a hostile label can never move the cursor, retitle the window or
/// reorder what is drawn around it. Emoji joiners and variation selectors are dropped so that every
/// character is as wide on screen as the layout measured it.
public enum SafeText {
    /// Replaces each unsafe scalar with `replacement` (a visible `?` by default); newlines and tabs become spaces.
    public static func sanitize(_ text: String, replacement: Character = "?") -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        // Usually there is nothing to replace: then the text itself, not a copy.
        if !text.unicodeScalars.contains(where: { isUnsafe($0) || $0.value == 0x200D || $0.value == 0xFE0E || $0.value == 0xFE0F || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                out.append(" ")
            } else if scalar.value == 0x200D || scalar.value == 0xFE0E || scalar.value == 0xFE0F {
                // Joiners and emoji variation selectors are dropped: terminals measure each emoji on its
                // own (wcwidth), and so must the layout, or columns would drift.
                continue
            } else if isUnsafe(scalar) {
                out.append(contentsOf: String(replacement).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

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
}
