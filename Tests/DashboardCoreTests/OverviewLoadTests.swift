import Foundation
import Testing
import TwilioModels
@testable import DashboardCore

/// The overview's load is bounded however many conferences there are: counts are read only for the
/// conferences on screen, each again once 3 s old, at most 5 a second and 4 at once. Time moves only
/// by the ticks sent here; every count asked for is answered at once.
@Suite("The conferences overview's load")
struct OverviewLoadTests {
    typealias F = Fixtures

    static let many: [ConferenceSummary] = (1...200).map { n in
        ConferenceSummary(conference: Conference(
            accountSid: F.conference.accountSid, sid: "CF" + String(format: "%032x", n), friendlyName: "room-\(n)", status: .inProgress))
    }

    static func counted(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .countParticipants(let sid) = $0 { sid } else { nil } }
    }

    /// Drives the open overview from `start` for `seconds`, ten ticks a second, answering each count asked for at
    /// once (`pending`: those asked for before) and each list reload with the same list; the counts
    /// asked for, with when.
    static func drive(_ state: inout DashboardState, from start: Double = 0, seconds: Double, pending asked: [String] = []) -> [(at: Double, sid: String)] {
        var seen: [(Double, String)] = []
        var pending = asked
        for step in 1...Int(seconds * 10) {
            let t = start + Double(step) / 10
            var effects = F.send(&state, .tick(F.start.addingTimeInterval(t)))
            for sid in pending {
                effects += F.send(&state, .overviewCounted(conferenceSid: sid, ConferenceCounts([F.participant(1)])))
            }
            if effects.contains(.loadConferences) { effects += F.send(&state, .conferencesLoaded(Self.many)) }
            pending = Self.counted(effects)
            seen += pending.map { (t, $0) }
        }
        return seen
    }

    @Test func twoHundredConferencesCostAFewCountsASecondForTheRowsOnScreen() {
        var state = F.watching()
        _ = F.keys(&state, "c")
        let first = Self.counted(F.send(&state, .conferencesLoaded(Self.many)))
        guard let overview = state.box as? ConferencesOverview else {
            Issue.record("no overview")
            return
        }
        let onScreen = Set(overview.shown(state.layout).map { Self.many[$0].conference.sid })
        #expect(onScreen.count == 14, "24 lines show 14 conferences")
        #expect(first.count == ConferencesOverview.countsInFlight, "never more than four at once")
        let asked = Self.drive(&state, seconds: 12, pending: first)
        #expect(Set(asked.map(\.sid)).isSubset(of: onScreen), "only the conferences on screen are counted")
        for second in 0..<12 {
            let inThatSecond = asked.filter { $0.at > Double(second) && $0.at <= Double(second + 1) }.count
            #expect(inThatSecond <= ConferencesOverview.countsPerSecond, "second \(second): \(inThatSecond) counts")
        }
        #expect(Set(asked.map(\.sid) + first) == onScreen, "every conference on screen is counted")
        // Each again once it is 3 s old: about 14 every 3 s, never more than 5 a second.
        #expect(asked.count >= 30 && asked.count <= 12 * ConferencesOverview.countsPerSecond, "\(asked.count)")
        #expect((state.box as? ConferencesOverview)?.conferences.prefix(14).allSatisfy { $0.participants == 1 } == true)
        #expect((state.box as? ConferencesOverview)?.conferences[14].participants == nil, "off screen: not counted")
    }

    @Test func scrollingCountsTheConferencesComingOnScreen() {
        var state = F.watching()
        _ = F.keys(&state, "c")
        let first = Self.counted(F.send(&state, .conferencesLoaded(Self.many)))
        _ = Self.drive(&state, seconds: 4, pending: first)
        // Time stands still while the keys are pressed; the counts they ask for are answered after.
        let moved = Self.counted((0..<20).flatMap { _ in F.keys(&state, "j") })
        let asked = moved + Self.drive(&state, from: 4, seconds: 3, pending: moved).map(\.sid)
        #expect(asked.contains(Self.many[20].conference.sid), "room-21 came on screen and was counted")
        #expect(!asked.contains(Self.many[60].conference.sid))
    }

    @Test func aFailedCountKeepsTheLastCountsAndIsTriedAgainLater() {
        var state = F.watching()
        _ = F.keys(&state, "c")
        let sid = Self.many[0].conference.sid
        F.send(&state, .conferencesLoaded(Self.many))
        F.send(&state, .overviewCounted(conferenceSid: sid, ConferenceCounts([F.participant(1), F.participant(2, muted: true)])))
        F.send(&state, .tick(F.start.addingTimeInterval(3.5)))
        F.send(&state, .overviewCounted(conferenceSid: sid, nil))
        guard let overview = state.box as? ConferencesOverview else {
            Issue.record("no overview")
            return
        }
        #expect(overview.conferences[0].participants == 2 && overview.conferences[0].muted == 1)
        // The list's reload keeps the counts it does not carry.
        F.send(&state, .tick(F.start.addingTimeInterval(4)), .conferencesLoaded(Self.many))
        #expect((state.box as? ConferencesOverview)?.conferences[0].participants == 2)
    }
}
