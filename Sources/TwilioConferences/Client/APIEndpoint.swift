import TwilioModels
import Foundation

/// Where the API lives: `https://api.twilio.com`, a regional/edge host, or an override such as the simulator.
public struct APIEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Scheme, host and port, without a trailing slash, e.g. `https://api.dublin.ie1.twilio.com`.
    public let baseURL: String

    public var description: String { baseURL }

    /// The host (and port, when given) the base URL names, for messages: `api.twilio.com`, `127.0.0.1:8089`.
    public var hostAndPort: String { baseURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "") }

    /// Builds the endpoint with this precedence: `--api-url`, then `CONFWATCH_API_URL`, then
    /// `TWILIO_REGION`/`TWILIO_EDGE` (`api.{edge}.{region}.twilio.com`, region us1 when only an edge is set),
    /// then `https://api.twilio.com`. Plain `http://` is accepted only for loopback hosts.
    public static func resolve(
        override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> APIEndpoint {
        if let override = override.flatMap(nonEmpty) {
            return try parse(override, source: "--api-url")
        }
        if let env = environment["CONFWATCH_API_URL"].flatMap(nonEmpty) {
            return try parse(env, source: "CONFWATCH_API_URL")
        }
        let region = environment["TWILIO_REGION"].flatMap(nonEmpty)
        let edge = environment["TWILIO_EDGE"].flatMap(nonEmpty)
        for (name, value) in [("TWILIO_REGION", region), ("TWILIO_EDGE", edge)] {
            if let value, !value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) || !value.allSatisfy(\.isASCII) {
                throw ConfigurationError("\(name)='\(value)' is not a region or edge name; use names like us1, ie1 or dublin, ashburn")
            }
        }
        var host = "api"
        if let edge { host += ".\(edge.lowercased())" }
        if edge != nil || region != nil { host += ".\((region ?? "us1").lowercased())" }
        return APIEndpoint(baseURL: "https://\(host).twilio.com")
    }

    /// Checks an explicit URL: `https://` anywhere, `http://` only on loopback; no path, query or user info.
    public static func parse(_ text: String, source: String) throws(ConfigurationError) -> APIEndpoint {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let rawHost = components.host, case let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), !host.isEmpty else {
            throw ConfigurationError("\(source) '\(text)' is not a URL; use e.g. https://api.twilio.com or http://127.0.0.1:8080")
        }
        guard components.user == nil, components.password == nil else {
            throw ConfigurationError("\(source) must not carry credentials; set TWILIO_AUTH_TOKEN or TWILIO_API_SECRET in the environment instead")
        }
        guard components.query == nil, components.fragment == nil, components.path.isEmpty || components.path == "/" else {
            throw ConfigurationError("\(source) '\(text)' has a path or query; give only scheme, host and port, e.g. http://127.0.0.1:8080")
        }
        switch scheme {
        case "https":
            break
        case "http":
            guard isLoopback(host) else {
                throw ConfigurationError("\(source) '\(text)' uses plain http:// to a host that is not loopback; use https://, or http:// only with 127.0.0.1, ::1 or localhost")
            }
        default:
            throw ConfigurationError("\(source) '\(text)' has scheme '\(scheme)'; use https:// (or http:// for a loopback simulator)")
        }
        var base = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)"
        if let port = components.port { base += ":\(port)" }
        return APIEndpoint(baseURL: base)
    }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    private init(baseURL: String) { self.baseURL = baseURL }

    private static func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }
}
