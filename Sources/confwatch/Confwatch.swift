import ArgumentParser
import Benchmarks
import CommandLineSupport
import Foundation
import TwilioConferences
import TwilioModels

@main
struct Confwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confwatch",
        abstract: "Supervise a live Twilio conference from the terminal.",
        discussion: """
            Credentials come from the environment, as Twilio's CLI and SDKs read them: \
            TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or with TWILIO_API_KEY and TWILIO_API_SECRET. \
            TWILIO_REGION and TWILIO_EDGE pick a regional host; CONFWATCH_API_URL or --api-url points at \
            another base URL, such as the simulator (plain http:// only for loopback).

            Try it without an account: confwatch demo
            """,
        version: VersionText.full,
        subcommands: [
            WatchCommand.self, DemoCommand.self, SimCommand.self, KeymapCommand.self, BenchCommand.self, ConferencesCommand.self, ListCommand.self, DoctorCommand.self,
            MuteCommand.self, UnmuteCommand.self, HoldCommand.self, UnholdCommand.self, KickCommand.self, UpdateCommand.self, DialCommand.self,
            EndCommand.self, AnnounceCommand.self,
        ],
        defaultSubcommand: WatchCommand.self
    )

    /// Parses and runs like ArgumentParser's own `main`, but a usage error is one line on stderr
    /// (`confwatch: …`) instead of an error followed by the usage block.
    static func main() async {
        // Every message this process shows or keeps is cleaned of the secrets it was given.
        Redaction.configure(environment: ProcessInfo.processInfo.environment)
        // A file size limit (RLIMIT_FSIZE) makes a write fail with EFBIG, said as such; it never kills the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "failed"
            let text = Redaction.redact(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            Console.line("confwatch: \(text) (see confwatch --help)", to: .standardError)
            Foundation.exit(code.rawValue)
        }
    }
}
