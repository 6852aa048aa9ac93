import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

@Suite("Reducer: polling, staleness and recovery")
struct ReducerPollingTests {
    typealias F = Fixtures

    @Test func startingWatchesTheConferenceWithTheServerFilter() {
        var state = DashboardState(now: F.start)
        let effects = Reducer.start(&state, conference: F.conference)
        #expect(effects == [.watch(conferenceSid: F.conferenceSid, filter: .all)])
        #expect(state.conferenceSid == F.conferenceSid && !state.table.haveBaseline)
    }

    @Test func withoutAConferenceThePickerOpensAndLoads() {
        var state = DashboardState(now: F.start)
        #expect(Reducer.start(&state, conference: nil) == [.loadConferences])
        guard let picker = state.box as? ConferencesOverview else { Issue.record("no picker"); return }
        #expect(picker.loading)
        F.send(&state, .conferencesLoaded([ConferenceSummary(conference: F.conference, participants: 6, muted: 1, held: 1)]))
        let effects = F.keys(&state, "enter")
        #expect(effects == [.watch(conferenceSid: F.conferenceSid, filter: .all)])
        #expect(state.box == nil)
    }

    @Test func theFirstPollIsTheBaselineWithoutHighlights() {
        let state = F.watching()
        #expect(state.table.haveBaseline && state.table.rows.count == 6)
        #expect(state.table.rows.values.allSatisfy { $0.joinedAt == nil && $0.marks.isEmpty })
        #expect(state.poll.lastSuccess == F.start && state.poll.lastLatency == 0.023 && !state.poll.isStale)
        #expect(state.table.selection.id == F.sid(1))
        // Join order, except that chen-wei (5), who coaches bruno (3), sits right under bruno.
        #expect(state.table.visibleRows.map(\.callSid) == [1, 2, 3, 5, 4, 6].map(F.sid))
    }

    @Test func aFailedPollKeepsTheSnapshotAndGoesStaleThenRecovers() {
        var state = F.watching()
        let later = F.start.addingTimeInterval(3)
        F.send(&state, .pollFailed(PollFailure(kind: .other, message: "connection refused", retryAt: later.addingTimeInterval(2)), at: later))
        #expect(state.poll.isStale && state.poll.lastError == "connection refused" && state.poll.failures == 1)
        #expect(state.table.rows.count == 6)
        #expect(state.events.entries.last?.text == "poll failed: connection refused")
        F.send(&state, .pollFailed(PollFailure(kind: .other, message: "connection refused", retryAt: nil), at: later.addingTimeInterval(2)))
        #expect(state.poll.failures == 2)
        #expect(state.events.entries.filter { $0.text.hasPrefix("poll failed") }.count == 1, "a repeated error is logged once")
        F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0.01, at: later.addingTimeInterval(4)))
        #expect(!state.poll.isStale && state.poll.failures == 0)
        #expect(state.events.entries.last?.text == "polling recovered after 2 failed polls")
    }

    @Test func wrongCredentialsStopPolling() {
        var state = F.watching()
        let effects = F.send(&state, .pollFailed(PollFailure(kind: .unauthorized, message: "20003 Authentication Error", retryAt: nil), at: F.start))
        #expect(effects == [.stopPolling])
        #expect(state.poll.halted == .unauthorized("20003 Authentication Error"))
    }

    @Test func anEndedConferenceStopsPollingAndKeepsTheLastSnapshot() {
        var state = F.watching()
        let effects = F.send(&state, .pollFailed(PollFailure(kind: .notFound, message: "20404 not found", retryAt: nil), at: F.start))
        #expect(effects == [.stopPolling])
        #expect(state.table.rows.count == 6)
        #expect(state.events.entries.last?.text.contains("press c") == true)
        let header = F.screen(state).split(separator: "\n")[0]
        #expect(header.contains("standup") && header.contains(" ended ") && !header.contains("in-progress"), "\(header)")
        // r tries again.
        #expect(F.keys(&state, "r") == [.watch(conferenceSid: F.conferenceSid, filter: .all)])
    }

    @Test func aCompletedConferenceIsReportedOnce() {
        var state = F.watching()
        var ended = F.conference
        ended.status = .completed
        ended.reasonConferenceEnded = "last-participant-left"
        let effects = F.send(&state, .polled(participants: [], conference: ended, latency: 0.01, at: F.start.addingTimeInterval(1)))
        #expect(effects == [.stopPolling])
        #expect(state.events.entries.filter { $0.text.contains("has ended") }.count == 1)
    }
}

