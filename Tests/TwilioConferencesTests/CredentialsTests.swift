import Foundation
import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Credentials and endpoint, as Twilio's CLI and SDKs read them")
struct CredentialsTests {
    let account = "AC0123456789abcdef0123456789abcdef"
    let key = "SK0123456789abcdef0123456789abcdef"
    let token = "tok-5ecr3t-never-shown"
    let apiSecret = "api-5ecr3t-never-shown"

    @Test func readsAccountSidAndAuthToken() throws {
        let credentials = try Credentials.fromEnvironment(["TWILIO_ACCOUNT_SID": account, "TWILIO_AUTH_TOKEN": token])
        #expect(credentials.kind == .authToken)
        #expect(credentials.username == account)
        #expect(credentials.authorizationHeader == "Basic " + Data("\(account):\(token)".utf8).base64EncodedString())
    }

    @Test func theAPIKeyWinsWhenBothAreSet() throws {
        let credentials = try Credentials.fromEnvironment([
            "TWILIO_ACCOUNT_SID": account, "TWILIO_AUTH_TOKEN": token, "TWILIO_API_KEY": key, "TWILIO_API_SECRET": apiSecret,
        ])
        #expect(credentials.kind == .apiKey)
        #expect(credentials.username == key)
        #expect(credentials.accountSid == account)
        #expect(credentials.authorizationHeader == "Basic " + Data("\(key):\(apiSecret)".utf8).base64EncodedString())
    }

    @Test(arguments: [
        ([:], "TWILIO_ACCOUNT_SID is not set"),
        (["TWILIO_ACCOUNT_SID": "AC123"], "not an account SID"),
        (["TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef"], "TWILIO_AUTH_TOKEN is not set"),
        (["TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef", "TWILIO_API_KEY": "SK0123456789abcdef0123456789abcdef"], "TWILIO_API_SECRET"),
        (["TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef", "TWILIO_API_SECRET": "x"], "TWILIO_API_KEY is not"),
        (["TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef", "TWILIO_API_KEY": "key", "TWILIO_API_SECRET": "x"], "not an API key SID"),
        (["TWILIO_ACCOUNT_SID": "  ", "TWILIO_AUTH_TOKEN": "x"], "TWILIO_ACCOUNT_SID is not set"),
    ])
    func explainsWhatToSet(environment: [String: String], expected: String) {
        do {
            _ = try Credentials.fromEnvironment(environment)
            Issue.record("expected an error containing \(expected)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func neverShowsTheSecret() throws {
        let credentials = try Credentials.fromEnvironment(["TWILIO_ACCOUNT_SID": account, "TWILIO_AUTH_TOKEN": token])
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, "\(credentials)", String(reflecting: credentials), dumped, "\(Secret(token))"] {
            #expect(!text.contains(token), "\(text)")
        }
    }

    @Test(arguments: [
        ([String: String](), nil as String?, "https://api.twilio.com"),
        (["TWILIO_REGION": "ie1"], nil, "https://api.ie1.twilio.com"),
        (["TWILIO_EDGE": "sydney"], nil, "https://api.sydney.us1.twilio.com"),
        (["TWILIO_EDGE": "dublin", "TWILIO_REGION": "ie1"], nil, "https://api.dublin.ie1.twilio.com"),
        (["CONFWATCH_API_URL": "http://127.0.0.1:8089", "TWILIO_REGION": "ie1"], nil, "http://127.0.0.1:8089"),
        (["CONFWATCH_API_URL": "http://127.0.0.1:8089"], "https://api.example.com/", "https://api.example.com"),
        ([:], "http://localhost:9", "http://localhost:9"),
        ([:], "http://[::1]:9", "http://[::1]:9"),
    ])
    func picksTheEndpoint(environment: [String: String], override: String?, expected: String) throws {
        #expect(try APIEndpoint.resolve(override: override, environment: environment).baseURL == expected)
    }

    @Test(arguments: [
        ("http://api.twilio.com", "not loopback"),
        ("http://10.0.0.5:8080", "not loopback"),
        ("ftp://127.0.0.1", "scheme"),
        ("127.0.0.1:8080", "not a URL"),
        ("https://user:pw@api.twilio.com", "credentials"),
        ("https://api.twilio.com/2010-04-01", "path"),
    ])
    func refusesUnsafeOrOddURLs(url: String, expected: String) {
        do {
            _ = try APIEndpoint.resolve(override: url, environment: [:])
            Issue.record("expected \(url) to be refused")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.contains("--api-url"))
        }
    }

    @Test func refusesOddRegionNames() {
        #expect(throws: ConfigurationError.self) { try APIEndpoint.resolve(environment: ["TWILIO_REGION": "ie1.evil.com/"]) }
    }
}
