import TwilioModels

/// An error the simulator answers with, in Twilio's shape and with Twilio's codes.
struct SimError: Error, Sendable {
    var status: Int
    var code: Int
    var message: String

    var body: APIErrorBody {
        APIErrorBody(code: code, message: message, moreInfo: "https://www.twilio.com/docs/errors/\(code)", status: status)
    }

    static func notFound(_ path: String) -> SimError {
        SimError(status: 404, code: 20404, message: "The requested resource \(path) was not found")
    }

    /// Twilio's 401 body: code 20003, message `Authenticate`.
    static let unauthorized = SimError(status: 401, code: 20003, message: "Authenticate")
    static let tooManyRequests = SimError(status: 429, code: 20429, message: "Too Many Requests")
    static let serviceUnavailable = SimError(status: 503, code: 20503, message: "Service Unavailable")
    static let internalError = SimError(status: 500, code: 20500, message: "Internal Server Error")

    static func methodNotAllowed(_ method: String) -> SimError {
        SimError(status: 405, code: 20004, message: "Method not allowed: \(method)")
    }

    /// A parameter the API refuses; `code` defaults to 20001 (invalid parameter).
    static func invalid(_ message: String, code: Int = 20001) -> SimError {
        SimError(status: 400, code: code, message: message)
    }
}

extension SimError {
    /// A parameter refused by the rules the client checks too: the same code and the same words.
    init(_ problem: FieldError) {
        self.init(status: 400, code: problem.code ?? 20001, message: problem.description)
    }
}
