import ConferenceSimulator
import Foundation
import TestSupport
import Testing
@testable import TwilioConferences
@testable import TwilioModels

@Suite("Conferences over HTTP against the simulator")
struct ConferenceOperationsTests {
    @Test func listsEveryConferenceNewestFirst() async throws {
        try await SimulatorHarness.run(conferences: 4) { h in
            let listed = try await h.client.listConferences()
            #expect(listed.count == 4)
            #expect(listed.map(\.sid) == h.simulator.conferences().map(\.sid))
            let created = listed.compactMap(\.dateCreated)
            #expect(created == created.sorted(by: >))
            #expect(listed.allSatisfy { $0.status == .inProgress && SID.isConference($0.sid) && $0.accountSid == SimulatorHarness.accountSid })
        }
    }

    @Test func filtersByStatusAndFriendlyName() async throws {
        try await SimulatorHarness.run(conferences: 3) { h in
            let target = h.firstConference
            _ = try await h.client.updateConference(sid: target.sid, ConferenceUpdate(endConference: true))
            let completed = try await h.client.listConferences(filter: ConferenceFilter(status: .completed))
            #expect(completed.map(\.sid) == [target.sid])
            let live = try await h.client.listConferences(filter: ConferenceFilter(status: .inProgress))
            #expect(live.count == 2 && !live.contains { $0.sid == target.sid })
            let named = try await h.client.listConferences(filter: ConferenceFilter(status: .completed, friendlyName: target.friendlyName))
            #expect(named.map(\.sid) == [target.sid])
            #expect(try await h.client.listConferences(filter: ConferenceFilter(friendlyName: target.friendlyName)).isEmpty, "in progress by default")
            #expect(try await h.client.listConferences(filter: ConferenceFilter(friendlyName: "nobody-uses-this")).isEmpty)
        }
    }

