/// Bytes that should be UTF-8 but are not: each invalid sequence becomes U+FFFD, so one bad byte in
/// one label spoils that label, not the whole answer.
public enum UTF8Repair {
    /// nil when `bytes` are valid UTF-8; otherwise the bytes with every invalid sequence replaced.
    public static func repaired<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8]? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }
}

extension CodingUserInfoKey {
    /// True when the bytes being decoded were repaired by `UTF8Repair`: text fields holding U+FFFD
    /// are then named as unreadable.
    public static let repairedUTF8 = CodingUserInfoKey(rawValue: "confwatch.repairedUTF8")!
}

extension Participant {
    /// After decoding repaired bytes: names each text field that holds a replacement character.
    mutating func noteInvalidUTF8() {
        let fields: [(String, String?)] = [
            ("label", label), ("status", status?.rawValue), ("call_sid_to_coach", callSidToCoach), ("queue_time", queueTime),
            ("account_sid", accountSid), ("conference_sid", conferenceSid), ("uri", uri),
        ]
        for (name, value) in fields where value?.contains("\u{FFFD}") == true {
            unreadable[name] = "not valid UTF-8; shown with \u{FFFD}"
        }
    }
}
