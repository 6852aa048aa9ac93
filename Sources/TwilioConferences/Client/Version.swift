/// confwatch's version, sent in the User-Agent and printed by `--version`.
public enum ConfwatchVersion {
    public static let current = "0.1.0"
    public static var userAgent: String { "confwatch/\(current) (Linux; Swift) async-http-client" }
}
