import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// Coach, listen, barge, announce and ending the conference.
@Suite("Supervising")
struct SuperviseTests {
    typealias F = Fixtures

    static func supervised() -> DashboardState {
        var state = F.watching(width: 120, height: 30)
        state.defaults.supervisorEndpoint = "client:sup"
        state.defaults.supervisorFrom = "+15005550006"
        return state
    }

    /// The supervisor's own line as the API answers a dial-out.
    static func supervisorLine(coaching target: String? = nil, muted: Bool = false) -> Participant {
        var p = F.participant(9, label: "supervisor", muted: muted, coaching: target, joinedMinutesAgo: 0)
        p.status = .connected
        return p
    }

    @Test func coachDialsTheSupervisorInCoachingTheSelected() {
        var state = Self.supervised()
        _ = F.keys(&state, "j", "j")  // bruno
        let effects = F.keys(&state, "w")
        var request = CreateParticipant(to: "client:sup", from: "+15005550006", label: "supervisor")
        request.coaching = true
        request.callSidToCoach = F.sid(3)
        #expect(F.sent(effects) == [F.Sent(1, .dial(request))])
        #expect(state.events.entries.last?.text == "you: dial yourself in to coach bruno …")
        F.send(&state, .actionFinished(id: 1, .done(Self.supervisorLine(coaching: F.sid(3))), at: F.start.addingTimeInterval(1)))
        #expect(state.supervisor.callSid == F.sid(9))
        // The coach sits under the one coached, indented, and is marked as you.
        #expect(state.table.visibleRows.map(\.callSid) == [1, 2, 3, 5, 9, 4, 6].map(F.sid), "bruno's two coaches under him")
        #expect(F.screen(state).contains("└ supervisor (you)"))
    }

    @Test func coachingSomeoneElseOnceInSwitchesTheSameLine() {
        var state = Self.supervised()
        F.send(&state, .actionFinished(id: 0, .done(nil), at: F.start))
        state.supervisor.callSid = F.sid(9)
        F.send(&state, .polled(participants: F.meeting + [Self.supervisorLine(coaching: F.sid(3))], conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        _ = F.keys(&state, "g", "j")  // alice
        #expect(F.sent(F.keys(&state, "w")) == [F.Sent(1, .coach(callSid: F.sid(9), true, target: F.sid(2)))])
    }

    @Test func withoutASupervisorLineTheKeysSayWhatToConfigure() {
        var state = F.watching()
        #expect(F.keys(&state, "w").isEmpty)
        #expect(state.events.entries.last?.text.contains("[supervisor] endpoint") == true)
        state.defaults.supervisorEndpoint = "client:sup"
        #expect(F.keys(&state, "L").isEmpty)
        #expect(state.events.entries.last?.text.contains("[supervisor] from") == true)
        state.defaults.dialFrom = "+15017122661"
        #expect(F.keys(&state, "L").count == 1, "[dial] from serves as the caller ID too")
    }

    @Test func listenDialsInMutedAndBargeUnmutesAndStopsCoaching() {
        var state = Self.supervised()
        var request = CreateParticipant(to: "client:sup", from: "+15005550006", label: "supervisor")
        request.muted = true
        #expect(F.sent(F.keys(&state, "L")) == [F.Sent(1, .dial(request))])
        #expect(state.events.entries.last?.text == "you: dial yourself in to listen …")
        F.send(&state, .actionFinished(id: 1, .done(Self.supervisorLine(muted: true)), at: F.start.addingTimeInterval(1)))
        #expect(F.keys(&state, "L").isEmpty, "already in")
        #expect(F.sent(F.keys(&state, "B")) == [F.Sent(2, .mute(callSid: F.sid(9), false))])
        // A coaching line that barges leaves coaching too, so everyone hears.
        F.send(&state, .actionFinished(id: 2, .done(Self.supervisorLine(coaching: F.sid(3), muted: true)), at: F.start.addingTimeInterval(2)))
        #expect(F.sent(F.keys(&state, "B")) == [
            F.Sent(3, .coach(callSid: F.sid(9), false, target: nil)), F.Sent(4, .mute(callSid: F.sid(9), false)),
        ])
    }

