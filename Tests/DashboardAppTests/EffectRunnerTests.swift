import ConferenceSimulator
import DashboardCore
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels
@testable import DashboardApp
#if canImport(Glibc)
import Glibc
#endif

/// Actions sent through the runner to the simulator over HTTP: results, the audit trail, bulk pacing.
@Suite("The effect runner and the audit trail", .serialized, .timeLimit(.minutes(1)))
struct EffectRunnerTests {
    static func temporaryStateHome() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("confwatch-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An action on the conference, as the reducer would hand it over.
    static func request(_ id: Int, _ action: ConferenceAction, _ conference: Conference, name: String? = nil, lane: ActionLane = .interactive) -> Effect {
        .perform(ActionRequest(id: id, action: action, conferenceSid: conference.sid, conferenceName: conference.friendlyName, participantName: name, lane: lane))
    }

    @Test func everyActionLeavesOneAuditLineWithItsParametersAndResultAndNoSecret() async throws {
        let home = try Self.temporaryStateHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            let inbox = Inbox()
            let audit = AuditTrail(environment: ["XDG_STATE_HOME": home.path])
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 1, scheduler: ManualScheduler(), post: inbox.post), audit: audit, post: inbox.post)
            _ = runner.run([Self.request(1, .mute(callSid: people[0].callSid, true), conference, name: "first")])
            _ = await inbox.outcomes(1)
            _ = runner.run([Self.request(2, .announce(callSid: nil, url: "https://example.com/notice.xml"), conference)])
            _ = await inbox.outcomes(2)
            _ = runner.run([Self.request(3, .mute(callSid: "CA" + String(repeating: "0", count: 32), true), conference)])
            let outcomes = await inbox.outcomes(3)
            // The records are written on the audit trail's own queue, after each result.
            #expect(audit.flush(within: 30))
            #expect(outcomes[1].map { if case .done = $0 { true } else { false } } == true)
            #expect(h.simulator.conferenceAnnouncement(conferenceSid: conference.sid) == "https://example.com/notice.xml")

