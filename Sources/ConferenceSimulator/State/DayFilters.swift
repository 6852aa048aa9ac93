import Foundation
import TwilioModels

/// The date filters of a list (`DateCreated`, `DateCreated<`, `DateCreated>`, and the same for
/// other dates): a `YYYY-MM-DD` day in UTC, matched on that day, on or before it, on or after it.
struct DayFilters<Item> {
    private var tests: [(KeyPath<Item, Date>, (Int64) -> Bool)] = []
    /// The filters given, in the order page URIs repeat them.
    private(set) var given: [(String, String)] = []

    init(_ query: FormValues, fields: [(String, KeyPath<Item, Date>)]) throws(SimError) {
        let comparisons: [(String, (Int64, Int64) -> Bool)] = [("", { $0 == $1 }), ("<", { $0 <= $1 }), (">", { $0 >= $1 })]
        for (field, keyPath) in fields {
            for (suffix, compare) in comparisons {
                let name = field + suffix
                guard let value = query[name] else { continue }
                guard let day = ISODay.parse(value) else { throw .invalid("Invalid \(name) '\(value)': use YYYY-MM-DD") }
                tests.append((keyPath, { compare($0, day) }))
                given.append((name, value))
            }
        }
    }

    func matches(_ item: Item) -> Bool {
        tests.allSatisfy { keyPath, test in test(Int64((item[keyPath: keyPath].timeIntervalSince1970 / 86_400).rounded(.down))) }
    }
}
