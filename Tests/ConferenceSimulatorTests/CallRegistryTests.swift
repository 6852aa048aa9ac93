@testable import ConferenceSimulator
import Foundation
import Testing
import TwilioModels

/// The bound on remembered calls: calls still up are always kept; of the ended ones, the newest.
@Suite("Call registry")
struct CallRegistryTests {
    func call(_ n: Int) -> SimCall {
        let sid = "CA" + String(repeating: "0", count: 32 - String(n).count) + String(n)
        let at = Date(timeIntervalSince1970: Double(n))
        return SimCall(sid: sid, conferenceSid: "CF1", direction: .inbound, from: "+15005550006", to: "+14155550100",
                       status: .inProgress, dateCreated: at, dateUpdated: at)
    }

    @Test func keepsCallsUpAndTheNewestEndedOnes() {
        var registry = CallRegistry(endedCapacity: 3)
        let calls = (1...8).map(call)
        for c in calls { registry.add(c) }
        for c in calls.prefix(6) { registry.update(c.sid) { $0.end(at: Date(timeIntervalSince1970: 100), unanswered: .canceled) } }
        #expect(registry.count == 5, "two up, three ended")
        #expect(calls.prefix(3).allSatisfy { registry[$0.sid] == nil }, "the oldest ended are forgotten")
        #expect(calls[3...5].allSatisfy { registry[$0.sid]?.status == .completed })
        #expect(calls[6...7].allSatisfy { registry[$0.sid]?.status == .inProgress })
        // Ending again changes nothing and does not count twice.
        registry.update(calls[5].sid) { $0.end(at: Date(timeIntervalSince1970: 200), unanswered: .canceled) }
        #expect(registry[calls[5].sid]?.endTime == Date(timeIntervalSince1970: 100) && registry.count == 5)
        for c in calls[6...7] { registry.update(c.sid) { $0.end(at: Date(timeIntervalSince1970: 300), unanswered: .canceled) } }
        #expect(registry.count == 3 && registry[calls[3].sid] == nil && registry[calls[4].sid] == nil)
        #expect(registry.calls(conferenceSid: "CF1").map(\.sid) == calls[5...7].map(\.sid), "oldest first")
    }
}