@Suite("Reducer: changes, highlights and tombstones")
struct ReducerChangeTests {
    typealias F = Fixtures

    /// The tick looks at the rows only when something on them can have run out; a change made
    /// after a quiet stretch still runs out on time.
    @Test func quietTicksSkipTheRowsAndALaterChangeStillExpires() {
        var state = F.watching()
        F.send(&state, .tick(F.start.addingTimeInterval(120)))
        #expect(state.table.nextExpiry == .distantFuture, "nothing left to run out")
        var next = F.meeting
        next[1].muted = false
        let t1 = F.start.addingTimeInterval(200)
        F.send(&state, .polled(participants: next, conference: nil, latency: 0.01, at: t1))
        #expect(state.table.rows[F.sid(2)]?.marks[.muted] != nil)
        F.send(&state, .tick(t1.addingTimeInterval(1)))
        #expect(state.table.nextExpiry == t1.addingTimeInterval(state.settings.highlights.changed))
        F.send(&state, .tick(t1.addingTimeInterval(state.settings.highlights.changed)))
        #expect(state.table.rows[F.sid(2)]?.marks[.muted] == nil)
        #expect(state.table.nextExpiry == .distantFuture)
    }

    @Test func joinsChangesAndLeavesAreMarkedLoggedAndExpire() {
        var state = F.watching()
        var next = F.meeting
        next[1].muted = false
        next.remove(at: 2)
        next.append(F.participant(7, label: "emeka", joinedMinutesAgo: 0))
        let t1 = F.start.addingTimeInterval(1)
        F.send(&state, .polled(participants: next, conference: nil, latency: 0.01, at: t1))
        #expect(state.table.rows[F.sid(7)]?.joinedAt == t1)
        #expect(state.table.rows[F.sid(2)]?.marks[.muted] == FieldMark(old: .flag(true), new: .flag(false), at: t1))
        #expect(state.table.rows[F.sid(3)]?.departedAt == t1, "kept as a tombstone")
        let log = state.events.entries.suffix(3).map(\.text)
        #expect(log.contains("emeka joined") && log.contains("bruno left") && log.contains("alice unmuted"))
        F.send(&state, .tick(t1.addingTimeInterval(4.5)))
        #expect(state.table.rows[F.sid(7)]?.joinedAt == nil && state.table.rows[F.sid(2)]?.marks.isEmpty == true)
        #expect(state.table.rows[F.sid(3)] != nil)
        F.send(&state, .tick(t1.addingTimeInterval(5)))
        #expect(state.table.rows[F.sid(3)] == nil, "the tombstone goes after 5 s")
    }

    @Test func aFieldChangingAgainWhileHighlightedShowsAnHonestOldToNew() {
        var state = F.watching()
        var people = F.meeting
        let at = { F.start.addingTimeInterval($0) }
        people[5].status = .connected                    // dara: ringing → connected
        people[2].muted = true                           // bruno: no → yes
        F.send(&state, .polled(participants: people, conference: nil, latency: 0, at: at(1)))
        people[2].muted = false                          // and back within the highlight: yes → no
        F.send(&state, .polled(participants: people, conference: nil, latency: 0, at: at(2)))
        #expect(state.table.rows[F.sid(3)]?.marks[.muted] == FieldMark(old: .flag(true), new: .flag(false), at: at(2)), "never no→no")
        var queued = F.participant(8, label: "fay", status: .queued, joinedMinutesAgo: 0)
        F.send(&state, .polled(participants: people + [queued], conference: nil, latency: 0, at: at(3)))
        queued.status = .ringing
        F.send(&state, .polled(participants: people + [queued], conference: nil, latency: 0, at: at(4)))
        queued.status = .connected
        F.send(&state, .polled(participants: people + [queued], conference: nil, latency: 0, at: at(5)))
        #expect(state.table.rows[F.sid(8)]?.marks[.status] == FieldMark(old: .status(.queued), new: .status(.connected), at: at(5)), "where it started")
    }

    @Test func aTombstoneThatComesBackIsAliveAgain() {
        var state = F.watching()
        F.send(&state, .polled(participants: Array(F.meeting.dropLast()), conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0, at: F.start.addingTimeInterval(2)))
        #expect(state.table.rows[F.sid(6)]?.departedAt == nil)
        #expect(state.table.rows.count == 6)
    }

