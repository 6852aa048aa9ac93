import ConferenceSimulator
import DashboardCore
import Foundation
import TestSupport
import Testing
import TwilioConferences
import TwilioModels
@testable import DashboardApp

/// The session's loop run headless against the simulator: keys in, frames out, the simulator's
/// state checked after. The poller's timer is fired by hand.
@Suite("The dashboard session, headless", .serialized, .timeLimit(.minutes(1)))
struct DashboardSessionTests {
    /// A session on `terminal` watching the first conference; returns it with its running task.
    static func start(_ h: SimulatorHarness, _ terminal: HeadlessTerminal, _ scheduler: ManualScheduler, readOnly: Bool = false)
        -> Task<Int32?, any Error> {
        var state = DashboardState(now: Date())
        if readOnly {
            state.settings.readOnly = true
            state.settings.keyTable = state.settings.keyTable.readOnly
        }
        let session = DashboardSession(
            state: state, client: h.client, conference: h.firstConference, audit: nil, terminal: { terminal }, scheduler: scheduler)
        return Task { try await session.run() }
    }

    @Test func keysGoInFramesComeOutAndTheActionReachesTheServer() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let (terminal, scheduler) = (HeadlessTerminal(), ManualScheduler())
            let running = Self.start(h, terminal, scheduler)
            let conference = h.firstConference
            let people = h.simulator.participants(conferenceSid: conference.sid)
            await terminal.frame { $0.contains("waiting for the first poll") }
            await scheduler.fireNext()
            await terminal.frame { $0.contains("\(people.count) participants") }
            let second = people[1]
            terminal.press("j", "m")
            let verb = second.muted ? "unmute" : "mute"
            let done = await terminal.frame { $0.contains("✓ \(verb)") }
            #expect(done.contains("you: \(verb) "))
            #expect(h.simulator.participants(conferenceSid: conference.sid)[1].muted == !second.muted)
            terminal.press("q")
            #expect(try await running.value == nil)
        }
    }

    @Test func aBoxOpensOverTheTableAndEscClosesIt() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let (terminal, scheduler) = (HeadlessTerminal(), ManualScheduler())
            let running = Self.start(h, terminal, scheduler)
            await scheduler.fireNext()
            await terminal.frame { $0.contains("participants ·") }
            terminal.press("?")
            await terminal.frame { $0.contains("Help — keymap default") }
            terminal.press("esc", "d")
            await terminal.frame { $0.contains("Dial out into \(h.firstConference.friendlyName)") }
            terminal.press("esc")
            let closed = await terminal.frame { !$0.contains("Dial out") }
            #expect(closed.contains("participants ·"))
            terminal.press("ctrl-c")
            _ = try await running.value
        }
    }

    @Test func readOnlySendsNothingWhateverIsPressed() async throws {
        try await SimulatorHarness.run { (h: SimulatorHarness) async throws -> Void in
            let (terminal, scheduler) = (HeadlessTerminal(), ManualScheduler())
            let running = Self.start(h, terminal, scheduler, readOnly: true)
            await scheduler.fireNext()
            await terminal.frame { $0.contains("READ-ONLY") && $0.contains("participants ·") }
            let writes = { h.simulator.requests().filter { $0.method != "GET" }.count }
            terminal.press("m", "M", "x", "y", "h", "U", ":")
            for key in "mute-all" { terminal.press(String(key)) }
            terminal.press("enter")
            await terminal.frame { $0.contains("read-only: :mute-all is not available") }
            #expect(writes() == 0, "no write went out")
            terminal.press("esc", "q")
            _ = try await running.value
        }
    }
}
