import ConferenceSimulator
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

@Suite("Scripted activity from a seeded generator")
struct ActivityTests {
    func run(seed: UInt64, activity: ActivityLevel, seconds: Double, step: Double = 0.5) -> [Participant] {
        let clock = ManualClock()
        let simulator = ConferenceSimulator(SimulatorConfiguration(conferences: 1, participants: 8, activity: activity, seed: seed, clock: clock))
        let sid = simulator.conferences()[0].sid
        var elapsed = 0.0
        while elapsed < seconds {
            clock.advance(by: step)
            elapsed += step
            _ = simulator.participants(conferenceSid: sid)
        }
        return simulator.participants(conferenceSid: sid)
    }

    @Test func noneChangesNothingByItself() {
        let start = run(seed: 3, activity: .none, seconds: 0)
        let later = run(seed: 3, activity: .none, seconds: 600)
        #expect(start == later)
    }

    @Test func theSameSeedReplaysTheSameMeeting() {
        #expect(run(seed: 11, activity: .busy, seconds: 120) == run(seed: 11, activity: .busy, seconds: 120))
        #expect(run(seed: 11, activity: .busy, seconds: 120) != run(seed: 12, activity: .busy, seconds: 120))
    }

    @Test func theSameSeedGivesTheSameMeetingWhateverThePollingRate() {
        #expect(run(seed: 5, activity: .calm, seconds: 90, step: 0.25) == run(seed: 5, activity: .calm, seconds: 90, step: 3))
    }

    @Test func aBusyMeetingLooksLikeAMeeting() {
        let start = run(seed: 21, activity: .busy, seconds: 0)
        let later = run(seed: 21, activity: .busy, seconds: 300)
        let startSids = Set(start.map(\.callSid)), laterSids = Set(later.map(\.callSid))
        #expect(!laterSids.subtracting(startSids).isEmpty, "someone joined")
        #expect(!startSids.subtracting(laterSids).isEmpty, "someone left")
        #expect(later.contains { $0.label == "moderator" }, "the moderator stays")
        #expect((4...16).contains(later.count), "size stays near the target: \(later.count)")
        let soon = run(seed: 21, activity: .busy, seconds: 6)
        let stayed = start.compactMap { p in soon.first { $0.callSid == p.callSid }.map { (p, $0) } }
        #expect(stayed.contains { $0.muted != $1.muted }, "someone toggled mute")
    }

    @Test func theScriptNeverTouchesSomeoneTheAPIDialledIn() async throws {
        try await SimulatorHarness.run(conferences: 1, participants: 8, activity: .busy, seed: 21) { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            var request = CreateParticipant(to: "client:supervisor", from: "+15005550006", label: "supervisor")
            request.muted = true
            let line = try await h.client.createParticipant(conference: conference.sid, request)
            for _ in 0..<600 {
                h.clock.advance(by: 0.5)
                _ = h.simulator.participants(conferenceSid: conference.sid)
            }
            let now = try #require(h.simulator.participants(conferenceSid: conference.sid).first { $0.callSid == line.callSid })
            #expect(now.muted && !now.hold && now.coaching == false, "still muted, not held, not coaching")
        }
    }
}
