import TwilioModels

/// Parameters of one request (query or form), last value winning, with the list parameters kept whole.
struct FormValues: Sendable {
    private(set) var pairs: [(String, String)]

    init(_ pairs: [(String, String)]) { self.pairs = pairs }

    init(encoded: Substring) { pairs = FormEncoding.decode(encoded) }

    subscript(_ name: String) -> String? { pairs.last { $0.0 == name }?.1 }

    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    func contains(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// Update semantics from the original page: `true` (any case) is true, anything else false.
    func lenientBool(_ name: String) -> Bool? { self[name].map { $0.lowercased() == "true" } }

    /// Create semantics: `true`/`false` in any case, anything else refused.
    func strictBool(_ name: String) throws(SimError) -> Bool? {
        guard let value = self[name] else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalid("\(name) must be true or false, not '\(value)'")
        }
    }

    /// List filters are case-sensitive: exactly `true` or `false`.
    func filterBool(_ name: String) throws(SimError) -> Bool? {
        guard let value = self[name] else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default: throw .invalid("Invalid value '\(value)' for \(name): use true or false (lower case)")
        }
    }

    func int(_ name: String, _ range: ClosedRange<Int>, code: Int = 20001) throws(SimError) -> Int? {
        guard let value = self[name] else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw .invalid("Invalid \(name) '\(value)': use a whole number from \(range.lowerBound) to \(range.upperBound)", code: code)
        }
        return number
    }

    func method(_ name: String) throws(SimError) -> String? {
        guard let value = self[name] else { return nil }
        guard let method = CallbackMethod(parsing: value) else { throw .invalid("\(name) must be GET or POST, not '\(value)'") }
        return method.rawValue
    }

    /// A fully qualified http(s) URL, as Twilio requires (21205); `emptyMeansNothing` lets `''` through.
    func url(_ name: String, emptyMeansNothing: Bool = false) throws(SimError) -> String? {
        let value = self[name]
        if let problem = AddressRules.checkURL(value, field: name, emptyMeansNothing: emptyMeansNothing) { throw SimError(problem) }
        return value
    }

    /// Throws the first of `problems` the way the API refuses it.
    static func refuse(_ problems: FieldError?...) throws(SimError) {
        if let first = problems.lazy.compactMap({ $0 }).first { throw SimError(first) }
    }

    func choice(_ name: String, _ allowed: [String], code: Int = 16002) throws(SimError) -> String? {
        guard let value = self[name] else { return nil }
        guard allowed.contains(value) else {
            throw .invalid("Invalid \(name) '\(value)': use one of \(allowed.joined(separator: ", "))", code: code)
        }
        return value
    }
}
