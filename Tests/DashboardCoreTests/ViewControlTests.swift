import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// Sort, filter and marks both ways; the counts under a filter; recording; small things.
@Suite("View controls, recording and small things")
struct ViewControlTests {
    typealias F = Fixtures

    @Test func sortCyclesBothWaysAndTurnsAround() {
        var state = F.watching(width: 100, height: 24)
        _ = F.keys(&state, "S")
        #expect(state.table.sort == .recent)
        _ = F.keys(&state, "s", "s")
        #expect(state.table.sort == .name)
        #expect(state.table.visibleRows.first?.name == "alice")
        _ = F.keys(&state, "I")
        #expect(state.table.visibleRows.first?.name == "moderator")
        #expect(F.screen(state).contains("sort: name ↓"))
    }

    @Test func filterCyclesBothWaysAndEscClearsTheSearchThenTheFilter() {
        var state = F.watching()
        #expect(F.keys(&state, "F") == [.watch(conferenceSid: F.conferenceSid, filter: ListFilter.coaching.parameters)])
        _ = F.keys(&state, "f")
        #expect(state.table.listFilter == .all)
        _ = F.keys(&state, "f", "/")
        _ = F.type(&state, "al")
        _ = F.keys(&state, "enter")
        #expect(F.keys(&state, "esc").isEmpty && state.table.textFilter.isEmpty && state.table.listFilter == .muted)
        #expect(F.keys(&state, "esc") == [.watch(conferenceSid: F.conferenceSid, filter: .all)])
        #expect(state.table.listFilter == .all && F.keys(&state, "esc").isEmpty)
    }

    @Test func underAFilterTheHeaderKeepsTheWholeConferencesCounts() {
        var state = F.watching(width: 100, height: 24)
        _ = F.keys(&state, "f")
        F.send(&state, .polled(participants: [F.meeting[1]], conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        var held = F.meeting
        held[2].hold = true
        F.send(&state, .conferenceCounted(held))
        #expect(F.screen(state).split(separator: "\n")[1].hasPrefix(" 1 shown (muted) of 6 · 1 muted · 2 held · 1 coaching · 1 ringing"))
    }

    @Test func recordingShowsInTheHeaderAndRPausesAndResumesIt() {
        var state = F.watching(width: 100, height: 24)
        #expect(F.keys(&state, "R").isEmpty && state.events.entries.last?.text == "no recording is going on in this conference")
        var recording = ConferenceRecording(sid: "RE" + String(repeating: "1", count: 32), accountSid: "AC", conferenceSid: F.conferenceSid, status: .inProgress)
        F.send(&state, .recordingsLoaded([recording]))
        #expect(F.screen(state).split(separator: "\n")[0].contains("● REC"))
        let pause = F.keys(&state, "R")
        #expect(F.sent(pause).map(\.action) == [.recording(sid: recording.sid, RecordingUpdate(status: .paused, pauseBehavior: .skip))])
        #expect(F.send(&state, .actionFinished(id: F.sent(pause)[0].id, .done(nil), at: F.start.addingTimeInterval(1))) == [.loadRecordings(conferenceSid: F.conferenceSid)])
        recording.status = .paused
        F.send(&state, .recordingsLoaded([recording]))
        #expect(F.screen(state).split(separator: "\n")[0].contains("❚❚ REC paused"))
        #expect(F.sent(F.keys(&state, "R")).map(\.action) == [.recording(sid: recording.sid, RecordingUpdate(status: .inProgress))])
    }

    @Test func recordStopAsksFirst() {
        var state = F.watching()
        F.send(&state, .recordingsLoaded([ConferenceRecording(sid: "RE" + String(repeating: "2", count: 32), accountSid: "AC", conferenceSid: F.conferenceSid, status: .inProgress)]))
        _ = F.keys(&state, ":")
        _ = F.type(&state, "record stop")
        #expect(F.keys(&state, "enter").isEmpty && state.box is ConfirmLine)
        #expect(String(F.screen(state).split(separator: "\n").last!).hasPrefix("Stop the recording of standup?"))
        #expect(F.sent(F.keys(&state, "y")).map(\.action) == [.recording(sid: "RE" + String(repeating: "2", count: 32), RecordingUpdate(status: .stopped))])
    }

    @Test func listenSaysWhatYourLineIsDoing() {
        var state = F.watching()
        state.supervisor.callSid = F.sid(4)
        _ = F.keys(&state, "L")
        #expect(state.events.entries.last?.text == "you are already in, and everyone can hear you")
        var next = F.meeting
        next[3].muted = true
        F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))
        _ = F.keys(&state, "L")
        #expect(state.events.entries.last?.text == "you are already in, listening; B barges in")
    }

    @Test func aCoachOfACoachIsDrawnDeeper() {
        var meeting = F.meeting
        meeting.append(F.participant(7, label: "trainer", coaching: F.sid(5), joinedMinutesAgo: 5))
        let state = F.watching(meeting, width: 100, height: 24)
        let screen = F.screen(state)
        #expect(screen.contains("  └ chen-wei") && screen.contains("    └ trainer"), "\(screen)")
        #expect(state.table.visibleIDs == [1, 2, 3, 5, 7, 4, 6].map(F.sid))
    }
}
