import Foundation

/// RFC 2822 dates as Twilio writes them: `Wed, 18 Aug 2010 20:20:10 +0000`.
///
/// Hand-rolled because it sits on the polling hot path: `DateFormatter` costs
/// microseconds per call and every participant carries two dates.
public enum RFC2822 {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `date` in UTC with a `+0000` zone, whole seconds.
    public static func string(from date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - dayNumber * 86_400)
        let (year, month, day) = civil(fromDays: dayNumber)
        let weekday = Int(((dayNumber % 7) + 11) % 7) // 1970-01-01 was a Thursday (index 4)
        return "\(days[weekday]), \(pad2(day)) \(months[month - 1]) \(year) "
            + "\(pad2(secondOfDay / 3600)):\(pad2(secondOfDay / 60 % 60)):\(pad2(secondOfDay % 60)) +0000"
    }

    /// Parses `[Day, ]DD Mon YYYY HH:MM[:SS] (+|-)HHMM|GMT|UT|Z`; nil when it is not such a date.
    public static func date(from string: String) -> Date? {
        var scanner = Scanner(bytes: Array(string.utf8))
        scanner.skipSpaces()
        if let first = scanner.peek, Self.isLetter(first) {
            // optional day of week
            guard scanner.word() != nil, scanner.consume(UInt8(ascii: ",")) else { return nil }
            scanner.skipSpaces()
        }
        guard let day = scanner.number(maxDigits: 2) else { return nil }
        scanner.skipSpaces()
        guard let monthName = scanner.word(), let month = months.firstIndex(of: monthName) else { return nil }
        scanner.skipSpaces()
        guard let year = scanner.number(maxDigits: 4), year >= 1900 else { return nil }
        scanner.skipSpaces()
        guard let hour = scanner.number(maxDigits: 2), scanner.consume(UInt8(ascii: ":")),
              let minute = scanner.number(maxDigits: 2) else { return nil }
        var second = 0
        if scanner.consume(UInt8(ascii: ":")) {
            guard let s = scanner.number(maxDigits: 2) else { return nil }
            second = s
        }
        scanner.skipSpaces()
        var offsetSeconds = 0
        if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            scanner.advance()
            guard let zone = scanner.number(maxDigits: 4, exactly: true) else { return nil }
            offsetSeconds = (zone / 100 * 3600 + zone % 100 * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else if let zone = scanner.word() {
            guard ["GMT", "UT", "UTC", "Z"].contains(zone) else { return nil }
        }
        scanner.skipSpaces()
        guard scanner.atEnd, (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        let dayNumber = days(fromCivil: year, month: month + 1, day: day)
        let total = dayNumber * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return Date(timeIntervalSince1970: TimeInterval(total))
    }

    private static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    // Howard Hinnant's days_from_civil / civil_from_days.
    public static func days(fromCivil year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        init(bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }
        mutating func advance() { index += 1 }
        mutating func skipSpaces() { while let b = peek, b == 0x20 || b == 0x09 { index += 1 } }
        mutating func consume(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }
        mutating func word() -> String? {
            let start = index
            while let b = peek, RFC2822.isLetter(b) { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }
        mutating func number(maxDigits: Int, exactly: Bool = false) -> Int? {
            var value = 0
            var count = 0
            while count < maxDigits, let b = peek, (0x30...0x39).contains(b) {
                value = value * 10 + Int(b - 0x30)
                count += 1
                index += 1
            }
            if count == 0 || (exactly && count != maxDigits) { return nil }
            return value
        }
    }
}
