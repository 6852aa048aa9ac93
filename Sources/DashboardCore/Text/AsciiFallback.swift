import Foundation

/// What a frame looks like on a terminal whose locale is not UTF-8 (`LANG=C`, `POSIX`): the same
/// cells, in ASCII. The terminal layer applies it as it draws, so the layout and every test of it
/// stay the same; each character keeps its width — box drawing becomes `-`, `|` and `+`, `…` and
/// `·` a `.`, arrows `<` `>` `^` `v`, `✓` `v`, `✗` `x`, `●` `*`, `▸` `>`, `❚` `|`, a letter with an
/// accent the letter, and anything else `?` (`??` for a wide character).
public enum AsciiFallback {
    /// `text` in ASCII, cell for cell.
    public static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                out.append(character)
                continue
            }
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            if width == 1 {
                out.append(glyph(for: character))
            } else {
                out += String(repeating: "?", count: width)
            }
        }
        return out
    }

    /// The one-cell ASCII stand-in for a one-cell character.
    static func glyph(for character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first else { return "?" }
        let v = scalar.value
        if let known = table[v] { return known }
        switch v {
        case 0x2500...0x257F: return boxDrawing(v)
        case 0x2580...0x259F: return "#"  // block elements
        case 0x2010...0x2015, 0x2212: return "-"  // dashes, minus
        default: break
        }
        // A letter with marks (é, ñ, Å): the letter.
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII,
           base.properties.isAlphabetic {
            return Character(base)
        }
        return "?"
    }

    private static func boxDrawing(_ v: UInt32) -> Character {
        let horizontal: Set<UInt32> = [0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E]
        let vertical: Set<UInt32> = [0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F]
        if horizontal.contains(v) { return "-" }
        if vertical.contains(v) { return "|" }
        switch v {
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }

    private static let table: [UInt32: Character] = [
        0x00A0: " ", 0x00B7: ".", 0x2026: ".", 0x2022: "*", 0x2219: ".", 0x22C5: ".",
        0x2190: "<", 0x2191: "^", 0x2192: ">", 0x2193: "v", 0x2194: "-", 0x2195: "|",
        0x21D0: "<", 0x21D2: ">", 0x2039: "<", 0x203A: ">", 0x00AB: "<", 0x00BB: ">",
        0x2713: "v", 0x2714: "v", 0x2717: "x", 0x2718: "x", 0x00D7: "x",
        0x25CF: "*", 0x25CB: "o", 0x25C6: "*", 0x25C7: "o", 0x25A0: "#", 0x25A1: "o",
        0x25B8: ">", 0x25B6: ">", 0x25BA: ">", 0x25C2: "<", 0x25C0: "<", 0x25C4: "<",
        0x25BE: "v", 0x25BC: "v", 0x25B4: "^", 0x25B2: "^",
        0x275A: "|", 0x2759: "|",
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x2032: "'",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x2033: "\"",
        0x00B0: "o", 0x2264: "<", 0x2265: ">", 0x2248: "~", 0x2260: "#",
    ]
}
