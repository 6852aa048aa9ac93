import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// An action's answer is news of the participant acted on, in the conference acted in, and nothing
/// else: an answer naming another call or conference never adds a row, a join or a leave. The action
/// still ends visibly: done (the request was accepted), with a warning that the answer was not about them.
@Suite("Answers about someone else")
struct StrayAnswerTests {
    typealias F = Fixtures

    static let later = F.start.addingTimeInterval(1)

    /// A participant of another call (and, when given, another conference).
    static func stranger(conference: String = F.conferenceSid) -> Participant {
        var p = F.participant(42, label: "stranger")
        p.conferenceSid = conference
        return p
    }

    @Test func anAnswerNamingAnotherCallAddsNoRowAndNoJoin() {
        var state = F.watching()
        _ = F.keys(&state, "j")
        _ = F.keys(&state, "m")
        let before = state.events.entries.count
        F.send(&state, .actionFinished(id: 1, .done(Self.stranger()), at: Self.later))
        #expect(state.table.rows[F.sid(42)] == nil, "no phantom row")
        #expect(state.table.rows.count == 6)
        let lines = state.events.entries.dropFirst(before).map(\.text)
        #expect(!lines.contains { $0.contains("joined") || $0.contains("left") || $0.contains("being called") }, "\(lines)")
        #expect(lines.contains("you: unmute alice ✓"), "the action ends, visibly")
        #expect(lines.contains("the answer to unmute alice named CA…00002a, not alice: not shown; the next poll shows how things are"), "\(lines)")
        #expect(state.table.rows[F.sid(2)]?.action?.phase == .done(at: Self.later))
        #expect(state.table.rows[F.sid(2)]?.participant.muted == true, "alice is as the last poll showed her")
    }

    @Test func anAnswerFromAnotherConferenceAddsNoRow() {
        var state = F.watching()
        _ = F.keys(&state, "j", "m")
        var alice = F.meeting[1]
        alice.conferenceSid = "CF" + String(repeating: "e", count: 32)
        alice.muted = false
        F.send(&state, .actionFinished(id: 1, .done(alice), at: Self.later))
        #expect(state.table.rows[F.sid(2)]?.participant.muted == true, "not taken for this conference's alice")
        #expect(state.events.entries.last?.text.hasPrefix("the answer to unmute alice was about conference CF…eeeeee, not standup") == true)
    }

    @Test func aDialOutAnsweredFromAnotherConferenceAddsNoRow() {
        var state = F.watching()
        _ = Reducer.perform(.dial(CreateParticipant(to: "+15558675310", from: "+15017122661", label: "guest")), &state)
        F.send(&state, .actionFinished(id: 1, .done(Self.stranger(conference: "CF" + String(repeating: "e", count: 32))), at: Self.later))
        #expect(state.table.rows[F.sid(42)] == nil)
        #expect(!state.events.entries.contains { $0.text.contains("being called") || $0.text.contains("joined") })
    }

    @Test func anAnswerForTheConferenceLeftBehindIsNotShownInTheNextOne() {
        var state = F.watching()
        _ = F.keys(&state, "j", "m")
        let other = Conference(accountSid: F.conference.accountSid, sid: "CF" + String(repeating: "9", count: 32), friendlyName: "incident", status: .inProgress)
        _ = Reducer.switchTo(other, &state)
        F.send(&state, .polled(participants: [], conference: other, latency: 0, at: F.start))
        F.send(&state, .actionFinished(id: 1, .done(F.meeting[1]), at: Self.later))
        #expect(state.table.rows.isEmpty, "alice belongs to standup")
    }

    @Test func aDialOutAnsweredForThisConferenceStillJoins() {
        var state = F.watching()
        _ = Reducer.perform(.dial(CreateParticipant(to: "+15558675310", from: "+15017122661", label: "guest")), &state)
        F.send(&state, .actionFinished(id: 1, .done(F.participant(7, label: "guest", status: .queued, joinedMinutesAgo: 0)), at: Self.later))
        #expect(state.table.rows[F.sid(7)] != nil)
    }
}