    @Test func aSnapshotWithADuplicateCallSidShowsTheFirstAndSaysSo() {
        var state = F.watching()
        var next = F.meeting
        next.append(F.participant(2, label: "impostor"))
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.rows[F.sid(2)]?.participant.label == "alice")
        #expect(state.events.entries.last?.kind == .warning)
    }

    @Test func theEventLogIsBounded() {
        var state = F.watching()
        for i in 0..<(EventLog.capacity + 500) {
            var next = F.meeting
            next[0].muted = i % 2 == 0
            F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(Double(i))))
        }
        #expect(state.events.entries.count <= EventLog.capacity)
        #expect(state.events.dropped > 0)
    }
}

@Suite("Reducer: selection, filters and sort")
struct ReducerViewTests {
    typealias F = Fixtures

    @Test func selectionStaysOnTheSameCallSidAcrossRefreshesAndSorts() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j")
        #expect(state.table.selection.id == F.sid(3))
        F.send(&state, .polled(participants: F.meeting.reversed(), conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.selection.id == F.sid(3))
        _ = F.keys(&state, "s")
        #expect(state.table.sort == .name && state.table.selection.id == F.sid(3))
        #expect(state.table.visibleRows.map { $0.participant.name(short: false) }.prefix(4) == ["alice", "bruno", "chen-wei", F.sid(4)], "the coach stays under the coached")
    }

    @Test func whenTheSelectedRowGoesTheNeighbourIsSelected() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j")
        F.send(&state, .polled(participants: F.meeting.filter { $0.callSid != F.sid(3) }, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.selection.id == F.sid(3), "still on the tombstone")
        F.send(&state, .tick(F.start.addingTimeInterval(7)))
        #expect(state.table.selection.id == F.sid(4))
    }

    @Test func theSelectionSurvivesAListFilterThatStillShowsIt() {
        var state = F.watching()
        _ = F.keys(&state, "j")
        #expect(state.table.selection.id == F.sid(2))
        _ = F.keys(&state, "f")
        #expect(state.table.selection.id == nil, "nothing is shown until the filtered snapshot arrives")
        var moderator = F.meeting[0]
        moderator.muted = true
        F.send(&state, .polled(participants: [moderator, F.meeting[1]], conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.visibleIDs == [F.sid(1), F.sid(2)])
        #expect(state.table.selection.id == F.sid(2), "alice is muted, so she stays selected, though she is not the first row")
    }

    @Test func aListFilterThatHidesTheSelectionLandsOnItsNeighbourNotTheTop() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j")
        #expect(state.table.selection.id == F.sid(3))
        _ = F.keys(&state, "f")
        var muted = [F.meeting[0], F.meeting[1], F.meeting[5]]
        for i in muted.indices { muted[i].muted = true }
        F.send(&state, .polled(participants: muted, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.visibleIDs == [F.sid(1), F.sid(2), F.sid(6)])
        #expect(state.table.selection.id == F.sid(2), "alice sat right above bruno; the moderator is only the top row")
    }

    @Test func aFilterThatHidesTheSelectionGivesItBackWhenCleared() {
        var state = F.watching()
        _ = F.keys(&state, "j", "j")
        #expect(state.table.selection.id == F.sid(3))
        _ = F.keys(&state, "/", "a", "l")
        #expect(state.table.selection.id == F.sid(2), "bruno is hidden; alice is the only row")
        _ = F.keys(&state, "esc")
        #expect(state.table.selection.id == F.sid(3), "bruno again once the filter is gone")
        _ = F.keys(&state, "/", "z", "z")
        #expect(state.table.selection.id == nil && state.selectedRow == nil, "no row shown, nothing to act on")
        _ = F.keys(&state, "backspace", "backspace", "enter")
        #expect(state.table.selection.id == F.sid(3))
        _ = F.keys(&state, "f")
        F.send(&state, .polled(participants: F.meeting.filter(\.muted), conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.selection.id == F.sid(2))
        _ = F.keys(&state, "f", "f", "f", "f", "f")
        F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0, at: F.start.addingTimeInterval(2)))
        #expect(state.table.listFilter == .all && state.table.selection.id == F.sid(3), "back on bruno after the filter went round")
    }

