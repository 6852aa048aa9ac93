import ConferenceSimulator
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels

@Suite("Fault injection")
struct FaultTests {
    @Test(arguments: [
        ("503@0.1", "503@0.1"), ("429=2x3/GET", "429=2x3/GET"), ("reset@0.05", "reset@0.05"), ("latency=100-400", "latency=100-400"),
        ("latency=50", "latency=50"), ("huge", "huge=10"), ("huge=2", "huge=2"), ("hang", "hang"), ("truncate/POST,DELETE", "truncate/DELETE,POST"),
        ("wrong-shape@1", "wrong-shape@1.0"), ("malformed x2", "malformed x2"), ("endless-pages/GET", "endless-pages/GET"),
        ("page-loop", "page-loop"), ("page-cycle/GET", "page-cycle/GET"), ("page-escape", "page-escape"), ("stall", "stall"),
        ("trickle", "trickle=1"), ("trickle=200", "trickle=200"), ("endless-body", "endless-body"), ("gzip", "gzip"),
        ("bad-field=label-number", "bad-field=label-number"), ("bad-field=label-utf8", "bad-field=label-utf8"),
        ("500x1/GET?PageToken", "500x1/GET?PageToken"),
    ])
    func parsesTheDocumentedSyntax(spec: String, canonical: String) throws {
        if spec.contains(" ") {
            #expect(throws: FaultSpecError.self) { try FaultRule.parse(spec) }
        } else {
            #expect(try FaultRule.parse(spec).description == canonical)
        }
    }

    @Test(arguments: ["teapot", "503@2", "503@-1", "429=soon", "latency", "latency=9-1", "reset/PATCH", "500=1", "huge=0", "503x0",
                      "bad-field", "bad-field=nope", "trickle=0", "500?"])
    func refusesBadSpecsWithTheReason(spec: String) {
        do {
            _ = try FaultRule.parse(spec)
            Issue.record("\(spec) should be refused")
        } catch {
            #expect(error.description.hasPrefix("fault '\(spec)'"))
        }
    }

    @Test func aRateFiresOnAboutThatShareOfRequests() async throws {
        try await SimulatorHarness.run(faults: [try FaultRule.parse("503@0.3")], client: ClientConfiguration(retryPolicy: .never)) { h in
            var failures = 0
            for _ in 0..<200 {
                do { _ = try await h.client.conferencesPage() } catch { failures += 1 }
            }
            #expect((30...90).contains(failures), "\(failures) of 200")
        }
    }

    @Test func latencyDelaysTheAnswer() async throws {
        try await SimulatorHarness.run(faults: [try FaultRule.parse("latency=300")]) { h in
            let started = ContinuousClock.now
            _ = try await h.client.conferencesPage()
            #expect(ContinuousClock.now - started >= .milliseconds(290))
        }
    }

    @Test func endlessPagesAlwaysNameANextPage() async throws {
        try await SimulatorHarness.run(conferences: 2, faults: [try FaultRule.parse("endless-pages")]) { h in
            let raw = RawHTTP(baseURL: h.baseURL)
            let path = "\(RawHTTP.accountPath())/Conferences.json?PageSize=50"
            let page = try #require(try await raw.send(.GET, path).json)
            #expect((page["conferences"] as? [Any])?.count == 2)
            let next = try #require(page["next_page_uri"] as? String)
            #expect(next != page["uri"] as? String && next.contains("Page=1"))
            let again = try #require(try await raw.send(.GET, next).json)
            let further = try #require(again["next_page_uri"] as? String)
            #expect(further != next && further.contains("Page=2"), "a new page each time")
            let sid = h.firstConference.sid
            let one = try #require(try await raw.send(.GET, "\(RawHTTP.accountPath())/Conferences/\(sid).json").json)
            #expect(one["sid"] as? String == sid && one["next_page_uri"] == nil, "a single resource is left alone")
        }
    }

    @Test func aPageLoopNamesItselfAndACycleNamesTheFirstPage() async throws {
        for (spec, names) in [("page-loop", "uri"), ("page-cycle", "first_page_uri")] {
            try await SimulatorHarness.run(participants: 5, faults: [try FaultRule.parse(spec)], maxPageSize: 2) { h in
                let raw = RawHTTP(baseURL: h.baseURL)
                let list = "\(RawHTTP.accountPath())/Conferences/\(h.firstConference.sid)/Participants.json?PageSize=1000"
                let first = try #require(try await raw.send(.GET, list).json)
                #expect(first["page_size"] as? Int == 2, "--max-page-size caps the page")
                let next = try #require(first["next_page_uri"] as? String)
                let second = try #require(try await raw.send(.GET, next).json)
                #expect(second["next_page_uri"] as? String == second[names] as? String, "\(spec): the next page is \(names)")
            }
        }
    }

    @Test func faultsCanBeLimitedToAMethod() async throws {
        try await SimulatorHarness.run(faults: [try FaultRule.parse("500/POST")]) { h in
            _ = try await h.client.listConferences()
            await #expect(throws: TwilioError.self) {
                _ = try await h.client.updateParticipant(conferenceSid: h.firstConference.sid, participant: "moderator", ParticipantUpdate(muted: true))
            }
        }
    }

    @Test func anEndedConferenceVanishesOnSchedule() async throws {
        let clock = ManualClock()
        let simulator = ConferenceSimulator(SimulatorConfiguration(
            conferences: 2, participants: 3, activity: .none, endConferences: [("standup", 30)], clock: clock))
        let url = try await simulator.start()
        let client = TwilioConferencesClient(
            credentials: Credentials(accountSid: SimulatorConfiguration.demoAccountSid, authToken: Secret(SimulatorConfiguration.demoAuthToken)),
            endpoint: try APIEndpoint.parse(url, source: "test"))
        let standup = try #require(simulator.conferences().first { $0.friendlyName == "standup" })
        #expect(try await client.listParticipants(conferenceSid: standup.sid).count == 3)
        clock.advance(by: 31)
        await #expect {
            _ = try await client.listParticipants(conferenceSid: standup.sid)
        } throws: { error in (error as? TwilioError)?.code == 20404 }
        #expect(try await client.listConferences().count == 1)
        await client.shutdown()
        await simulator.stop()
    }
}
