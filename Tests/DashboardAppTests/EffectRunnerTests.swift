import ConferenceSimulator
import DashboardCore
import Foundation
import TestSupport
import Testing
import TwilioConferences
@testable import DashboardApp

/// Actions sent through the runner to the simulator over HTTP: results, the audit trail, bulk pacing.
@Suite("The effect runner and the audit trail", .serialized)
struct EffectRunnerTests {
    static func temporaryStateHome() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("confwatch-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Waits (up to 10 s) until `count` actions have finished; their outcomes by id.
    static func outcomes(_ inbox: Inbox, count: Int) async throws -> [Int: ActionOutcome] {
        for _ in 0..<200 {
            let finished = inbox.all.compactMap { message -> (Int, ActionOutcome)? in
                if case .actionFinished(let id, let outcome, _) = message { (id, outcome) } else { nil }
            }
            if finished.count >= count { return Dictionary(finished, uniquingKeysWith: { a, _ in a }) }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("only \(inbox.all.count) messages after 10 s")
        return [:]
    }

    @Test func everyActionLeavesOneAuditLineWithItsParametersAndResultAndNoSecret() async throws {
        let home = try Self.temporaryStateHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            let inbox = Inbox()
            let audit = AuditTrail(environment: ["XDG_STATE_HOME": home.path])
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 1, post: inbox.post), audit: audit, post: inbox.post)
            let context = EffectRunner.Context(conferenceSid: conference.sid, conference: conference.friendlyName, names: [people[0].callSid: "first"])
            _ = runner.run([.perform(id: 1, .mute(callSid: people[0].callSid, true))], context)
            _ = try await Self.outcomes(inbox, count: 1)
            _ = runner.run([.perform(id: 2, .announce(callSid: nil, url: "https://example.com/notice.xml"))], context)
            _ = try await Self.outcomes(inbox, count: 2)
            _ = runner.run([.perform(id: 3, .mute(callSid: "CA" + String(repeating: "0", count: 32), true))], context)
            let outcomes = try await Self.outcomes(inbox, count: 3)
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
            let readBack = try audit.tail()
            #expect(readBack == records, "the dashboard's viewer reads the same lines back")
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
                client: h.client, poller: Poller(client: h.client, interval: 1, post: inbox.post),
                audit: AuditTrail(environment: ["XDG_STATE_HOME": home.path]), post: inbox.post)
            _ = runner.run([.perform(id: 1, .mute(callSid: sid, true))], EffectRunner.Context(conferenceSid: conference.sid))
            _ = try await Self.outcomes(inbox, count: 1)
            try await Task.sleep(for: .milliseconds(100))
            #expect(h.simulator.participants(conferenceSid: conference.sid)[0].muted)
            #expect(inbox.all.contains { if case .auditWriteFailed(let problem) = $0 { problem.contains("confwatch") } else { false } })
        }
    }

    @Test func aBulkActionIsPacedAndRidesOutRateLimits() async throws {
        // The first three POSTs answer 429 (Retry-After 0); the client retries them.
        try await SimulatorHarness.run(participants: 12, faults: [try FaultRule.parse("429=0x3/POST"), try FaultRule.parse("latency=40")]) { (h: SimulatorHarness) async throws -> Void in
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            let inbox = Inbox()
            let runner = EffectRunner(client: h.client, poller: Poller(client: h.client, interval: 1, post: inbox.post), post: inbox.post)
            let effects = people.enumerated().map { Effect.perform(id: $0.offset + 1, .mute(callSid: $0.element.callSid, true)) }
            _ = runner.run(effects, EffectRunner.Context(conferenceSid: conference.sid))
            let outcomes = try await Self.outcomes(inbox, count: people.count)
            #expect(outcomes.values.allSatisfy { if case .done = $0 { true } else { false } }, "\(outcomes)")
            #expect(h.simulator.participants(conferenceSid: conference.sid).allSatisfy { $0.muted })
            #expect(h.simulator.maxConcurrentRequests <= 4, "at most four actions in flight")
            #expect(h.simulator.requestCount(method: "POST") == people.count + 3, "each 429 retried once")
        }
    }
}
