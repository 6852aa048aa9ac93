import Foundation

/// Durations and clock times as the dashboard writes them.
public enum TimeText {
    /// `4s`, `3m12s`, `1h04m`, `2d03h`.
    public static func duration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(pad(s % 60))s" }
        if s < 86_400 { return "\(s / 3600)h\(pad(s / 60 % 60))m" }
        return "\(s / 86_400)d\(pad(s / 3600 % 24))h"
    }

    /// `4s`, `<1m`, `12m`, `1h04m`, `2d03h`: for the table, where a value that changed every second
    /// would rewrite every row every second; seconds are shown only for the first ten.
    public static func coarse(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 10 { return "\(s)s" }
        if s < 60 { return "<1m" }
        if s < 3600 { return "\(s / 60)m" }
        return duration(seconds)
    }

    /// A number that changes exactly when `coarse(seconds)` does (cheaper than the text).
    public static func coarseBucket(_ seconds: Double) -> Int {
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 10 { return s }
        if s < 60 { return 10 }
        if s < 3600 { return 100_000 + s / 60 }
        if s < 86_400 { return 200_000 + s / 60 }
        return 300_000 + s / 3600
    }

    /// How old `seconds` gets before `coarse(seconds)` changes: the end of its bucket.
    public static func coarseBucketEnd(_ seconds: Double) -> Double {
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 10 { return Double(s + 1) }
        if s < 60 { return 60 }
        if s < 86_400 { return Double((s / 60 + 1) * 60) }
        return Double((s / 3600 + 1) * 3600)
    }

    /// `0.4s`, `12s`: the age of the data, with a tenth under ten seconds.
    public static func age(_ seconds: Double) -> String {
        let s = max(0, seconds)
        if s < 10 { return String(format: "%.1fs", s) }
        return duration(s)
    }

    /// `23 ms`, `1.2 s`.
    public static func latency(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }

    /// `HH:MM:SS` at `utcOffset` seconds east of UTC.
    public static func clock(_ date: Date, utcOffset: Int) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return "\(pad(day / 3600)):\(pad(day / 60 % 60)):\(pad(day % 60))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