    @Test func movementKeysClampAndPage() {
        var state = F.watching()
        _ = F.keys(&state, "G")
        #expect(state.table.selection.id == F.sid(6))
        _ = F.keys(&state, "j")
        #expect(state.table.selection.id == F.sid(6))
        _ = F.keys(&state, "g")
        #expect(state.table.selection.id == F.sid(1))
        _ = F.keys(&state, "pgdn")
        #expect(state.table.selection.id == F.sid(6))
        _ = F.keys(&state, "k", "up")
        #expect(state.table.selection.id == F.sid(5), "6 → 4 → 5: chen-wei sits under bruno, whom she coaches")
    }

    @Test func theListFilterGoesToTheServerAndResetsTheBaseline() {
        var state = F.watching()
        let effects = F.keys(&state, "f")
        #expect(state.table.listFilter == .muted)
        #expect(effects == [.watch(conferenceSid: F.conferenceSid, filter: ParticipantFilter(muted: true))])
        #expect(!state.table.haveBaseline && state.table.rows.isEmpty)
        F.send(&state, .polled(participants: [F.meeting[1]], conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        #expect(state.table.rows.count == 1 && state.table.rows.values.first?.joinedAt == nil)
        let order = (0..<5).map { _ in F.keys(&state, "f") }.compactMap { $0.first }
        #expect(order == [
            .watch(conferenceSid: F.conferenceSid, filter: ParticipantFilter(muted: false)),
            .watch(conferenceSid: F.conferenceSid, filter: ParticipantFilter(hold: true)),
            .watch(conferenceSid: F.conferenceSid, filter: ParticipantFilter(hold: false)),
            .watch(conferenceSid: F.conferenceSid, filter: ParticipantFilter(coaching: true)),
            .watch(conferenceSid: F.conferenceSid, filter: .all),
        ])
    }

    @Test func theTextFilterNarrowsByLabelOrSidAndEscRestores() {
        var state = F.watching()
        _ = F.keys(&state, "/", "a", "l")
        #expect(state.table.textFilter == "al")
        #expect(state.table.visibleRows.map(\.callSid) == [F.sid(2)])
        #expect(state.table.selection.id == F.sid(2))
        _ = F.keys(&state, "enter")
        #expect(state.box == nil && state.table.textFilter == "al")
        _ = F.keys(&state, "/", "backspace", "backspace", "0", "0", "4")
        #expect(state.table.visibleRows.map(\.callSid) == [F.sid(4)], "SIDs match too")
        _ = F.keys(&state, "esc")
        #expect(state.table.textFilter == "al")
    }

    /// Polls that cannot move a row skip recomputing the order; the order must still always be the one
    /// the rows call for, whatever changed and whatever the filter and sort.
    @Test(arguments: ["", "al"], [DashboardCore.SortOrder.joined, .name])
    func theTableOrderFollowsEveryPoll(filter: String, sort: DashboardCore.SortOrder) {
        var state = F.watching()
        state.table.textFilter = filter
        state.table.sort = sort
        F.send(&state, .tick(F.start))
        var people = F.meeting
        let edits: [(inout [Participant]) -> Void] = [
            { $0[2].muted = true },                                   // a mute: nothing moves
            { $0[1].label = "zed" },                                  // alice renamed: leaves the "al" filter
            { $0[3].label = "albert" },                               // a SID-only row gets a label that matches
            { $0[4].callSidToCoach = F.sid(1) },                      // the coach now coaches the moderator
            { $0[4].coaching = false; $0[4].callSidToCoach = nil },   // and stops coaching
            { $0[0].hold = true },
            { $0.remove(at: 2) },                                     // bruno leaves
        ]
        for (step, edit) in edits.enumerated() {
            edit(&people)
            F.send(&state, .polled(participants: people, conference: nil, latency: 0, at: F.start.addingTimeInterval(Double(step + 1))))
            #expect(state.table.orderedIDs == state.table.visibleIDs, "after edit \(step)")
            #expect(state.table.selection.id.map { state.table.orderedIDs.contains($0) } ?? state.table.orderedIDs.isEmpty, "after edit \(step)")
        }
    }

    @Test func unboundAltKeysAreEscThenTheKey() {
        var state = F.watching()
        _ = F.keys(&state, "?")
        #expect(state.box != nil)
        let effects = F.keys(&state, "alt-q")
        #expect(state.box == nil)
        #expect(effects == [.stopPolling, .quit])
    }

