import Foundation
import Synchronization

/// Takes credentials out of text before it is shown or stored. A server (or a proxy in front of it)
/// may echo the request's `Authorization` header, or a token, in its error text; a failure's message
/// may carry what it was sent. Replaced with `<redacted>`: every HTTP Basic credential, any base64
/// of `user:secret`, a decoded `AC…:secret` or `SK…:secret`, and every configured secret (the auth
/// token, the API secret, a dial-out's SIP password and call token), as written or form-encoded.
public enum Redaction {
    public static let mask = "<redacted>"

    /// The environment variables that hold the secrets confwatch is configured with.
    public static let secretVariables = ["TWILIO_AUTH_TOKEN", "TWILIO_API_SECRET", "CONFWATCH_SIP_AUTH_PASSWORD", "CONFWATCH_CALL_TOKEN"]

    /// Shorter "secrets" are not looked for: they would cut ordinary words out of every message.
    static let shortest = 3

    private static let configured = Mutex<[String]>([])

    /// Remembers the secrets this process was configured with, so that every message is cleaned of
    /// them wherever it is made (called once at start, with the process's environment).
    public static func configure(environment: [String: String]) {
        for name in secretVariables {
            if let value = environment[name] { remember(value) }
        }
    }

    /// Remembers one more configured secret (one that does not come from the environment).
    public static func remember(_ secret: String) {
        let value = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.count >= shortest else { return }
        configured.withLock { if !$0.contains(value) { $0.append(value) } }
    }

    /// The secrets remembered so far.
    public static var configuredSecrets: [String] { configured.withLock { $0 } }

    /// `text` without credentials, nor any of the configured secrets.
    public static func redact(_ text: String) -> String { redact(text, secrets: configuredSecrets) }

    /// `text` without credentials, nor any of `secrets` (nor the configured ones).
    public static func redact(_ text: String, secrets: [String]) -> String {
        let known = Set((secrets + configuredSecrets).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0.count >= shortest })
        // `Basic <credentials>`, whatever they encode.
        var out = text.replacing(basicCredential) { match in String(match.output.prefix(5)) + " " + mask }
        // A decoded credential: an account or API key SID, a colon, the secret.
        out = out.replacing(sidAndSecret) { _ in mask }
        // An Authorization header's value without its scheme: base64 of `user:secret`.
        out = out.replacing(base64Run) { match in
            decodesToCredential(String(match.output), known: known) ? mask : String(match.output)
        }
        // Each configured secret, as written or form-encoded; longest first, as one may hold another.
        for secret in known.sorted(by: { $0.count > $1.count }) {
            for form in Set([secret, FormEncoding.escape(secret)]) where out.contains(form) {
                out = out.replacingOccurrences(of: form, with: mask)
            }
        }
        return out
    }

    private static var basicCredential: Regex<Substring> { try! Regex(#"(?i)\bbasic\s+[A-Za-z0-9+/=._~-]+"#, as: Substring.self) }
    private static var base64Run: Regex<Substring> { try! Regex(#"[A-Za-z0-9+/_-]{8,}={0,2}"#, as: Substring.self) }
    private static var sidAndSecret: Regex<Substring> { try! Regex(#"\b(?:AC|SK)[0-9a-fA-F]{32}:[^\s"',;<>]+"#, as: Substring.self) }

    /// Whether `run` is base64 (standard or URL-safe) of printable `user:secret`, or of a known secret.
    static func decodesToCredential(_ run: String, known: Set<String>) -> Bool {
        var standard = run.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        guard let data = Data(base64Encoded: standard), let decoded = String(data: data, encoding: .utf8) else { return false }
        if known.contains(where: { decoded.contains($0) }) { return true }
        let printable = decoded.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        guard printable, let colon = decoded.firstIndex(of: ":") else { return false }
        return colon != decoded.startIndex && decoded.index(after: colon) != decoded.endIndex
    }
}
