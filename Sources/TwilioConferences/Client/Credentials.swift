import TwilioModels
import Foundation

/// How confwatch signs in, read the way Twilio's own CLI and SDKs read it:
/// `TWILIO_ACCOUNT_SID` with `TWILIO_AUTH_TOKEN`, or with `TWILIO_API_KEY` + `TWILIO_API_SECRET`
/// (the key wins when both are set; Basic auth is then key:secret and the account SID stays in the path).
public struct Credentials: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case authToken = "auth token", apiKey = "API key" }

    public let accountSid: String
    /// The Basic-auth user name: the account SID, or the API key SID.
    public let username: String
    public let kind: Kind
    let secret: Secret

    public init(accountSid: String, authToken: Secret) {
        self.accountSid = accountSid
        self.username = accountSid
        self.kind = .authToken
        self.secret = authToken
    }

    public init(accountSid: String, apiKey: String, apiSecret: Secret) {
        self.accountSid = accountSid
        self.username = apiKey
        self.kind = .apiKey
        self.secret = apiSecret
    }

    public var description: String { "\(accountSid) (\(kind.rawValue) \(username))" }

    /// `Basic base64(username:secret)`.
    public var authorizationHeader: String {
        secret.withValue { "Basic " + Data("\(username):\($0)".utf8).base64EncodedString() }
    }

    /// Reads the credentials from the environment, with an error that names the variables to set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> Credentials {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        guard let accountSid = value("TWILIO_ACCOUNT_SID") else {
            throw ConfigurationError(
                "TWILIO_ACCOUNT_SID is not set; export TWILIO_ACCOUNT_SID=AC… and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET), "
                    + "or try the simulator: confwatch sim")
        }
        guard SID.isAccount(accountSid) else {
            throw ConfigurationError("TWILIO_ACCOUNT_SID is not an account SID (AC followed by 32 hex digits); copy it from the Twilio Console")
        }
        let apiKey = value("TWILIO_API_KEY")
        let apiSecret = value("TWILIO_API_SECRET")
        if apiKey != nil || apiSecret != nil {
            guard let apiKey else { throw ConfigurationError("TWILIO_API_SECRET is set but TWILIO_API_KEY is not; set both, or neither and use TWILIO_AUTH_TOKEN") }
            guard let apiSecret else { throw ConfigurationError("TWILIO_API_KEY is set but TWILIO_API_SECRET is not; set both, or neither and use TWILIO_AUTH_TOKEN") }
            guard SID.isAPIKey(apiKey) else {
                throw ConfigurationError("TWILIO_API_KEY is not an API key SID (SK followed by 32 hex digits); create one in the Twilio Console")
            }
            return Credentials(accountSid: accountSid, apiKey: apiKey, apiSecret: Secret(apiSecret))
        }
        guard let token = value("TWILIO_AUTH_TOKEN") else {
            throw ConfigurationError("TWILIO_AUTH_TOKEN is not set; export it (or TWILIO_API_KEY and TWILIO_API_SECRET) alongside TWILIO_ACCOUNT_SID")
        }
        return Credentials(accountSid: accountSid, authToken: Secret(token))
    }
}
