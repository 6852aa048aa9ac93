/// A conference recording's update: pause it, resume it, or stop it.
public struct RecordingUpdate: Sendable, Hashable {
    /// `in-progress` (resume), `paused` or `stopped`: the statuses an update may set.
    public var status: RecordingStatus
    /// While paused: `skip` leaves the pause out of the recording, `silence` (Twilio's default) records silence.
    public var pauseBehavior: PauseBehavior?

    public init(status: RecordingStatus, pauseBehavior: PauseBehavior? = nil) {
        self.status = status
        self.pauseBehavior = pauseBehavior
    }

    /// The statuses an update may set.
    public static let settable: [RecordingStatus] = [.inProgress, .paused, .stopped]

    public var formFields: [(String, String)] {
        var fields = FormFields()
        fields.add("Status", status.rawValue)
        fields.add("PauseBehavior", pauseBehavior?.rawValue)
        return fields.pairs
    }

    public func validate() -> [FieldError] {
        guard Self.settable.contains(status) else {
            return [FieldError(field: "Status", problem: "'\(status.rawValue)' cannot be set", fix: "use in-progress, paused or stopped")]
        }
        return []
    }
}

/// What a paused recording keeps: `skip` (nothing) or `silence`.
public enum PauseBehavior: String, CaseIterable, Sendable, Hashable {
    case skip
    case silence
}
