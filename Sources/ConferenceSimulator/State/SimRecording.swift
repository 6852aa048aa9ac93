import Foundation
import TwilioModels

/// A recording of a conference as the simulator keeps it. It is `in-progress` or `paused` while the
/// conference records, then `completed`; `stopped` is only what the update that stops it answers.
struct SimRecording: Sendable {
    var sid: String
    var conferenceSid: String
    /// The call whose settings started it (a `ConferenceRecord` dial-out, the moderator's call).
    var callSid: String?
    /// `OutboundAPI`, `Conference`, …: how it was started.
    var source: String
    var status: RecordingStatus = .inProgress
    var startTime: Date
    var dateUpdated: Date
    /// Audio kept so far, up to `keepingSince`.
    var keptSeconds = 0.0
    /// Since when audio is being kept: while recording, and while paused with `silence`; nil while
    /// paused with `skip` and once completed.
    var keepingSince: Date?

    init(sid: String, conferenceSid: String, callSid: String?, source: String, at time: Date) {
        self.sid = sid
        self.conferenceSid = conferenceSid
        self.callSid = callSid
        self.source = source
        startTime = time
        dateUpdated = time
        keepingSince = time
    }

    /// Recording or paused: the conference's recording in progress.
    var isActive: Bool { status == .inProgress || status == .paused }

    mutating func pause(_ behavior: PauseBehavior, at time: Date) {
        guard status == .inProgress else { return }
        status = .paused
        // Twilio's default is silence: the pause stays in the file, as silence.
        if behavior == .skip { stopKeeping(at: time) }
        dateUpdated = time
    }

    mutating func resume(at time: Date) {
        guard status == .paused else { return }
        status = .inProgress
        if keepingSince == nil { keepingSince = time }
        dateUpdated = time
    }

    mutating func complete(at time: Date) {
        guard isActive else { return }
        stopKeeping(at: time)
        status = .completed
        dateUpdated = time
    }

    private mutating func stopKeeping(at time: Date) {
        if let since = keepingSince { keptSeconds += max(0, time.timeIntervalSince(since)) }
        keepingSince = nil
    }

    func resource(accountSid: String) -> ConferenceRecording {
        var recording = ConferenceRecording(sid: sid, accountSid: accountSid, conferenceSid: conferenceSid, status: status)
        recording.callSid = callSid
        recording.apiVersion = "2010-04-01"
        recording.dateCreated = startTime
        recording.dateUpdated = dateUpdated
        recording.startTime = startTime
        recording.channels = 1
        recording.source = source
        recording.uri = "/2010-04-01/Accounts/\(accountSid)/Conferences/\(conferenceSid)/Recordings/\(sid).json"
        // Null until the file is complete, as Twilio's examples of in-progress and paused recordings show.
        if status == .completed {
            let seconds = Int(keptSeconds)
            recording.duration = String(seconds)
            // $0.0025 a minute, started minutes.
            let minutes = max(1, (seconds + 59) / 60)
            recording.price = "-" + Self.fourDecimals(minutes * 25)
            recording.priceUnit = "USD"
        }
        return recording
    }

    /// 25 → `0.0025`.
    private static func fourDecimals(_ tenThousandths: Int) -> String {
        let fraction = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
