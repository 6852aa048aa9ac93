import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// Golden screens of the supervisor's tools, and of texts that must never be cut.
@Suite("Golden screens: nothing cut, and the supervisor's job")
struct SupervisorGoldenTests {
    typealias F = Fixtures

    // MARK: Nothing cut at 80×24, and the supervisor's job

    /// A command line's error too long for the footer goes whole on the lines above it.
    @Test(arguments: [("dial 123", "command-dial-error-80x24"), ("frobnicate now", "command-unknown-80x24")])
    func commandErrorsAreWhole(line: String, golden: String) throws {
        var state = F.watching()
        state.defaults.dialFrom = "+15017122661"
        _ = F.keys(&state, ":")
        _ = F.type(&state, line)
        _ = F.keys(&state, "enter")
        let error = try #require((state.box as? CommandLine)?.error)
        let screen = F.screen(state).replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(screen.contains(error.split(separator: " ").joined(separator: " ")), "the whole error is on screen: \(error)")
        try GoldenRenderTests.compare(DashboardView.render(state), golden)
    }

    /// The overview's error is told whole inside its box.
    @Test func overviewErrorIsWhole() throws {
        var state = F.watching()
        _ = F.keys(&state, "c")
        F.send(&state, .conferencesFailed("connection refused by 127.0.0.1:8089 (is the server running?) — check the network and the API URL"))
        #expect(F.screen(state).replacingOccurrences(of: "│", with: " ").contains("check the network and"))
        try GoldenRenderTests.compare(DashboardView.render(state), "overview-error-80x24")
    }

    /// Audit lines wrap under themselves.
    @Test func auditLinesWrap() throws {
        var state = F.watching()
        _ = F.keys(&state, "V")
        let record = AuditRecord(
            time: F.start, source: "dashboard", conferenceSid: F.conferenceSid, conference: "standup", action: "dial +15558675310",
            participantSid: nil, participant: "guest", parameters: ["To": "+15558675310", "From": "+15017122661", "Label": "guest", "Timeout": "30"],
            result: "failed", code: 21217, httpStatus: 400, message: "21217 Phone number +15558675310 does not appear to be valid")
        F.send(&state, .auditLoaded([record], otherAccounts: 2))
        let screen = F.screen(state)
        #expect(screen.contains("Timeout=30") && screen.contains("2 of other accounts not shown"))
        try GoldenRenderTests.compare(DashboardView.render(state), "audit-80x24")
    }

    /// A row's failed action is told whole under the table when the row is selected.
    @Test func aRowsActionResultIsWhole() throws {
        var state = F.watching()
        _ = F.keys(&state, "j", "m")
        F.send(&state, .actionFinished(id: 1, .failed("no answer within 10 s"), at: F.start.addingTimeInterval(1)))
        #expect(F.screen(state).contains("alice: ✗ unmute: no answer within 10 s"))
        try GoldenRenderTests.compare(DashboardView.render(state), "action-result-80x24")
    }

    /// Who everyone is: names and numbers from their calls, REC, at 120×30.
    @Test func identityAndRecording120x30() throws {
        var state = F.watching(width: 120, height: 30)
        F.send(&state, .callFetched(F.call(4, number: "+14158675309", formatted: "(415) 867-5309", callerName: "DARA OKAFOR")))
        F.send(&state, .callFetched(F.call(2, number: "+442071838750", formatted: nil)))
        F.send(&state, .callFetched(F.call(6, number: "client:reception", formatted: nil, outbound: true)))
        F.send(&state, .recordingsLoaded([ConferenceRecording(sid: "RE" + String(repeating: "3", count: 32), accountSid: "AC", conferenceSid: F.conferenceSid, status: .inProgress)]))
        try GoldenRenderTests.compare(DashboardView.render(state), "identity-120x30")
    }

    /// The one-line question before a bulk action.
    @Test func bulkQuestion80x24() throws {
        var state = F.watching()
        _ = F.keys(&state, "M")
        try GoldenRenderTests.compare(DashboardView.render(state), "bulk-question-80x24")
    }

    /// The timeline with a bulk action opened.
    @Test func timeline80x24() throws {
        var state = F.watching()
        _ = F.keys(&state, "M")
        for sent in F.sent(F.keys(&state, "y")) { F.send(&state, .actionFinished(id: sent.id, .done(nil), at: F.start.addingTimeInterval(1))) }
        _ = F.keys(&state, "l", "enter")
        try GoldenRenderTests.compare(DashboardView.render(state), "timeline-80x24")
    }

    /// A coach of a coach sits deeper than the coach.
    @Test func coachOfACoach80x24() throws {
        var meeting = F.meeting
        meeting.append(F.participant(7, label: "trainer", coaching: F.sid(5), joinedMinutesAgo: 5))
        try GoldenRenderTests.compare(DashboardView.render(F.watching(meeting)), "coach-of-coach-80x24")
    }
}