    @Test func bargeWithoutBeingInSaysHowToGetIn() {
        var state = Self.supervised()
        #expect(F.keys(&state, "B").isEmpty)
        #expect(state.events.entries.last?.text == "you are not in the conference: L listens, w coaches")
    }

    @Test func aFailedSupervisorDialLeavesNoSupervisorLine() {
        var state = Self.supervised()
        _ = F.keys(&state, "L")
        F.send(&state, .actionFinished(id: 1, .failed("21217 Phone number is not valid"), at: F.start.addingTimeInterval(1)))
        #expect(state.supervisor.callSid == nil && state.supervisor.dials.isEmpty)
        #expect(state.events.entries.last?.text == "you: dial yourself in to listen ✗ 21217 Phone number is not valid")
    }

    @Test func anOrdinaryDialLabelledSupervisorIsNotTheSupervisor() {
        var state = Self.supervised()
        state.defaults.dialFrom = "+15005550006"
        _ = F.keys(&state, "d")
        _ = F.type(&state, "+15558675310")
        _ = F.keys(&state, "tab")
        _ = F.type(&state, "supervisor-2")
        _ = F.keys(&state, "enter")
        F.send(&state, .actionFinished(id: 1, .done(Self.supervisorLine()), at: F.start.addingTimeInterval(1)))
        #expect(state.supervisor.callSid == nil)
    }