    @Test func filtersByDay() async throws {
        try await SimulatorHarness.run(conferences: 2) { (h: SimulatorHarness) async throws -> Void in
            let today = Self.day(h.clock.now)
            let tomorrow = Self.day(h.clock.now.addingTimeInterval(86_400 * 2))
            let yesterday = Self.day(h.clock.now.addingTimeInterval(-86_400 * 2))
            let all = h.simulator.conferences().filter { Self.day($0.dateCreated!) == today }.count
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateCreated: today)).count == all)
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateCreatedBefore: tomorrow)).count == 2)
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateCreatedAfter: tomorrow)).isEmpty)
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateUpdatedAfter: yesterday)).count == 2)
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateUpdated: yesterday)).isEmpty)
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateUpdatedBefore: tomorrow)).count == 2)
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateUpdatedBefore: yesterday)).isEmpty)
            let updatedToday = h.simulator.conferences().filter { Self.day($0.dateUpdated!) == today }.count
            #expect(try await h.client.listConferences(filter: ConferenceFilter(dateUpdatedBefore: today)).count == updatedToday)
            #expect(h.simulator.requests().contains { $0.query.contains("DateUpdated%3C=\(yesterday)") })
        }
    }

    static func day(_ date: Date) -> String {
        let (year, month, day) = RFC2822.civil(fromDays: Int64((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    @Test func pagesThroughConferencesWithTheEnvelope() async throws {
        try await SimulatorHarness.run(conferences: 5, participants: 1) { h in
            let first = try await h.client.conferencesPage(pageSize: 2)
            #expect(first.items.count == 2 && first.page == 0 && first.pageSize == 2)
            #expect(first.nextPageURI != nil && first.previousPageURI == nil)
            let all = try await h.client.listConferences()
            #expect(all.count == 5)
            let limited = try await h.client.listConferences(limit: 3)
            #expect(limited.count == 3)
        }
    }

    /// `--page-size` and `--limit`: the page size asked for, and no more pages than the limit needs.
    @Test func pageSizeAndLimitDecideWhatIsAskedFor() async throws {
        try await SimulatorHarness.run(conferences: 5, participants: 7) { h in
            func gets(_ suffix: String) -> [LoggedRequest] {
                h.simulator.requests().filter { $0.method == "GET" && $0.path.hasSuffix(suffix) }
            }
            let three = try await h.client.listConferences(limit: 3, pageSize: 2)
            #expect(three.count == 3 && gets("/Conferences.json").map(\.query.isEmpty) == [false, false])
            #expect(gets("/Conferences.json").allSatisfy { $0.query.contains("PageSize=2") })
            h.simulator.clearRequests()
            _ = try await h.client.listConferences(limit: 4)
            #expect(gets("/Conferences.json").count == 1 && gets("/Conferences.json")[0].query.contains("PageSize=4"), "one page of just enough")
            let sid = h.firstConference.sid
            let five = try await h.client.listParticipants(conferenceSid: sid, pageSize: 3, limit: 5)
            #expect(five.count == 5 && gets("/Participants.json").count == 2)
            #expect(five.map(\.callSid) == Array(h.simulator.participants(conferenceSid: sid).map(\.callSid).prefix(5)))
        }
    }

    @Test func listFollowsNextPageURIWithItsPageToken() async throws {
        try await SimulatorHarness.run(conferences: 5, participants: 1, client: ClientConfiguration(requestTimeout: 5, pageSize: 2)) { h in
            let all = try await h.client.listConferences()
            #expect(all.map(\.sid) == h.simulator.conferences().map(\.sid))
            let gets = h.simulator.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/Conferences.json") }
            #expect(gets.count == 3)
            #expect(gets.allSatisfy { $0.query.contains("PageSize=2") })
            #expect(gets.map { $0.query.contains("PageToken=PA") } == [false, true, true])
        }
    }

    @Test func fetchesAPageByNumberAndToken() async throws {
        try await SimulatorHarness.run(conferences: 5, participants: 1) { h in
            let all = try await h.client.listConferences()
            let first = try await h.client.conferencesPage(pageSize: 2)
            let next = try #require(first.nextPageURI)
            let token = try #require(URLComponents(string: next)?.queryItems?.first { $0.name == "PageToken" }?.value)
            let second = try await h.client.conferencesPage(pageSize: 2, page: 1, pageToken: token)
            #expect(second.page == 1 && second.items.map(\.sid) == all[2..<4].map(\.sid))
            #expect(second.previousPageURI != nil && second.nextPageURI != nil)
            let last = try await h.client.conferencesPage(pageSize: 2, page: 2, pageToken: "PA" + all[3].sid)
            #expect(last.items.map(\.sid) == [all[4].sid] && last.nextPageURI == nil)
            #expect(h.simulator.requests().last?.query.contains("Page=2") == true)
            // A page past the first without its token: Twilio refuses it, so the client does not send it.
            let sent = h.simulator.requests().count
            await #expect {
                _ = try await h.client.conferencesPage(pageSize: 2, page: 2)
            } throws: { error in
                guard case .invalid(let problems, _)? = error as? TwilioError else { return false }
                return problems.map(\.field) == ["PageToken"] && problems[0].code == 20001
            }
            #expect(h.simulator.requests().count == sent)
        }
    }

    @Test func aPageThatNamesItselfStopsAtOnce() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.pageLoop)]) { h in
            await #expect {
                _ = try await h.client.listConferences()
            } throws: { error in
                guard case .decoding(let reason, _)? = error as? TwilioError else { return false }
                return reason.contains("names a page already read")
            }
            #expect(h.simulator.requests().count == 1)
        }
    }

    @Test func pagingThatNeverEndsStopsAtThePageCap() async throws {
        let configuration = ClientConfiguration(requestTimeout: 5, retryPolicy: SimulatorHarness.quickRetries, maxPages: 3)
        try await SimulatorHarness.run(faults: [FaultRule(.endlessPages)], client: configuration) { h in
            await #expect {
                _ = try await h.client.listConferences()
            } throws: { error in
                guard case .decoding(let reason, let operation)? = error as? TwilioError else { return false }
                return operation == "list conferences" && reason.contains("after 3 pages")
            }
            #expect(h.simulator.requests().count == 3)
            h.simulator.clearRequests()
            await #expect {
                _ = try await h.client.listParticipants(conferenceSid: h.firstConference.sid)
            } throws: { error in
                guard case .decoding(let reason, _)? = error as? TwilioError else { return false }
                return reason.contains("after 3 pages")
            }
            #expect(h.simulator.requests().count == 3)
        }
    }

    @Test func fetchesOneAndAnswers404ForAnUnknownSid() async throws {
        try await SimulatorHarness.run { h in
            let target = h.firstConference
            let fetched = try await h.client.fetchConference(sid: target.sid)
            #expect(fetched == target)
            await #expect {
                _ = try await h.client.fetchConference(sid: "CF00000000000000000000000000000000")
            } throws: { error in
                (error as? TwilioError)?.code == 20404 && (error as? TwilioError)?.httpStatus == 404
            }
        }
    }

    @Test func endsAConferenceForEveryone() async throws {
        try await SimulatorHarness.run { h in
            let target = h.firstConference
            let ended = try await h.client.updateConference(sid: target.sid, ConferenceUpdate(endConference: true))
            #expect(ended.status == .completed)
            #expect(ended.reasonConferenceEnded == "conference-ended-via-api")
            #expect(h.simulator.participants(conferenceSid: target.sid).isEmpty)
        }
    }

    @Test func announcesToEveryone() async throws {
        try await SimulatorHarness.run { h in
            let target = h.firstConference
            _ = try await h.client.updateConference(sid: target.sid, ConferenceUpdate(announceUrl: "https://example.com/notice.mp3", announceMethod: .GET))
            #expect(h.simulator.conferenceAnnouncement(conferenceSid: target.sid) == "https://example.com/notice.mp3")
        }
    }

    @Test func resolvesAFriendlyNameToTheLiveConference() async throws {
        try await SimulatorHarness.run(conferences: 2) { (h: SimulatorHarness) async throws -> Void in
            let target = h.firstConference
            #expect(try await h.client.resolveConference(target.friendlyName).sid == target.sid)
            #expect(try await h.client.resolveConference(target.sid).sid == target.sid)
            await #expect {
                _ = try await h.client.resolveConference("no-such-meeting")
            } throws: { error in
                guard case .notFound(let what, let hint)? = error as? TwilioError else { return false }
                return what.contains("no-such-meeting") && hint.contains("confwatch conferences")
            }
        }
    }
}
