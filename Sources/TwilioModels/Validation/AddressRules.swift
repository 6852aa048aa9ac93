/// What Twilio accepts as `To`, `From`, URLs and ranges, checked before anything is sent.
public enum AddressRules {
    /// `+` then 2 to 15 digits, the first not zero.
    public static func isE164(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 16, bytes[0] == UInt8(ascii: "+"), bytes[1] != UInt8(ascii: "0") else { return false }
        return bytes.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `client:NAME`, NAME being letters, digits, `_`, `-`, `.` or `@`.
    public static func isClient(_ text: String) -> Bool {
        guard text.hasPrefix("client:") else { return false }
        let name = text.dropFirst("client:".count)
        return !name.isEmpty && name.count <= 256 && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.@".unicodeScalars.contains(scalar))
        }
    }

    /// `sip:user@host[:port][;params]` (also `sips:`).
    public static func isSIP(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("sip:") { rest = text.dropFirst(4) } else if lower.hasPrefix("sips:") { rest = text.dropFirst(5) } else { return false }
        let parts = rest.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let host = parts[1].split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return !host.isEmpty && !host.contains(where: { $0 == " " || $0 == "/" || $0 == "@" })
            && !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
    }

    /// An absolute `http://` or `https://` URL with a host and no spaces.
    public static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
    }

    /// Checks a `To` value: a phone number, a client or a SIP address.
    public static func checkTo(_ value: String, field: String = "To") -> FieldError? {
        if value.isEmpty {
            return FieldError(field: field, problem: "is required", fix: "give a number like +15558675310, client:NAME or sip:user@host")
        }
        if isE164(value) || isClient(value) || isSIP(value) { return nil }
        return FieldError(
            field: field, problem: "'\(value)' is not a phone number in E.164 form, a client:NAME or a sip: address",
            fix: "write numbers with + and the country code, e.g. +15558675310")
    }

    /// Checks a `From` value: a phone number or a client identity.
    public static func checkFrom(_ value: String, field: String = "From") -> FieldError? {
        if value.isEmpty {
            return FieldError(field: field, problem: "is required", fix: "give one of your Twilio numbers like +15017122661, or client:NAME")
        }
        if isE164(value) || isClient(value) { return nil }
        return FieldError(
            field: field, problem: "'\(value)' is not a phone number in E.164 form or a client:NAME",
            fix: "write numbers with + and the country code, e.g. +15017122661")
    }

    public static func checkURL(_ value: String?, field: String) -> FieldError? {
        guard let value else { return nil }
        if isAbsoluteHTTPURL(value) { return nil }
        return FieldError(field: field, problem: "'\(value)' is not an absolute http(s) URL", fix: "write it in full, e.g. https://example.com/hold.xml")
    }

    public static func checkRange(_ value: Int?, _ range: ClosedRange<Int>, field: String) -> FieldError? {
        guard let value, !range.contains(value) else { return nil }
        return FieldError(field: field, problem: "\(value) is out of range", fix: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// Twilio refuses labels over 128 characters, labels that look like a CallSid, and labels holding `/`.
    public static func checkLabel(_ value: String?, field: String = "Label") -> FieldError? {
        guard let value else { return nil }
        if value.isEmpty { return FieldError(field: field, problem: "is empty", fix: "give a name, or leave the label out") }
        if value.count > 128 { return FieldError(field: field, problem: "is longer than 128 characters", fix: "shorten it") }
        if SID.isCall(value) { return FieldError(field: field, problem: "looks like a CallSid", fix: "pick a name that does not start with CA and 32 hex digits") }
        if value.contains("/") { return FieldError(field: field, problem: "contains '/'", fix: "remove the slash") }
        return nil
    }

    public static func checkCallSid(_ value: String?, field: String) -> FieldError? {
        guard let value, !SID.isCall(value) else { return nil }
        return FieldError(field: field, problem: "'\(value)' is not a call SID", fix: "use CA followed by 32 hex digits")
    }
}