    @Test func ctrlCQuitsFromAnywhere() {
        var state = F.watching()
        _ = F.keys(&state, "d")
        #expect(F.keys(&state, "ctrl-c") == [.stopPolling, .quit])
    }
}

@Suite("Reducer: the supervisor's actions")
struct ReducerActionTests {
    typealias F = Fixtures

    @Test func muteIsPendingThenDone() {
        var state = F.watching()
        let effects = F.keys(&state, "m")
        #expect(F.sent(effects) == [F.Sent(1, .mute(callSid: F.sid(1), true))])
        #expect(state.table.rows[F.sid(1)]?.action == RowAction(id: 1, verb: "mute", phase: .pending))
        #expect(state.events.entries.last?.text == "you: mute moderator …")
        var muted = F.meeting[0]
        muted.muted = true
        let at = F.start.addingTimeInterval(0.2)
        F.send(&state, .actionFinished(id: 1, .done(muted), at: at))
        #expect(state.table.rows[F.sid(1)]?.action?.phase == .done(at: at))
        #expect(state.table.rows[F.sid(1)]?.participant.muted == true)
        #expect(state.actions.pending.isEmpty)
        #expect(state.events.entries.contains { $0.text == "you: mute moderator ✓" })
        F.send(&state, .tick(at.addingTimeInterval(6)))
        #expect(state.table.rows[F.sid(1)]?.action == nil)
    }

    @Test func aFailedActionSaysWhyOnTheRowAndInTheLog() {
        var state = F.watching()
        _ = F.keys(&state, "j", "h")
        F.send(&state, .actionFinished(id: 1, .failed("21220 Participant is ringing"), at: F.start))
        #expect(state.table.rows[F.sid(2)]?.action?.phase == .failed(reason: "21220 Participant is ringing", at: F.start))
        #expect(state.events.entries.last?.text == "you: hold alice ✗ 21220 Participant is ringing")
        F.send(&state, .tick(F.start.addingTimeInterval(10)))
        #expect(state.table.rows[F.sid(2)]?.action != nil, "failures stay longer")
    }

    @Test func holdUsesTheConfiguredMusicAndResumeDoesNot() {
        var state = F.watching()
        state.defaults.holdURL = "https://example.com/hold.mp3"
        state.defaults.holdMethod = .POST
        #expect(F.sent(F.keys(&state, "h")) == [F.Sent(1, .hold(callSid: F.sid(1), true, url: "https://example.com/hold.mp3", method: .POST))])
        _ = F.keys(&state, "j", "j", "j", "j")
        #expect(F.sent(F.keys(&state, "h")) == [F.Sent(2, .hold(callSid: F.sid(4), false, url: nil, method: nil))])
    }

