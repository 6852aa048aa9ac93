import ConferenceSimulator
import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Participants over HTTP against the simulator")
struct ParticipantOperationsTests {
    @Test func listsEveryParticipantInOneRequest() async throws {
        try await SimulatorHarness.run(participants: 12) { h in
            let conference = h.firstConference
            h.simulator.clearRequests()
            let listed = try await h.client.listParticipants(conferenceSid: conference.sid)
            #expect(listed == h.simulator.participants(conferenceSid: conference.sid))
            #expect(listed.count == 12)
            #expect(h.simulator.requestCount(method: "GET", pathContains: "/Participants") == 1)
            #expect(h.simulator.requests().first?.query.contains("PageSize=1000") == true)
        }
    }

    @Test func followsNextPageURIToTheEnd() async throws {
        let small = ClientConfiguration(requestTimeout: 5, retryPolicy: SimulatorHarness.quickRetries, pageSize: 3)
        try await SimulatorHarness.run(participants: 10, client: small) { h in
            let conference = h.firstConference
            h.simulator.clearRequests()
            let listed = try await h.client.listParticipants(conferenceSid: conference.sid)
            #expect(listed.map(\.callSid) == h.simulator.participants(conferenceSid: conference.sid).map(\.callSid))
            #expect(Set(listed.map(\.callSid)).count == 10)
            #expect(h.simulator.requestCount(method: "GET", pathContains: "/Participants") == 4)
            let queries = h.simulator.requests().map(\.query)
            #expect(queries.dropFirst().allSatisfy { $0.contains("PageToken=PA") })
        }
    }

    @Test func pagesExplicitlyWithPageAndToken() async throws {
        try await SimulatorHarness.run(participants: 7) { h in
            let sid = h.firstConference.sid
            let all = h.simulator.participants(conferenceSid: sid).map(\.callSid)
            let second = try await h.client.participantsPage(conferenceSid: sid, pageSize: 3, page: 1, pageToken: "PA" + all[2])
            #expect(second.items.map(\.callSid) == Array(all[3..<6]))
            #expect(second.start == 3 && second.end == 5)
            #expect(second.previousPageURI != nil && second.nextPageURI != nil)
            let last = try await h.client.participantsPage(conferenceSid: sid, pageSize: 3, page: 2, pageToken: "PA" + all[5])
            #expect(last.items.map(\.callSid) == [all[6]] && last.nextPageURI == nil)
        }
    }

