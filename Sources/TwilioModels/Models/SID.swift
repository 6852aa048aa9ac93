/// Twilio resource identifiers: a two-letter prefix and 32 hexadecimal digits (34 characters).
public enum SID {
    public static let length = 34

    /// True when `value` is `prefix` followed by exactly 32 hexadecimal digits.
    public static func isValid(_ value: String, prefix: String) -> Bool {
        let utf8 = value.utf8
        guard utf8.count == length, value.hasPrefix(prefix) else { return false }
        return utf8.dropFirst(2).allSatisfy(\.isHexDigitASCII)
    }

    public static func isAccount(_ value: String) -> Bool { isValid(value, prefix: "AC") }
    public static func isConference(_ value: String) -> Bool { isValid(value, prefix: "CF") }
    public static func isCall(_ value: String) -> Bool { isValid(value, prefix: "CA") }
    public static func isAPIKey(_ value: String) -> Bool { isValid(value, prefix: "SK") }

    /// `CA…1a2b3c`: the prefix and the last six digits, for a participant without a name.
    public static func short(_ sid: String) -> String { sid.count > 10 ? String(sid.prefix(2)) + "…" + String(sid.suffix(6)) : sid }
}

extension UInt8 {
    var isHexDigitASCII: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
