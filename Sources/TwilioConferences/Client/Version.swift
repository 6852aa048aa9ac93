import TwilioModels
/// confwatch's version, sent in the User-Agent and printed by `--version`.
public enum ConfwatchVersion {
    public static let current = "0.2.0"
    public static var userAgent: String { "confwatch/\(current) (\(operatingSystem); Swift) async-http-client" }

    /// The operating system this build runs on, as the User-Agent names it.
    public static var operatingSystem: String {
        #if os(Linux)
        "Linux"
        #elseif os(macOS)
        "macOS"
        #elseif os(iOS)
        "iOS"
        #elseif os(tvOS)
        "tvOS"
        #elseif os(watchOS)
        "watchOS"
        #elseif os(visionOS)
        "visionOS"
        #elseif os(Windows)
        "Windows"
        #elseif os(Android)
        "Android"
        #elseif os(FreeBSD)
        "FreeBSD"
        #elseif os(OpenBSD)
        "OpenBSD"
        #elseif os(WASI)
        "WASI"
        #else
        "unknown OS"
        #endif
    }
}
