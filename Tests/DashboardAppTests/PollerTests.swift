import ConferenceSimulator
import DashboardCore
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels
@testable import DashboardApp

/// The poller against the simulator over HTTP, its timer fired by hand: what goes out when the
/// timer fires, what it asks for next, and what it reports. No test waits for time to pass.
@Suite("The poller: one request at a time, backoff, cancellation", .serialized, .timeLimit(.minutes(1)))
struct PollerTests {
    static let now = Date(timeIntervalSince1970: 1_764_000_000)

    static func poller(_ h: SimulatorHarness, _ scheduler: ManualScheduler, _ inbox: Inbox, interval: Double = 0.25, cap: Double? = nil) -> Poller {
        Poller(client: h.client, interval: interval, backoffCap: cap, scheduler: scheduler, now: { Self.now }, post: inbox.post)
    }

    /// A poller watching the first conference, after its first attempt has failed.
    static func afterFirstFailure(_ h: SimulatorHarness) async -> (Poller, ManualScheduler, Inbox) {
        let (scheduler, inbox) = (ManualScheduler(), Inbox())
        let poller = Self.poller(h, scheduler, inbox)
        poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
        await scheduler.fireNext()
        await inbox.wait { !Inbox.failures($0).isEmpty }
        poller.settle()
        return (poller, scheduler, inbox)
    }

