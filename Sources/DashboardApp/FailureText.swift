import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// Short, plain words for failures: what the row, the log and the STALE banner say.
public enum FailureText {
    /// The one line a failure shows as, with any credential or configured secret taken out.
    public static func short(_ error: any Error) -> String {
        Redaction.redact(words(error))
    }

    static func words(_ error: any Error) -> String {
        guard let error = error as? TwilioError else { return TwilioError.oneLine(String(describing: error), limit: 120) }
        switch error {
        case .api(let body, _):
            let code = body.code.map { "\($0) " } ?? ""
            return "\(code)\(TwilioError.oneLine(body.message, limit: 160))"
        case .http(let status, _, _): return "HTTP \(status) (not Twilio's error JSON)"
        case .timeout(let seconds, _): return "no answer within \(seconds < 1 ? String(format: "%.1f", seconds) : String(Int(seconds))) s"
        case .transport(let failure, _): return failure.reason
        case .decoding(let reason, _): return "unreadable answer: \(reason)"
        case .cancelled: return "cancelled"
        case .invalid(let problems, _): return problems.map(\.description).joined(separator: "; ")
        case .notFound(let what, _): return "\(what) not found"
        }
    }

    /// An action's failure, with the kick-of-someone-gone case said plainly.
    static func action(_ error: any Error, _ action: ConferenceAction, name: String) -> String {
        if case .kick = action, let error = error as? TwilioError, error.httpStatus == 404 {
            return "\(name) is not in the conference any more (already left; 20404)"
        }
        return short(error)
    }

    /// How the poller classifies a failed poll.
    static func pollKind(_ error: any Error) -> PollFailure.Kind {
        guard let error = error as? TwilioError, let status = error.httpStatus else { return .other }
        switch status {
        case 401, 403: return .unauthorized
        case 404: return .notFound
        default: return .other
        }
    }

    static func poll(_ error: any Error) -> String {
        switch pollKind(error) {
        case .unauthorized:
            return "\(short(error)) — check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY/TWILIO_API_SECRET)"
        case .notFound:
            // Twilio's message names the whole resource path; the code says enough.
            return "\((error as? TwilioError)?.code.map(String.init) ?? "404") not found"
        case .other:
            return short(error)
        }
    }
}