    @Test func holdWithMusicPromptsOffersTheURLAndValidates() {
        var state = F.watching()
        state.defaults.holdURL = "https://example.com/hold.mp3"
        _ = F.keys(&state, "H")
        guard let prompt = state.box as? HoldPrompt else { Issue.record("no prompt"); return }
        #expect(prompt.url.text == "https://example.com/hold.mp3" && prompt.method == .GET)
        _ = F.keys(&state, "ctrl-u", "x", "y", "z", "enter")
        guard let refused = state.box as? HoldPrompt else { Issue.record("prompt closed"); return }
        #expect(refused.error?.contains("fully qualified") == true)
        _ = F.keys(&state, "ctrl-u")
        for c in "http://m.example/a.mp3" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "tab")
        #expect(F.sent(F.keys(&state, "enter")) == [F.Sent(1, .hold(callSid: F.sid(1), true, url: "http://m.example/a.mp3", method: .POST))])
        #expect(state.box == nil)
    }

    @Test func kickAsksAndOnlyYSends() {
        var state = F.watching()
        _ = F.keys(&state, "j", "x")
        #expect((state.box as? KickConfirm)?.callSid == F.sid(2))
        #expect(F.keys(&state, "n").isEmpty && state.box == nil)
        #expect(state.events.entries.last?.text == "kick of alice cancelled")
        _ = F.keys(&state, "x")
        #expect(F.keys(&state, "enter").isEmpty, "Enter is the default: no")
        _ = F.keys(&state, "x")
        #expect(F.sent(F.keys(&state, "y")) == [F.Sent(1, .kick(callSid: F.sid(2)))])
        F.send(&state, .actionFinished(id: 1, .done(nil), at: F.start.addingTimeInterval(1)))
        #expect(state.table.rows[F.sid(2)]?.departedAt != nil)
    }

    @Test func theDialFormValidatesSendsOnceAndShowsTwiliosRefusal() {
        var state = F.watching()
        state.defaults.dialFrom = "+15017122661"
        _ = F.keys(&state, "d")
        guard let blank = state.box as? DialForm else { Issue.record("no form"); return }
        #expect(blank.value(.from) == "+15017122661")
        #expect(F.keys(&state, "enter").isEmpty)
        guard let invalid = state.box as? DialForm else { Issue.record("form closed"); return }
        #expect(invalid.errors[.to] != nil && invalid.focus == .to)
        for c in "+15558675310" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "tab", "tab")
        for c in "guest" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "tab", "space", "tab", "right", "right", "right", "tab", "tab", "tab")
        for c in "3" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = F.keys(&state, "enter")
        guard let timeout = state.box as? DialForm else { Issue.record("form closed"); return }
        #expect(timeout.errors[.timeout]?.contains("out of range") == true && timeout.focus == .timeout)
        _ = F.keys(&state, "backspace", "3", "0")
        let effects = F.keys(&state, "enter")
        var expected = CreateParticipant(to: "+15558675310", from: "+15017122661", label: "guest")
        expected.muted = true
        expected.beep = .onEnter
        expected.timeout = 30
        #expect(F.sent(effects) == [F.Sent(1, .dial(expected))])
        #expect(F.keys(&state, "enter").isEmpty, "no second dial while one is in flight")
        F.send(&state, .actionFinished(id: 1, .failed("21214 'To' phone number cannot be reached"), at: F.start))
        guard let refused = state.box as? DialForm else { Issue.record("form closed"); return }
        #expect(refused.refusal == "21214 'To' phone number cannot be reached" && refused.pending == nil)
        F.send(&state, .actionFinished(id: 99, .done(nil), at: F.start))
        #expect(state.events.entries.last?.text == "you: action #99 ✓", "even a result nobody waits for is reported")
    }

    /// A dashboard whose dial-out form has sent +15558675310 from +15017122661 (action 1).
    static func dialled() -> DashboardState {
        var state = F.watching()
        _ = F.keys(&state, "d")
        _ = F.type(&state, "+15558675310")
        _ = F.keys(&state, "tab")
        _ = F.type(&state, "+15017122661")
        #expect(F.keys(&state, "enter").count == 1)
        return state
    }

    @Test func aSuccessfulDialClosesTheFormAndShowsTheNewRow() {
        var state = Self.dialled()
        let dialled = F.participant(8, label: nil, status: .queued, joinedMinutesAgo: 0)
        F.send(&state, .actionFinished(id: 1, .done(dialled), at: F.start.addingTimeInterval(0.3)))
        #expect(state.box == nil)
        #expect(state.table.rows[F.sid(8)]?.participant.status == .queued)
    }

    @Test func aDialOutWithNoClearAnswerWarnsAndNeedsEnterTwiceToDialAgain() {
        var state = Self.dialled()
        F.send(&state, .actionFinished(id: 1, .uncertain("the connection to 127.0.0.1 was reset"), at: F.start))
        guard let form = state.box as? DialForm else { Issue.record("form closed"); return }
        #expect(form.refusal == nil && form.unknownOutcome == "the connection to 127.0.0.1 was reset")
        #expect(F.screen(state).contains("it may have been"), "never Twilio refused")
        #expect(!F.screen(state).contains("Twilio refused"))
        #expect(state.events.entries.last?.text.contains("may have happened") == true)
        #expect(F.keys(&state, "enter").isEmpty, "the first Enter only asks")
        #expect(F.screen(state).contains("Enter again dials anyway"))
        let again = F.keys(&state, "enter")
        #expect(again.count == 1, "the second Enter dials: the supervisor chose to")
    }

    @Test func readOnlyNeverSends() {
        var state = F.watching()
        state.settings.readOnly = true
        state.settings.keyTable = state.settings.keyTable.readOnly
        #expect(F.keys(&state, "m", "h", "x", "d", "H").isEmpty)
        #expect(state.box == nil)
        #expect(Reducer.run(.toggleMute, &state).isEmpty)
    }

    @Test func nothingSelectedSaysSo() {
        var state = F.watching([])
        #expect(F.keys(&state, "m").isEmpty)
        #expect(state.events.entries.last?.text == "nothing selected to mute")
    }
}