    @Test func neverMoreThanOneRequestInFlightWhileAnAnswerIsSlow() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.hang, trigger: .count(1))]) { (h: SimulatorHarness) async throws -> Void in
            let (scheduler, inbox) = (ManualScheduler(), Inbox())
            let poller = Self.poller(h, scheduler, inbox)
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            await scheduler.fireNext()
            await h.simulator.waitForRequests(1)
            // The timer keeps firing and the supervisor presses r: nothing more goes out while the first hangs.
            for _ in 0..<5 { scheduler.fireNow() }
            poller.refreshNow()
            poller.settle()
            #expect(poller.started == 1)
            #expect(h.simulator.requests().count == 1 && h.simulator.maxConcurrentRequests == 1)
            poller.shutdown()
        }
    }

    @Test func theNextPollWaitsOneIntervalAfterAnAnswer() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let (scheduler, inbox) = (ManualScheduler(), Inbox())
            let poller = Self.poller(h, scheduler, inbox, interval: 0.5)
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            await scheduler.fireNext()
            await inbox.wait { Inbox.answered($0) == 1 }
            poller.settle()
            #expect(scheduler.delays == [0, 0.5])
            await scheduler.fireNext()
            let messages = await inbox.wait { Inbox.answered($0) == 2 }
            guard case .pollUnchanged(let conference, _, let at)? = messages.last else {
                Issue.record("an unchanged meeting answers as unchanged: \(messages)")
                return
            }
            #expect(conference == nil && at == Self.now, "the conference is fetched on the first poll only")
            poller.shutdown()
        }
    }

    @Test func switchingConferenceDropsTheAnswerInFlight() async throws {
        try await SimulatorHarness.run(conferences: 2, faults: [FaultRule(.hang, trigger: .count(1))]) { (h: SimulatorHarness) async throws -> Void in
            let conferences = h.simulator.conferences()
            let (scheduler, inbox) = (ManualScheduler(), Inbox())
            let poller = Self.poller(h, scheduler, inbox)
            poller.watch(conferenceSid: conferences[0].sid, filter: .all)
            await scheduler.fireNext()
            await h.simulator.waitForRequests(1)
            poller.watch(conferenceSid: conferences[1].sid, filter: .all)
            await scheduler.fireNext()
            await inbox.wait { Inbox.answered($0) == 1 }
            poller.shutdown()
            #expect(Set(inbox.polled.flatMap { $0.map(\.conferenceSid) }) == [conferences[1].sid])
            #expect(inbox.failures.isEmpty, "a cancelled poll is not a failure")
        }
    }

    @Test func failuresBackOffWithinTheCapAndTheFirstAnswerEndsIt() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(503, retryAfter: nil))]) { (h: SimulatorHarness) async throws -> Void in
            let (scheduler, inbox) = (ManualScheduler(), Inbox())
            let poller = Self.poller(h, scheduler, inbox, interval: 0.25, cap: 1)
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            for failures in 1...5 {
                await scheduler.fireNext()
                let messages = await inbox.wait { Inbox.failures($0).count == failures }
                poller.settle()
                // The step doubles from two intervals (0.5, 1, 1…) up to the cap; half of it is random.
                let step = min(1, 0.5 * pow(2, Double(failures - 1)))
                let wait = try #require(scheduler.scheduled)
                #expect(wait >= max(0.25, step / 2) && wait <= step, "after \(failures) failures: \(wait)")
                let failure = try #require(Inbox.failures(messages).last)
                #expect(failure.kind == .other && failure.retryAt == Self.now.addingTimeInterval(wait))
            }
            #expect(h.simulator.requests().count == 5, "one request per attempt, none retried by the client")
            h.simulator.setFaults([])
            await scheduler.fireNext()
            await inbox.wait { Inbox.answered($0) == 1 }
            poller.settle()
            #expect(scheduler.scheduled == 0.25, "recovered: back to the interval at once")
            poller.shutdown()
        }
    }

    @Test func aRetryAfterIsWaitedOut() async throws {
        try await SimulatorHarness.run(faults: [FaultRule(.status(429, retryAfter: 7))]) { (h: SimulatorHarness) async throws -> Void in
            let (poller, scheduler, _) = await Self.afterFirstFailure(h)
            #expect(scheduler.scheduled == 7)
            poller.shutdown()
        }
    }

    @Test func wrongCredentialsStopPolling() async throws {
        let wrong = Credentials(accountSid: SimulatorHarness.accountSid, authToken: Secret("wrong"))
        try await SimulatorHarness.run(credentials: wrong) { (h: SimulatorHarness) async throws -> Void in
            let (poller, scheduler, inbox) = await Self.afterFirstFailure(h)
            #expect(scheduler.scheduled == nil, "nothing more is scheduled")
            #expect(h.simulator.requests().count == 1)
            #expect(inbox.failures.map(\.kind) == [.unauthorized])
            #expect(inbox.failures.first?.message.contains("TWILIO_AUTH_TOKEN") == true)
            poller.shutdown()
        }
    }

    @Test func theServerFilterIsSentAsTheAPIsParameters() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let (scheduler, inbox) = (ManualScheduler(), Inbox())
            let poller = Self.poller(h, scheduler, inbox)
            poller.watch(conferenceSid: h.firstConference.sid, filter: ListFilter.held.parameters)
            await scheduler.fireNext()
            await h.simulator.waitForRequests(1)
            #expect(h.simulator.requests().first?.query.contains("Hold=true") == true)
            poller.shutdown()
        }
    }

    /// The conference and its recordings are read again every so often; when they are what the UI
    /// already has, the poll stays quiet (it does not wake the UI or make it draw a whole frame).
    @Test func sideReadsThatFoundNothingNewStayQuiet() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let (scheduler, loud, quiet, both) = (ManualScheduler(), Inbox(), Inbox(), Inbox())
            let poller = Poller(
                client: h.client, interval: 0.25, scheduler: scheduler, now: { Self.now },
                post: { loud.post($0); both.post($0) }, postQuiet: { quiet.post($0); both.post($0) })
            poller.watch(conferenceSid: h.firstConference.sid, filter: .all)
            for poll in 1...31 {
                await scheduler.fireNext()
                await both.wait { Inbox.answered($0) == poll }
                poller.settle()
            }
            poller.shutdown()
            let recordings = loud.all.filter { if case .recordingsLoaded = $0 { true } else { false } }
            #expect(recordings.count == 1, "read on polls 1, 11, 21 and 31, told once: \(recordings.count)")
            #expect(Inbox.answered(loud.all) == 1, "only the first poll is news")
            #expect(Inbox.answered(quiet.all) == 30)
            #expect(h.simulator.requests().filter { $0.path.hasSuffix("/Recordings.json") }.count == 4)
        }
    }
}
