import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// Who everyone is: each participant's call read once (four at a time), the name from it, NUMBER,
/// search by number and caller name, details.
@Suite("Caller identity")
struct IdentityTests {
    typealias F = Fixtures

    @Test func callsAreReadFourAtATimeInJoinOrderAndTheNextStartsWhenOneAnswers() {
        var state = DashboardState(now: F.start)
        _ = Reducer.reduce(&state, .resized(width: 80, height: 24))
        _ = Reducer.start(&state, conference: F.conference)
        let first = Reducer.reduce(&state, .polled(participants: F.meeting, conference: F.conference, latency: 0.02, at: F.start))
        #expect(F.callReads(first) == [1, 2, 3, 4].map(F.sid))
        #expect(state.calls.inFlight == 4)
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(1)))).isEmpty, "never more than four in flight")
        #expect(F.callReads(F.send(&state, .callFetched(F.call(2)))) == [F.sid(5)])
        #expect(F.callReads(F.send(&state, .callFetched(F.call(1)))) == [F.sid(6)])
        // Read once: the same answer again asks for nothing; a poll asks for nothing.
        F.send(&state, .callFetched(F.call(3)), .callFetched(F.call(4)), .callFetched(F.call(5)), .callFetched(F.call(6)))
        #expect(F.callReads(F.send(&state, .polled(participants: F.meeting, conference: nil, latency: 0, at: F.start.addingTimeInterval(2)))).isEmpty)
        #expect(state.calls.inFlight == 0 && state.calls.calls.count == 6)
    }

    @Test func aStatusChangeReadsTheCallAgainAndAFilterSwitchReadsNothingKnown() {
        var state = F.watching()
        for n in 1...6 { F.send(&state, .callFetched(F.call(n))) }
        var next = F.meeting
        next[5].status = .connected
        #expect(F.callReads(F.send(&state, .polled(participants: next, conference: nil, latency: 0, at: F.start.addingTimeInterval(1)))) == [F.sid(6)])
        _ = F.keys(&state, "f")
        let effects = F.send(&state, .polled(participants: [F.meeting[1]], conference: nil, latency: 0, at: F.start.addingTimeInterval(2)))
        #expect(F.callReads(effects).isEmpty, "known for the session")
        #expect(state.table.rows[F.sid(2)]?.call != nil, "a row back under a filter has its call at once")
    }

    @Test func aFailedReadWaitsLongerEachTimeAndA429WaitsItsRetryAfter() {
        var state = F.watching([F.participant(1)])
        #expect(state.calls.inFlight == 1)
        F.send(&state, .callFailed(callSid: F.sid(1), reason: "HTTP 500", retryAfter: nil))
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(1.9)))).isEmpty)
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(2)))) == [F.sid(1)], "2 s after the first failure")
        F.send(&state, .callFailed(callSid: F.sid(1), reason: "HTTP 500", retryAfter: nil))
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(5.9)))).isEmpty)
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(6)))) == [F.sid(1)], "4 s after the second")
        F.send(&state, .callFailed(callSid: F.sid(1), reason: "20429 Too Many Requests", retryAfter: 30))
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(35)))).isEmpty, "Retry-After 30 s is longer than the step")
        #expect(F.callReads(F.send(&state, .tick(F.start.addingTimeInterval(36)))) == [F.sid(1)])
        #expect(state.table.rows[F.sid(1)]?.name == "CA…000001", "a failed read leaves the row as it was")
    }

    @Test(arguments: [
        (nil as String?, "ALICE SMITH" as String?, "+14155550100", false, "ALICE SMITH"),
        (nil, nil, "+14155550100", false, "(415) 555-0100"),
        (nil, nil, "+447700900123", true, "+447700900123"),
        (nil, nil, "client:reception", false, "client:reception"),
        ("guest", "ALICE SMITH", "+14155550100", false, "guest"),
    ])
    func theNameIsTheLabelTheCallerNameTheNumberOrTheIdentity(label: String?, callerName: String?, number: String, outbound: Bool, shown: String) {
        var state = F.watching([F.participant(1, label: label)])
        #expect(state.table.rows[F.sid(1)]?.name == label ?? "CA…000001", "the CallSid's tail only while the call is unknown")
        let formatted: String? = number == "+14155550100" ? "(415) 555-0100" : nil
        F.send(&state, .callFetched(F.call(1, number: number, formatted: formatted, outbound: outbound, callerName: callerName)))
        #expect(state.table.rows[F.sid(1)]?.name == shown)
        #expect(F.screen(state).contains(" \(shown) "))
    }

    @Test func theNumberColumnComesWithRoomAndTheSearchFindsDigitsAndNames() {
        var state = F.watching(width: 160, height: 30)
        #expect(!F.screen(state).contains("NUMBER"), "no number known: no column")
        F.send(&state, .callFetched(F.call(4, number: "+14158675309", formatted: "(415) 867-5309", callerName: "DARA OKAFOR")))
        F.send(&state, .callFetched(F.call(3, number: "+442071838750", formatted: nil)))
        let wide = F.screen(state)
        #expect(wide.contains("NUMBER") && wide.contains("(415) 867-5309") && wide.contains("+442071838750"))
        F.send(&state, .resized(width: 80, height: 24))
        #expect(!F.screen(state).contains("NUMBER"), "at 80 columns the name keeps its room")
        for (needle, found) in [("415 867", [4]), ("(415) 867-53", [4]), ("+44207", [3]), ("okafor", [4]), ("8675", [4])] {
            _ = F.keys(&state, "/")
            _ = F.type(&state, needle)
            #expect(state.table.visibleIDs == found.map(F.sid), "/\(needle)")
            _ = F.keys(&state, "esc")
        }
    }

    @Test func detailsShowTheCall() {
        var state = F.watching(width: 160, height: 50)
        var call = F.call(1, callerName: "MODERATOR DESK")
        (call.duration, call.answeredBy, call.forwardedFrom, call.parentCallSid) = ("312", "human", "+14155550199", "CA" + String(repeating: "e", count: 32))
        F.send(&state, .callFetched(call))
        _ = F.keys(&state, "enter")
        let screen = F.screen(state)
        for text in ["from                       (415) 555-0100  (+14155550100)", "to                         (501) 712-2661  (+15017122661)",
                     "direction                  inbound", "caller_name                MODERATOR DESK", "duration                   312 s",
                     "answered_by                human", "forwarded_from             +14155550199", "parent_call_sid            CAeeee", "start_time"] {
            #expect(screen.contains(text), "\(text)")
        }
    }

    @Test func ourOwnDialOutIsNamedByWhomItCalledBeforeItsCallIsRead() {
        var state = F.watching()
        for n in 1...6 { F.send(&state, .callFetched(F.call(n))) }
        state.defaults.dialFrom = "+15017122661"
        _ = F.keys(&state, ":")
        _ = F.type(&state, "dial +14155550199")
        let id = try! #require(F.sent(F.keys(&state, "enter")).first?.id)
        let answer = F.participant(7, status: .queued, joinedMinutesAgo: 0)
        let effects = F.send(&state, .actionFinished(id: id, .done(answer), at: F.start.addingTimeInterval(1)))
        #expect(state.events.entries.last?.text == "+14155550199 is being called (queued)")
        #expect(F.callReads(effects) == [F.sid(7)], "the call is still read")
        F.send(&state, .callFetched(F.call(7, number: "+14155550199", formatted: "(415) 555-0199", outbound: true, status: .ringing)))
        #expect(state.table.rows[F.sid(7)]?.name == "(415) 555-0199")
    }
}
