import Foundation
import TwilioModels

/// Everything that can happen to the dashboard, arriving in its one loop.
public enum Message: Sendable {
    /// The clock moved (ages, highlights, tombstones).
    case tick(Date)
    case resized(width: Int, height: Int)
    case key(KeyChord)
    /// Text pasted into the terminal (bracketed paste): typed into the open text field, never run as keys.
    case paste(String)
    /// A poll answered: the participants under the current filter, and the conference when fetched.
    case polled(participants: [Participant], conference: Conference?, latency: Double, at: Date)
    /// A poll answered exactly as the last one did (the common case during a meeting).
    case pollUnchanged(conference: Conference?, latency: Double, at: Date)
    case pollFailed(PollFailure, at: Date)
    /// Participants a poll's answer listed but that could not be read at all (said once each).
    case pollProblems([String])
    case actionFinished(id: Int, ActionOutcome, at: Date)
    /// The conferences in progress, for the overview (their counts are read apart).
    case conferencesLoaded([ConferenceSummary])
    case conferencesFailed(String)
    /// One conference's counts for the overview, or nil when they could not be read.
    case overviewCounted(conferenceSid: String, ConferenceCounts?)
    /// SIGINT, SIGTERM or SIGHUP.
    case interrupted
    /// The audit trail's records of this account, and how many of other accounts it left out.
    case auditLoaded([AuditRecord], otherAccounts: Int)
    case auditFailed(String)
    /// An action's line could not be appended to the audit trail (the action itself is reported apart).
    case auditWriteFailed(String)
    /// `:conf NAME` found it, or did not.
    case conferenceFound(Conference)
    case conferenceNotFound(String)
    /// The conference's recordings were read (every 10th poll, and after a recording action).
    case recordingsLoaded([ConferenceRecording])
    case recordingsFailed(String)
    /// `:export` wrote the timeline (to this absolute path), or could not.
    case exported(path: String, count: Int)
    case exportFailed(String)
    /// The whole conference, read every few polls while a list filter shows only part of it.
    case conferenceCounted([Participant])
    /// A participant's call was read.
    case callFetched(Call)
    /// Reading a participant's call failed; `retryAfter` when the server said how long to wait (429).
    case callFailed(callSid: String, reason: String, retryAfter: Double?)
}

/// What the reducer asks the outside world to do. Each carries every value it needs.
public enum Effect: Sendable, Hashable {
    /// Poll this conference with this filter from now on (cancelling any poll in flight).
    case watch(conferenceSid: String, filter: ParticipantFilter)
    case refreshNow
    case stopPolling
    case perform(ActionRequest)
    /// Lists the conferences in progress (no counts).
    case loadConferences
    /// Counts one conference's participants for the overview.
    case countParticipants(conferenceSid: String)
    case loadAudit
    /// Looks a conference up by friendly name (`:conf NAME`).
    case findConference(String)
    /// Reads a participant's call (`GET …/Calls/{CallSid}.json`).
    case fetchCall(String)
    /// Reads the conference's recordings now (after a recording action).
    case loadRecordings(conferenceSid: String)
    /// Writes the timeline to a file, one JSON object per line (`:export PATH`).
    case exportTimeline(path: String, lines: [String])
    case quit
}

/// A conference in the overview, with its participant counts.
public struct ConferenceSummary: Sendable, Hashable {
    public var conference: Conference
    public var participants: Int?
    public var muted: Int?
    public var held: Int?

    public init(conference: Conference, participants: Int? = nil, muted: Int? = nil, held: Int? = nil) {
        self.conference = conference
        self.participants = participants
        self.muted = muted
        self.held = held
    }
}
