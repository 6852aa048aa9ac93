import Foundation
import Testing
@testable import TwilioModels

/// Credentials and configured secrets never survive into a message, whatever shape a server echoes them in.
@Suite("Redaction")
struct RedactionTests {
    static let account = "AC0123456789abcdef0123456789abcdef"
    static let token = "9f2c7e1d0b8a4c6e9f2c7e1d0b8a4c6e"
    static var basic: String { Data("\(account):\(token)".utf8).base64EncodedString() }

    @Test(arguments: [
        ("Authorization: Basic \(basic) refused", "Authorization: Basic <redacted> refused"),
        ("authorization=basic \(basic)", "authorization=basic <redacted>"),
        ("bad header \(basic)", "bad header <redacted>"),
        ("user \(account):\(token) unknown", "user <redacted> unknown"),
        ("token \(token) expired", "token <redacted> expired"),
        ("SipAuthPassword=p%40ss-w0rd was refused", "SipAuthPassword=<redacted> was refused"),
    ])
    func everyShapeOfACredentialIsTakenOut(_ text: String, _ expected: String) {
        #expect(Redaction.redact(text, secrets: [Self.token, "p@ss-w0rd"]) == expected)
    }

    @Test func anotherUsersBase64CredentialIsTakenOutWithoutKnowingTheSecret() {
        let other = Data("SK0123456789abcdef0123456789abcdef:someone-else".utf8).base64EncodedString()
        let urlSafe = other.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(Redaction.redact("echo \(other) and \(urlSafe)", secrets: []) == "echo <redacted> and <redacted>")
    }

    @Test func ordinaryMessagesAreLeftAlone() {
        let messages = [
            "The requested resource /2010-04-01/Accounts/\(Self.account)/Conferences/CF0123456789abcdef0123456789abcdef/Participants/CA0123456789abcdef0123456789abcdef.json was not found",
            "Unable to update record: Participant is not in the conference",
            "20429 Too Many Requests",
            "To: 'client:alice' is not a valid phone number; see https://www.twilio.com/docs/errors/21211",
        ]
        for message in messages { #expect(Redaction.redact(message, secrets: [Self.token]) == message) }
    }

    @Test func secretsTooShortToSearchForAreIgnored() {
        #expect(Redaction.redact("a b ab", secrets: ["a", "ab", ""]) == "a b ab")
    }
}
