/// The Muted / Hold / Coaching filters of the participants list (case-sensitive `true`/`false` on the wire).
public struct ParticipantFilter: Sendable, Hashable {
    public var muted: Bool?
    public var hold: Bool?
    public var coaching: Bool?

    public init(muted: Bool? = nil, hold: Bool? = nil, coaching: Bool? = nil) {
        self.muted = muted
        self.hold = hold
        self.coaching = coaching
    }

    public static let all = ParticipantFilter()

    public var queryItems: [(String, String)] {
        var fields = FormFields()
        fields.add("Muted", muted)
        fields.add("Hold", hold)
        fields.add("Coaching", coaching)
        return fields.pairs
    }
}

/// Filters of the conferences list. Dates are `YYYY-MM-DD`; `<` and `>` make them ranges.
public struct ConferenceFilter: Sendable, Hashable {
    public var status: ConferenceStatus?
    public var friendlyName: String?
    public var dateCreated: String?
    public var dateCreatedBefore: String?
    public var dateCreatedAfter: String?
    public var dateUpdated: String?
    public var dateUpdatedBefore: String?
    public var dateUpdatedAfter: String?

    public init(
        status: ConferenceStatus? = nil, friendlyName: String? = nil,
        dateCreated: String? = nil, dateCreatedBefore: String? = nil, dateCreatedAfter: String? = nil,
        dateUpdated: String? = nil, dateUpdatedBefore: String? = nil, dateUpdatedAfter: String? = nil
    ) {
        self.status = status
        self.friendlyName = friendlyName
        self.dateCreated = dateCreated
        self.dateCreatedBefore = dateCreatedBefore
        self.dateCreatedAfter = dateCreatedAfter
        self.dateUpdated = dateUpdated
        self.dateUpdatedBefore = dateUpdatedBefore
        self.dateUpdatedAfter = dateUpdatedAfter
    }

    public var queryItems: [(String, String)] {
        var fields = FormFields()
        fields.add("Status", status?.rawValue)
        fields.add("FriendlyName", friendlyName)
        fields.add("DateCreated", dateCreated)
        fields.add("DateCreated<", dateCreatedBefore)
        fields.add("DateCreated>", dateCreatedAfter)
        fields.add("DateUpdated", dateUpdated)
        fields.add("DateUpdated<", dateUpdatedBefore)
        fields.add("DateUpdated>", dateUpdatedAfter)
        return fields.pairs
    }

    public func validate() -> [FieldError] {
        let dates: [(String, String?)] = [
            ("DateCreated", dateCreated), ("DateCreated<", dateCreatedBefore), ("DateCreated>", dateCreatedAfter),
            ("DateUpdated", dateUpdated), ("DateUpdated<", dateUpdatedBefore), ("DateUpdated>", dateUpdatedAfter),
        ]
        return dates.compactMap { name, value in
            guard let value, ISODay.parse(value) == nil else { return nil }
            return FieldError(field: name, problem: "'\(value)' is not a date", fix: "write it as YYYY-MM-DD, e.g. 2026-11-25")
        }
    }
}

/// A calendar day written `YYYY-MM-DD`, as the conference list's date filters take it.
public enum ISODay {
    /// Days since 1970-01-01, or nil when `text` is not a valid day.
    public static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = RFC2822.days(fromCivil: year, month: month, day: day)
        let back = RFC2822.civil(fromDays: days)
        return back.month == month && back.day == day ? days : nil
    }
}