            let file = home.appendingPathComponent("confwatch/audit.jsonl")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(SimulatorHarness.authToken))
            let records = try text.split(separator: "\n").map { try JSONDecoder().decode(AuditRecord.self, from: Data($0.utf8)) }
            #expect(records.count == 3)
            #expect(records[0].action == "mute" && records[0].participant == "first" && records[0].participantSid == people[0].callSid)
            #expect(records[0].parameters == ["Muted": "true"] && records[0].result == "done" && records[0].source == "dashboard")
            #expect(records[0].conference == conference.friendlyName && records[0].conferenceSid == conference.sid)
            #expect(records[1].action == "announce to everyone" && records[1].parameters == ["AnnounceUrl": "https://example.com/notice.xml"])
            #expect(records[2].result == "failed" && records[2].code == 20404 && records[2].httpStatus == 404)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let readBack = try audit.tail(account: SimulatorHarness.accountSid)
            #expect(readBack.records == records && readBack.otherAccounts == 0, "the dashboard's viewer reads the same lines back")
            #expect(records.allSatisfy { $0.accountSid == SimulatorHarness.accountSid })
            #expect(try audit.tail(account: "AC" + String(repeating: "9", count: 32)) == ([], 3), "another account's records are not shown")
        }
    }

    @Test func anUnwritableAuditTrailIsReportedAndTheActionStillHappens() async throws {
        let home = try Self.temporaryStateHome()
        defer { try? FileManager.default.removeItem(at: home) }
        // A file where the directory should be: the trail cannot be created.
        try Data().write(to: home.appendingPathComponent("confwatch"))
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let sid = h.simulator.participants(conferenceSid: conference.sid)[0].callSid
            let inbox = Inbox()
            let runner = EffectRunner(
                client: h.client, poller: Poller(client: h.client, interval: 1, scheduler: ManualScheduler(), post: inbox.post),
                audit: AuditTrail(environment: ["XDG_STATE_HOME": home.path]), post: inbox.post)
            _ = runner.run([Self.request(1, .mute(callSid: sid, true), conference)])
            // The record is written on the audit trail's own queue: its warning may come before or after the result.
            let messages = await inbox.wait { $0.contains { if case .auditWriteFailed = $0 { true } else { false } } && !Inbox.finished($0).isEmpty }
            #expect(h.simulator.participants(conferenceSid: conference.sid)[0].muted)
            #expect(Inbox.finished(messages).count == 1)
            #expect(messages.contains { if case .auditWriteFailed(let problem) = $0 { problem.contains("confwatch") } else { false } })
        }
    }

    @Test func aBulkActionIsPacedAndRidesOutRateLimits() async throws {
        // The first three POSTs answer 429 (Retry-After 0); the client retries them.
        try await SimulatorHarness.run(participants: 12, faults: [try FaultRule.parse("429=0x3/POST"), try FaultRule.parse("latency=40")]) { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            let inbox = Inbox()
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 1, scheduler: ManualScheduler(), post: inbox.post), post: inbox.post)
            let effects = people.enumerated().map { Self.request($0.offset + 1, .mute(callSid: $0.element.callSid, true), conference, lane: .bulk) }
            _ = runner.run(effects)
            let outcomes = await inbox.outcomes(people.count)
            #expect(outcomes.values.allSatisfy { if case .done = $0 { true } else { false } }, "\(outcomes)")
            #expect(h.simulator.participants(conferenceSid: conference.sid).allSatisfy { $0.muted })
            #expect(h.simulator.maxConcurrentRequests <= 4, "at most four actions in flight")
            #expect(h.simulator.requestCount(method: "POST") == people.count + 3, "each 429 retried once")
        }
    }

    @Test func aSingleActionNeverWaitsBehindABulkActionsBurst() async throws {
        // Every POST hangs: a bulk mute of eleven fills its lane and waits there; a kick is a DELETE.
        let client = ClientConfiguration(requestTimeout: 3, retryPolicy: SimulatorHarness.quickRetries)
        try await SimulatorHarness.run(participants: 12, faults: [try FaultRule.parse("hang/POST")], client: client) { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            let inbox = Inbox()
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 1, scheduler: ManualScheduler(), post: inbox.post), post: inbox.post)
            let bulk = people.dropFirst().enumerated().map { n, p in
                Effect.perform(ActionRequest(id: n + 1, action: .mute(callSid: p.callSid, true), conferenceSid: conference.sid, lane: .bulk))
            }
            _ = runner.run(bulk)
            await h.simulator.waitForRequests(4)
            _ = runner.run([Self.request(100, .kick(callSid: people[0].callSid), conference)])
            let messages = await inbox.wait { Inbox.finished($0).contains { $0.0 == 100 } }
            #expect(Inbox.finished(messages).map(\.0) == [100], "the kick is answered while the bulk action still waits")
            #expect(Inbox.finished(messages).first?.1 == .done(nil))
            #expect(h.simulator.requestCount(method: "POST") == 4, "the bulk action keeps to four in flight")
        }
    }

    @Test func singleActionsOnDifferentParticipantsNeverWaitForEachOther() async throws {
        // Every POST hangs (far longer than the test waits): five mutes on five people, then a kick on a sixth.
        let client = ClientConfiguration(requestTimeout: 40, retryPolicy: SimulatorHarness.quickRetries)
        try await SimulatorHarness.run(participants: 6, faults: [try FaultRule.parse("hang/POST")], client: client) { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            let inbox = Inbox()
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 1, scheduler: ManualScheduler(), post: inbox.post), post: inbox.post)
            _ = runner.run(people.dropFirst().enumerated().map { n, p in Self.request(n + 1, .mute(callSid: p.callSid, true), conference) })
            await h.simulator.waitForRequests(5)
            _ = runner.run([Self.request(100, .kick(callSid: people[0].callSid), conference)])
            let messages = await inbox.wait { Inbox.finished($0).contains { $0.0 == 100 } }
            #expect(Inbox.finished(messages).map(\.0) == [100], "the kick is answered while all five mutes still wait")
            #expect(h.simulator.requestCount(method: "POST") == 5, "none of the five was queued")
        }
    }

    @Test func anAuditFileThatHangsHoldsUpNeitherActionsNorPolls() async throws {
        let home = try Self.temporaryStateHome()
        defer { try? FileManager.default.removeItem(at: home) }
        // An open(2) that does not return until released: a home folder on a hung network share.
        let release = DispatchSemaphore(value: 0)
        let calls = AuditFile.SystemCalls(open: { path, flags, mode in
            release.wait()
            return open(path, flags, mode)
        }, write: { write($0, $1, $2) })
        let audit = AuditTrail(url: home.appendingPathComponent("confwatch/audit.jsonl"), calls: calls)
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let sid = h.simulator.participants(conferenceSid: conference.sid)[0].callSid
            let inbox = Inbox()
            let scheduler = ManualScheduler()
            let poller = Poller(client: h.client, interval: 1, scheduler: scheduler, post: inbox.post)
            let runner = EffectRunner(client: h.client, poller: poller, audit: audit, post: inbox.post)
            // More records waiting on the file than Swift's shared pool has threads.
            let count = ProcessInfo.processInfo.activeProcessorCount + 2
            for id in 1...count {
                _ = runner.run([Self.request(id, .mute(callSid: sid, id % 2 == 1), conference)])
                _ = await inbox.outcomes(id)
            }
            _ = runner.run([.loadAudit])
            // Polling goes on.
            _ = runner.run([.watch(conferenceSid: conference.sid, filter: ParticipantFilter())])
            await scheduler.fireNext()
            _ = await inbox.wait { Inbox.answered($0) >= 1 }
            #expect(!audit.flush(within: 0), "the file still has not answered")
            #expect(!inbox.all.contains { if case .auditLoaded = $0 { true } else { false } })
            for _ in 0...count { release.signal() }
            #expect(audit.flush(within: 30))
            let messages = await inbox.wait { $0.contains { if case .auditLoaded = $0 { true } else { false } } }
            #expect(!messages.contains { if case .auditWriteFailed = $0 { true } else { false } })
            // Read back with the real system calls (the test's open waits for a release).
            #expect(try AuditTrail(url: audit.url).tail(account: SimulatorHarness.accountSid).records.count == count, "every record, once the file answers")
            poller.shutdown()
        }
    }

    @Test func actionsEndInExactlyOneResult() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(500, retryAfter: nil), trigger: .count(1), methods: ["POST"])]) { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 10, scheduler: ManualScheduler(), post: inbox.post), post: inbox.post)
            let conference = h.firstConference
            let target = h.simulator.participants(conferenceSid: conference.sid)[1].callSid
            _ = runner.run([Self.request(1, .mute(callSid: target, true), conference), Self.request(2, .mute(callSid: target, true), conference),
                            Self.request(3, .kick(callSid: "CA00000000000000000000000000000000"), conference)])
            let outcomes = await inbox.outcomes(3)
            #expect(outcomes.keys.sorted() == [1, 2, 3])
            #expect(outcomes.values.filter { if case .failed = $0 { true } else { false } }.count == 2)
            #expect(outcomes[3] == .failed("CA…000000 is not in the conference any more (already left; 20404)"))
        }
    }

    @Test func readOnlyRefusesEvenAnActionThatReachesIt() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let inbox = Inbox()
            let poller = Poller(client: h.client, interval: 1, scheduler: ManualScheduler(), post: inbox.post)
            let runner = EffectRunner(client: h.client, poller: poller, readOnly: true, post: inbox.post)
            let conference = h.firstConference
            let target = h.simulator.participants(conferenceSid: conference.sid)[0]
            _ = runner.run([Self.request(1, .mute(callSid: target.callSid, !target.muted), conference)])
            #expect(await inbox.outcomes(1)[1] == .failed("read-only: nothing is sent"))
            #expect(h.simulator.requests().isEmpty && h.simulator.participants(conferenceSid: conference.sid)[0].muted == target.muted)
        }
    }
}
