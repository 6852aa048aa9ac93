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
}

extension UInt8 {
    var isHexDigitASCII: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
