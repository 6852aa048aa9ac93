import ArgumentParser
import ConferenceSimulator
import Foundation
import TwilioConferences

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the embedded simulator with a lively meeting and show how to drive it.")

    @Option(help: "Seed of the scripted meeting.") var seed: UInt64 = 7

    func run() async throws {
        let interrupt = InterruptSignal()
        let simulator = ConferenceSimulator(SimulatorConfiguration(conferences: 3, participants: 9, activity: .calm, seed: seed))
        let url = try await simulator.start()
        let first = simulator.conferences().first
        StandardOutput.line("""
            confwatch demo: a simulated Twilio account is live at \(url)

            In another terminal:
              export CONFWATCH_API_URL=\(url)
              export TWILIO_ACCOUNT_SID=\(SimulatorConfiguration.demoAccountSid)
              export TWILIO_AUTH_TOKEN=\(SimulatorConfiguration.demoAuthToken)
              confwatch conferences --status in-progress
              confwatch list \(first?.friendlyName ?? "standup")
              confwatch mute \(first?.friendlyName ?? "standup") moderator
              confwatch dial \(first?.friendlyName ?? "standup") --to +15558675310 --from +15017122661 --label guest

            Ctrl-C stops it.
            """)
        await interrupt.wait()
        await simulator.stop()
    }
}