    @Test func filtersByMutedHoldAndCoaching() async throws {
        try await SimulatorHarness.run(participants: 6) { h in
            let sid = h.firstConference.sid
            let people = h.simulator.participants(conferenceSid: sid)
            _ = try await h.client.updateParticipant(conferenceSid: sid, participant: people[1].callSid, ParticipantUpdate(hold: true))
            _ = try await h.client.updateParticipant(
                conferenceSid: sid, participant: people[2].callSid, ParticipantUpdate(coaching: true, callSidToCoach: people[3].callSid))
            let truth = h.simulator.participants(conferenceSid: sid)
            for muted in [true, false] {
                let got = try await h.client.listParticipants(conferenceSid: sid, filter: ParticipantFilter(muted: muted))
                #expect(got.map(\.callSid) == truth.filter { $0.muted == muted }.map(\.callSid))
            }
            #expect(try await h.client.listParticipants(conferenceSid: sid, filter: ParticipantFilter(hold: true)).map(\.callSid) == [people[1].callSid])
            #expect(try await h.client.listParticipants(conferenceSid: sid, filter: ParticipantFilter(hold: false)).count == 5)
            #expect(try await h.client.listParticipants(conferenceSid: sid, filter: ParticipantFilter(coaching: true)).map(\.callSid) == [people[2].callSid])
            #expect(try await h.client.listParticipants(conferenceSid: sid, filter: ParticipantFilter(muted: false, hold: true)).count
                == truth.filter { !$0.muted && $0.hold }.count)
        }
    }

    @Test func fetchesByCallSidAndByLabel() async throws {
        try await SimulatorHarness.run { h in
            let sid = h.firstConference.sid
            let moderator = try #require(h.simulator.participants(conferenceSid: sid).first)
            #expect(moderator.label == "moderator")
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: moderator.callSid) == moderator)
            #expect(try await h.client.fetchParticipant(conferenceSid: sid, participant: "moderator") == moderator)
        }
    }

    @Test func addressesALabelThatNeedsEscaping() async throws {
        try await SimulatorHarness.run(timing: .instant) { h in
            let sid = h.firstConference.sid
            let label = "guest #2 (café?)"
            let created = try await h.client.createParticipant(conference: sid, CreateParticipant(to: "+15558675310", from: "+15017122661", label: label))
            let fetched = try await h.client.fetchParticipant(conferenceSid: sid, participant: label)
            #expect(fetched.callSid == created.callSid && fetched.label == label)
            let muted = try await h.client.updateParticipant(conferenceSid: sid, participant: label, ParticipantUpdate(muted: true))
            #expect(muted.muted)
        }
    }

    @Test func appliesEveryUpdateParameter() async throws {
        try await SimulatorHarness.run(participants: 4) { h in
            let sid = h.firstConference.sid
            let people = h.simulator.participants(conferenceSid: sid)
            let target = people[1].callSid
            let update = ParticipantUpdate(
                muted: true, hold: true, holdUrl: "https://example.com/hold.mp3", holdMethod: .POST,
                announceUrl: "https://example.com/hello.xml", announceMethod: .GET, waitUrl: "https://example.com/wait.xml",
                waitMethod: .GET, beepOnExit: false, endConferenceOnExit: true, coaching: true, callSidToCoach: people[2].callSid)
            let updated = try await h.client.updateParticipant(conferenceSid: sid, participant: target, update)
            #expect(updated.muted && updated.hold && updated.endConferenceOnExit == true)
            #expect(updated.coaching == true && updated.callSidToCoach == people[2].callSid)
            #expect(updated.dateUpdated == h.clock.now.flooredToSecond)
            let extras = try #require(h.simulator.extras(conferenceSid: sid, participant: target))
            #expect(extras.holdUrl == "https://example.com/hold.mp3" && extras.holdMethod == "POST")
            #expect(extras.lastAnnounceUrl == "https://example.com/hello.xml")
            #expect(extras.waitUrl == "https://example.com/wait.xml" && extras.waitMethod == "GET")
            #expect(extras.beepOnExit == false)
            let resumed = try await h.client.updateParticipant(conferenceSid: sid, participant: target, ParticipantUpdate(muted: false, hold: false, coaching: false))
            #expect(!resumed.muted && !resumed.hold && resumed.coaching == false && resumed.callSidToCoach == nil)
        }
    }

    @Test func kicksAndThenSaysTheParticipantIsGone() async throws {
        try await SimulatorHarness.run(participants: 4) { h in
            let sid = h.firstConference.sid
            let target = h.simulator.participants(conferenceSid: sid)[2]
            try await h.client.deleteParticipant(conferenceSid: sid, participant: target.callSid)
            #expect(!h.simulator.participants(conferenceSid: sid).contains { $0.callSid == target.callSid })
            #expect(h.simulator.requests().last?.status == 204)
            await #expect {
                try await h.client.deleteParticipant(conferenceSid: sid, participant: target.callSid)
            } throws: { error in
                (error as? TwilioError)?.code == 20404
            }
        }
    }

    @Test func kickingTheModeratorEndsTheConference() async throws {
        try await SimulatorHarness.run(participants: 3) { h in
            let sid = h.firstConference.sid
            try await h.client.deleteParticipant(conferenceSid: sid, participant: "moderator")
            let conference = try await h.client.fetchConference(sid: sid)
            #expect(conference.status == .completed)
            #expect(conference.reasonConferenceEnded == "participant-with-end-conference-on-exit-kicked")
            #expect(try await h.client.listParticipants(conferenceSid: sid).isEmpty)
        }
    }

    @Test func refusesMalformedReferencesBeforeSending() async throws {
        try await SimulatorHarness.run { h in
            h.simulator.clearRequests()
            await #expect(throws: TwilioError.self) { _ = try await h.client.listParticipants(conferenceSid: "standup") }
            await #expect(throws: TwilioError.self) {
                _ = try await h.client.fetchParticipant(conferenceSid: h.firstConference.sid, participant: "CA123456789012345678901234567890zz")
            }
            await #expect(throws: TwilioError.self) {
                _ = try await h.client.updateParticipant(conferenceSid: h.firstConference.sid, participant: "moderator", ParticipantUpdate(holdUrl: "nope"))
            }
            #expect(h.simulator.requests().isEmpty)
        }
    }
}

extension Date {
    var flooredToSecond: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
