/// JSON that is exact and still safe on a terminal. JSONEncoder already writes every C0 control
/// inside a string as `\u00XX` (or `\n`, `\t`…); it writes C1 controls, bidi controls and the other
/// characters `SafeText` refuses as they are. Here those become `\uXXXX` escapes too (a surrogate
/// pair past U+FFFF), which a JSON reader turns back into the very same text: nothing is lost, and
/// no raw control reaches the screen when the output is not redirected.
public enum SafeJSON {
    /// `json` (as JSONEncoder wrote it) with every unsafe scalar escaped.
    public static func escapingUnsafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: escapes) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard escapes(scalar) else {
                out.append(scalar)
                continue
            }
            // Outside strings JSON holds only ASCII punctuation, digits, letters and whitespace, so an
            // unsafe scalar can only be inside a string, where an escape means the same character.
            // (Whitespace between tokens is not unsafe here: JSONEncoder's is spaces and newlines, and
            // a C0 control inside a string is already escaped.)
            if scalar.value < 0x20 {
                out.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                out.append(contentsOf: "\\u".unicodeScalars)
                out.append(contentsOf: hex(unit).unicodeScalars)
            }
        }
        return String(out)
    }

    /// What `SafeText` refuses, but the emoji joiner (U+200D): it never acts on a terminal, and an
    /// emoji sequence such as 👩‍💻 stays readable in the JSON.
    private static func escapes(_ scalar: Unicode.Scalar) -> Bool {
        SafeText.isUnsafe(scalar) && !SafeText.isDroppedJoiner(scalar.value)
    }

    private static func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: false)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
