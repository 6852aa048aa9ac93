/// What Twilio accepts as `To`, `From`, URLs, labels and ranges, with the codes Twilio refuses the
/// rest with. The client checks these before sending and the simulator answers by them, so both
/// refuse a parameter with the same code and the same words.
public enum AddressRules {
    /// What a `To` (or `From`) names: the rules for `From` depend on it.
    public enum Endpoint: Sendable, Hashable {
        case phone, client, sip, app
    }

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

    /// `app:AP…`: a TwiML App, as a dial-out target.
    public static func isApp(_ text: String) -> Bool {
        text.hasPrefix("app:") && SID.isValid(String(text.dropFirst(4)), prefix: "AP")
    }

    /// The user part of a SIP address, as `From` when calling one: letters, digits, `_`, `-`, `.`.
    public static func isSIPUser(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 256 && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
    }

    public static func endpoint(_ text: String) -> Endpoint? {
        if isE164(text) { return .phone }
        if isClient(text) { return .client }
        if isSIP(text) { return .sip }
        if isApp(text) { return .app }
        return nil
    }

    /// An absolute `http://` or `https://` URL with a host and no spaces.
    public static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
    }

    /// Checks a `To` value: a phone number, a client, a SIP address or a TwiML App.
    public static func checkTo(_ value: String, field: String = "To") -> FieldError? {
        if value.isEmpty {
            return FieldError(field: field, problem: "is required", fix: "give a number like +15558675310, client:NAME, sip:user@host or app:AP…", code: 21201)
        }
        if endpoint(value) != nil { return nil }
        return FieldError(
            field: field, problem: "'\(value)' is not a phone number in E.164 form, a client:NAME, a sip: address or an app:AP… TwiML App",
            fix: "write numbers with + and the country code, e.g. +15558675310", code: 21217)
    }

    /// Checks a `From` (or `CallerId`) value against the `To` it calls, as Twilio documents it: a
    /// phone number or a client identity; only a phone number when `To` is one; also a SIP user
    /// name when `To` is a SIP address.
    public static func checkFrom(_ value: String, to: String? = nil, field: String = "From") -> FieldError? {
        if value.isEmpty {
            return FieldError(field: field, problem: "is required", fix: "give one of your Twilio numbers like +15017122661, or client:NAME", code: 21213)
        }
        let target = to.flatMap(endpoint)
        switch target {
        case .phone?:
            if isE164(value) { return nil }
            return FieldError(
                field: field, problem: "'\(value)' cannot call a phone number: when To is a phone number, \(field) must be one too",
                fix: "use one of your Twilio numbers, e.g. +15017122661", code: 21212)
        case .sip?:
            if isE164(value) || isClient(value) || isSIPUser(value) { return nil }
            return FieldError(
                field: field, problem: "'\(value)' is not a phone number, a client:NAME or a SIP user name",
                fix: "use a number like +15017122661, client:NAME, or a user name of letters, digits, _ - .", code: 21212)
        default:
            if isE164(value) || isClient(value) { return nil }
            return FieldError(
                field: field, problem: "'\(value)' is not a phone number in E.164 form or a client:NAME",
                fix: "write numbers with + and the country code, e.g. +15017122661", code: 21212)
        }
    }

    /// A URL Twilio fetches: a fully qualified http(s) URL. `emptyMeansNothing` lets `''` through,
    /// as `WaitUrl` uses it for "play nothing".
    public static func checkURL(_ value: String?, field: String, emptyMeansNothing: Bool = false) -> FieldError? {
        guard let value else { return nil }
        if isAbsoluteHTTPURL(value) || (emptyMeansNothing && value.isEmpty) { return nil }
        return FieldError(
            field: field, problem: "'\(value)' is not a fully qualified http(s) URL",
            fix: "write it in full, e.g. https://example.com/hold.xml", code: 21205)
    }

    public static func checkRange(_ value: Int?, _ range: ClosedRange<Int>, field: String, code: Int? = nil) -> FieldError? {
        guard let value, !range.contains(value) else { return nil }
        return FieldError(field: field, problem: "\(value) is out of range", fix: "use a whole number from \(range.lowerBound) to \(range.upperBound)", code: code)
    }

    /// Twilio refuses labels over 128 characters, labels that look like a CallSid, and labels holding
    /// `/`, also when written `%2F`, since a label is used in the participant's URL.
    public static func checkLabel(_ value: String?, field: String = "Label") -> FieldError? {
        guard let value else { return nil }
        func refuse(_ problem: String, _ fix: String) -> FieldError { FieldError(field: field, problem: problem, fix: fix, code: 16024) }
        if value.isEmpty { return refuse("is empty", "give a name, or leave the label out") }
        if value.count > 128 { return refuse("is longer than 128 characters", "shorten it") }
        if SID.isCall(value) { return refuse("looks like a CallSid", "pick a name that does not start with CA and 32 hex digits") }
        if value.contains("/") || value.lowercased().contains("%2f") { return refuse("contains '/' (or %2F)", "remove the slash") }
        return nil
    }

    public static func checkCallSid(_ value: String?, field: String) -> FieldError? {
        guard let value, !SID.isCall(value) else { return nil }
        return FieldError(field: field, problem: "'\(value)' is not a call SID", fix: "use CA followed by 32 hex digits", code: 20001)
    }

    /// `CallerDisplayName`: 2 to 255 characters.
    public static func checkCallerDisplayName(_ value: String?) -> FieldError? {
        guard let value, !(2...255).contains(value.count) else { return nil }
        return FieldError(field: "CallerDisplayName", problem: "has \(value.count) characters", fix: "use 2 to 255 characters", code: 20001)
    }

    /// `RecordingConfigurationId`: the identifier of a Voice Recording Configuration, up to 64
    /// letters, digits, `_` or `-`.
    public static func checkRecordingConfigurationId(_ value: String?) -> FieldError? {
        guard let value else { return nil }
        let fine = !value.isEmpty && value.count <= 64 && value.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-")
        }
        return fine ? nil : FieldError(
            field: "RecordingConfigurationId", problem: "'\(value)' is not a recording configuration identifier",
            fix: "copy the configuration's ID from the Console (letters, digits, _ and -, up to 64)", code: 20001)
    }

    /// `Passports`: one to five STIR/SHAKEN passports, comma separated, each base64 (URL-safe or
    /// standard, with the dots of a signed token).
    public static func checkPassports(_ value: String?) -> FieldError? {
        guard let value else { return nil }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        let fine = (1...5).contains(parts.count) && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { s in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "+/=_-.".unicodeScalars.contains(s))
            }
        }
        return fine ? nil : FieldError(
            field: "Passports", problem: "is not one to five base64 passports separated by commas",
            fix: "give each PASSporT base64 encoded, at most 5, joined with ','", code: 20001)
    }

    /// `Coaching=true` needs the call to coach.
    public static func checkCoaching(_ coaching: Bool?, callSidToCoach: String?) -> FieldError? {
        guard coaching == true, callSidToCoach == nil else { return nil }
        return FieldError(field: "Coaching", problem: "is true without CallSidToCoach", fix: "name the call to coach with CallSidToCoach", code: 20001)
    }

    public static func checkByoc(_ value: String?) -> FieldError? {
        guard let value, !SID.isValid(value, prefix: "BY") else { return nil }
        return FieldError(field: "Byoc", problem: "'\(value)' is not a BYOC trunk SID", fix: "use BY followed by 32 hex digits", code: 20001)
    }
}
