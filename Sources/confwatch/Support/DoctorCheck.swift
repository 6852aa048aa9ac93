import DashboardCore
import TwilioModels
import Foundation

/// One line of `confwatch doctor`: what was checked, how it went, and how to fix it when it did not.
struct DoctorCheck {
    enum Status: String {
        case ok = "ok"
        case warn = "warn"
        case fail = "FAIL"
        case skip = "skip"
    }

    var name: String
    var status: Status
    var detail: String
    var fix: String?

    static func ok(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, status: .ok, detail: detail) }
    static func warn(_ name: String, _ detail: String, fix: String) -> DoctorCheck { DoctorCheck(name: name, status: .warn, detail: detail, fix: fix) }
    static func fail(_ name: String, _ detail: String, fix: String) -> DoctorCheck { DoctorCheck(name: name, status: .fail, detail: detail, fix: fix) }
    static func skip(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, status: .skip, detail: detail) }

    /// The check and its fix as printed; everything goes through the sanitiser, since details quote
    /// the API's answers, the environment and the user's files.
    var lines: [String] {
        let head = "\(status.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(name.padding(toLength: 12, withPad: " ", startingAt: 0)) "
        var out = [head + SafeText.sanitize(detail)]
        if let fix, status != .ok { out.append(String(repeating: " ", count: 6) + "fix: " + SafeText.sanitize(fix)) }
        return out
    }

    /// A configuration error split into what is wrong and what to do (`…; export …`).
    static func splitting(_ message: String) -> (detail: String, fix: String) {
        guard let range = message.range(of: "; ") else { return (message, "see confwatch --help") }
        return (String(message[..<range.lowerBound]), String(message[range.upperBound...]))
    }
}