    @Test func toggleCoachingSwitchesOutOrAsksWhomToCoach() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j", "j")  // chen-wei, who coaches bruno
        #expect(state.table.selection.id == F.sid(5))
        #expect(F.sent(F.keys(&state, "W")) == [F.Sent(1, .coach(callSid: F.sid(5), false, target: nil))])
        _ = F.keys(&state, "g")  // moderator
        #expect(F.keys(&state, "W").isEmpty)
        guard let chooser = state.box as? CoachChooser else {
            Issue.record("no chooser")
            return
        }
        #expect(chooser.options == [2, 3, 4, 5, 6].map(F.sid), "everyone else, in join order")
        #expect(F.screen(state).contains("moderator coaches whom?"))
        #expect(F.sent(F.keys(&state, "j", "enter")) == [F.Sent(2, .coach(callSid: F.sid(1), true, target: F.sid(3)))])
        #expect(state.box == nil)
    }

    @Test func announceToTheSelectedOrToEveryoneValidatesTheURL() {
        var state = F.watching()
        state.defaults.announceURL = "https://example.com/notice.xml"
        _ = F.keys(&state, "j", "a")
        #expect(F.screen(state).contains("https://example.com/notice.xml"))
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(1, .announce(callSid: F.sid(2), url: "https://example.com/notice.xml"))])
        #expect(state.events.entries.last?.text == "you: announce https://example.com/notice.xml to alice …")
        _ = F.keys(&state, "A")
        for _ in 0..<40 { _ = F.keys(&state, "backspace") }
        _ = F.type(&state, "notice.mp3")
        #expect(F.keys(&state, "enter").isEmpty)
        guard let prompt = state.box as? AnnouncePrompt else {
            Issue.record("the prompt closed on a bad URL")
            return
        }
        #expect(prompt.error?.contains("fully qualified") == true, "\(prompt.error ?? "")")
        for _ in 0..<40 { _ = F.keys(&state, "backspace") }
        _ = F.type(&state, "https://example.com/all.mp3")
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(2, .announce(callSid: nil, url: "https://example.com/all.mp3"))])
        #expect(state.events.entries.last?.text == "you: announce https://example.com/all.mp3 to everyone …")
    }

    @Test func endingTheConferenceNeedsItsNameTyped() {
        var state = F.watching()
        _ = F.keys(&state, "X")
        #expect(F.screen(state).contains("standup"))
        _ = F.type(&state, "stand")
        #expect(F.keys(&state, "enter").isEmpty)
        guard let error = (state.box as? EndConferencePrompt).map(\.error) else {
            Issue.record("the confirmation closed")
            return
        }
        #expect(error == "type the conference's name exactly: standup")
        _ = F.type(&state, "up")
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(1, .endConference)])
        #expect(state.events.entries.last?.text == "you: end standup for everyone …")
        _ = F.keys(&state, "X", "esc")
        #expect(state.events.entries.last?.text == "end of the conference cancelled")
    }

    @Test func theOverviewRefreshesItsCountsEveryThreeSecondsKeepingTheHighlight() {
        var state = F.watching()
        #expect(F.keys(&state, "c") == [.loadConferences])
        let other = Conference(accountSid: F.conference.accountSid, sid: "CF" + String(repeating: "9", count: 32), friendlyName: "incident", status: .inProgress)
        F.send(&state, .conferencesLoaded([ConferenceSummary(conference: F.conference, participants: 6, muted: 1, held: 1), ConferenceSummary(conference: other, participants: 2, muted: 0, held: 0)]))
        _ = F.keys(&state, "j")
        #expect(F.send(&state, .tick(F.start.addingTimeInterval(2))).isEmpty)
        #expect(F.send(&state, .tick(F.start.addingTimeInterval(3))) == [.loadConferences])
        #expect(F.send(&state, .tick(F.start.addingTimeInterval(4))).isEmpty, "one refresh in flight at a time")
        // incident grew and moved first: the highlight follows it.
        F.send(&state, .conferencesLoaded([ConferenceSummary(conference: other, participants: 3, muted: 1, held: 0), ConferenceSummary(conference: F.conference, participants: 6, muted: 1, held: 1)]))
        guard let picker = state.box as? ConferencesOverview else {
            Issue.record("the overview closed")
            return
        }
        #expect(picker.selection == 0)
        #expect(F.screen(state).contains("incident"))
        F.send(&state, .conferencesFailed("20003 Authenticate"))
        #expect(F.screen(state).contains("refresh failed, counts may be old: 20003 Authenticate"))
        #expect(F.screen(state).contains("incident"), "the last counts stay")
        let effects = F.keys(&state, "enter")
        #expect(effects == [.watch(conferenceSid: other.sid, filter: ParticipantFilter())])
    }

    @Test func escLeavesTheOverviewForTheConferenceWatched() {
        var state = F.watching()
        _ = F.keys(&state, "c", "esc")
        #expect(state.box == nil && state.conferenceSid == F.conferenceSid)
    }

    @Test func theAuditViewLoadsAndScrollsWithinTheRecords() {
        var state = F.watching()
        #expect(F.keys(&state, "V") == [.loadAudit])
        var records: [AuditRecord] = []
        for i in 0..<40 {
            let last = i == 39
            records.append(AuditRecord(
                time: F.start.addingTimeInterval(Double(i)), source: "dashboard", conferenceSid: F.conferenceSid, conference: "standup",
                action: "mute", participantSid: F.sid(2), participant: "alice", parameters: ["Muted": "true"],
                result: last ? "failed" : "done", code: last ? 20429 : nil, message: last ? "20429 Too Many Requests" : nil))
        }
        F.send(&state, .auditLoaded(records, otherAccounts: 0))
        let screen = F.screen(state)
        #expect(screen.contains("mute alice  ✗ 20429 Too Many Requests"), "the newest at the bottom")
        _ = F.keys(&state, "G", "j", "j")
        guard let view = state.box as? AuditViewer else {
            Issue.record("closed")
            return
        }
        let lines = view.lines(state.layout).count
        #expect(lines > 40, "the failed record is long: it wraps under itself")
        #expect(view.scroller.top == lines - 16, "24 rows show 16 lines; j past the end stays")
        _ = F.keys(&state, "esc")
        #expect(state.box == nil)
    }
}
