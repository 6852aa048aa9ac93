import ArgumentParser
import CommandLineSupport
import ConferenceSimulator
import CursesUI
import DashboardApp
import Foundation
import TwilioConferences
import TwilioModels

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the dashboard on the embedded simulator: a lively scripted meeting, no Twilio account needed.")

    @Option(help: "Seed of the scripted meeting.") var seed: UInt64 = 7
    @Option(help: "Participants in each conference at the start.") var participants = 9
    @Option(help: ArgumentHelp("none, calm or busy.", valueName: "LEVEL")) var activity: ActivityLevel = .calm

    @OptionGroup var dashboard: DashboardOptions

    func run() async throws {
        try await reportingFailures {
            var (state, color) = try dashboard.makeState()
            // The simulator answers any address, so coach, listen and barge work without a config file.
            state.defaults.supervisorEndpoint = state.defaults.supervisorEndpoint ?? "client:supervisor"
            state.defaults.dialFrom = state.defaults.dialFrom ?? "+15005550006"
            let simulator = ConferenceSimulator(SimulatorConfiguration(conferences: 3, participants: participants, activity: activity, seed: seed))
            let url = try await simulator.start()
            let client = TwilioConferencesClient(
                credentials: Credentials(accountSid: SimulatorConfiguration.demoAccountSid, authToken: Secret(SimulatorConfiguration.demoAuthToken)),
                endpoint: try APIEndpoint.parse(url, source: "the embedded simulator"),
                configuration: ClientConfiguration(requestTimeout: 5))
            let first = try await client.resolveConference("standup")
            do {
                if let signal = try await DashboardSession(state: state, client: client, conference: first, color: color, audit: AuditTrail(file: "demo-audit.jsonl")).run() {
                    await client.shutdown()
                    await simulator.stop()
                    throw ExitCode(128 + signal)
                }
            } catch let error as Terminal.NotATerminal {
                throw CommandFailure(error.description)
            }
            await client.shutdown()
            await simulator.stop()
        }
    }
}
