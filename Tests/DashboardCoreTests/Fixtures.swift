import Foundation
import TwilioModels
@testable import DashboardCore

/// Participants and states with fixed times, so every test sees the same dashboard.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_764_000_000)
    static let conferenceSid = "CF0123456789abcdef0123456789abcdef"

    static func sid(_ n: Int) -> String { "CA" + String(format: "%032x", n) }

    static func participant(
        _ n: Int, label: String? = nil, status: ParticipantStatus = .connected, muted: Bool = false, hold: Bool = false,
        coaching: String? = nil, joinedMinutesAgo: Double = 10, endOnExit: Bool = false
    ) -> Participant {
        Participant(
            accountSid: "ACc0ffee00000000000000000000000000", callSid: sid(n), conferenceSid: conferenceSid, label: label,
            status: status, muted: muted, hold: hold, coaching: coaching != nil, callSidToCoach: coaching,
            startConferenceOnEnter: true, endConferenceOnExit: endOnExit,
            dateCreated: start.addingTimeInterval(-joinedMinutesAgo * 60), dateUpdated: start.addingTimeInterval(-joinedMinutesAgo * 60),
            uri: "/2010-04-01/Accounts/ACc0ffee00000000000000000000000000/Conferences/\(conferenceSid)/Participants/\(sid(n)).json")
    }

    static let conference = Conference(
        accountSid: "ACc0ffee00000000000000000000000000", sid: conferenceSid, friendlyName: "standup", status: .inProgress,
        region: "us1", dateCreated: start.addingTimeInterval(-3600), dateUpdated: start)

    static let meeting: [Participant] = [
        participant(1, label: "moderator", joinedMinutesAgo: 42, endOnExit: true),
        participant(2, label: "alice", muted: true, joinedMinutesAgo: 40),
        participant(3, label: "bruno", joinedMinutesAgo: 31),
        participant(4, label: nil, hold: true, joinedMinutesAgo: 25),
        participant(5, label: "chen-wei", coaching: sid(3), joinedMinutesAgo: 12),
        participant(6, label: "dara", status: .ringing, joinedMinutesAgo: 0.1),
    ]

    /// A dashboard watching `standup` that has had its first poll.
    static func watching(_ participants: [Participant] = meeting, width: Int = 80, height: Int = 24) -> DashboardState {
        var state = DashboardState(now: start)
        _ = Reducer.reduce(&state, .resized(width: width, height: height))
        _ = Reducer.start(&state, conference: conference)
        _ = Reducer.reduce(&state, .polled(participants: participants, conference: conference, latency: 0.023, at: start))
        return state
    }

    @discardableResult
    static func send(_ state: inout DashboardState, _ messages: Message...) -> [Effect] {
        messages.flatMap { Reducer.reduce(&state, $0) }
    }

    /// The screen the state draws, as plain text lines.
    static func screen(_ state: DashboardState) -> String {
        let canvas = DashboardView.render(state)
        return (0..<canvas.height).map { canvas.text(row: $0) }.joined(separator: "\n")
    }

    /// Types each character of `text` as a key.
    static func type(_ state: inout DashboardState, _ text: String) -> [Effect] {
        text.flatMap { Reducer.reduce(&state, .key(KeyChord(parsing: $0 == " " ? "space" : String($0))!)) }
    }

    static func keys(_ state: inout DashboardState, _ names: String...) -> [Effect] {
        names.flatMap { Reducer.reduce(&state, .key(KeyChord(parsing: $0)!)) }
    }
}

extension Fixtures {
    /// An action as an effect sends it: its id and what it does (the request's names are checked apart).
    struct Sent: Equatable, CustomStringConvertible {
        var id: Int
        var action: ConferenceAction
        init(_ id: Int, _ action: ConferenceAction) {
            self.id = id
            self.action = action
        }
        var description: String { "#\(id) \(action)" }
    }

    /// The actions among `effects`, in order; any other effect fails the comparison it is in.
    static func sent(_ effects: [Effect]) -> [Sent] {
        effects.map { effect in
            if case .perform(let request) = effect { Sent(request.id, request.action) } else { Sent(-1, .endConference) }
        }
    }
}

extension Fixtures {
    /// Participant n's call: inbound from `number` unless `outbound`, with a caller name when given.
    static func call(
        _ n: Int, number: String = "+14155550100", formatted: String? = "(415) 555-0100", outbound: Bool = false,
        callerName: String? = nil, status: CallStatus = .inProgress
    ) -> Call {
        var call = Call(sid: sid(n), accountSid: "ACc0ffee00000000000000000000000000")
        call.direction = outbound ? .outboundAPI : .inbound
        call.callerName = callerName
        call.status = status
        if outbound {
            (call.to, call.toFormatted, call.from, call.fromFormatted) = (number, formatted, "+15017122661", "(501) 712-2661")
        } else {
            (call.from, call.fromFormatted, call.to, call.toFormatted) = (number, formatted, "+15017122661", "(501) 712-2661")
        }
        call.startTime = start.addingTimeInterval(-600)
        return call
    }

    /// The fetchCall effects among `effects`, in order.
    static func callReads(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .fetchCall(let sid) = $0 { sid } else { nil } }
    }
}
