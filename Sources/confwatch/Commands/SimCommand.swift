import ArgumentParser
import CommandLineSupport
import ConferenceSimulator
import Dispatch
import Foundation
import TwilioConferences
import TwilioModels

extension ActivityLevel: ExpressibleByArgument {}

/// Options that shape the simulator, shared by `sim` and `demo`.
struct SimulatorOptions: ParsableArguments {
    @Option(help: "Address to listen on (loopback by default).") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks any free port.") var port = 0
    @Option(name: .customLong("account-sid"), help: ArgumentHelp("Account SID it serves (AC + 32 hex).", valueName: "AC…"))
    var accountSid = SimulatorConfiguration.demoAccountSid
    @Option(name: .customLong("auth-token"), help: ArgumentHelp(
        "Auth token it accepts (default: the public demo token). Visible to other users in ps: prefer CONFWATCH_SIM_AUTH_TOKEN.", valueName: "TOKEN"))
    var authToken: String?
    @Option(name: .customLong("api-key"), help: ArgumentHelp("Also accept this API key (SK…) with the secret in CONFWATCH_SIM_API_SECRET.", valueName: "SK…"))
    var apiKey: String?
    @Option(help: "Conferences in progress at the start.") var conferences = 3
    @Option(help: "Participants in each conference at the start.") var participants = 8
    @Option(help: ArgumentHelp("none (only API changes: deterministic), calm or busy.", valueName: "LEVEL")) var activity: ActivityLevel = .calm
    @Option(help: "Seed of the scripted meeting: the same seed replays the same meeting.") var seed: UInt64 = 1
    @Option(name: .customLong("ring-after"), help: ArgumentHelp("Seconds a dial-out stays queued before ringing.", valueName: "SECONDS")) var ringAfter = 0.5
    @Option(name: .customLong("answer-after"), help: ArgumentHelp("Seconds before a dial-out is answered.", valueName: "SECONDS")) var answerAfter = 2.0
    @Option(name: .customLong("fault"), help: ArgumentHelp("Inject a fault (repeatable); syntax below.", valueName: "SPEC")) var faults: [String] = []
    @Option(name: .customLong("latency"), help: ArgumentHelp("Shorthand for --fault latency=MS[-MS].", valueName: "MS[-MS]")) var latency: String?
    @Flag(help: "Flip one participant's mute before answering each participants list: every poll sees one change (for benchmarks).")
    var churn = false
    @Option(name: .customLong("end-conference"), help: ArgumentHelp(
        "After SECONDS (default 0), the conference (SID or friendly name) is gone: its paths answer 404. Repeatable.", valueName: "REF[@SECONDS]"))
    var endConferences: [String] = []
    @Option(name: .customLong("max-page-size"), help: ArgumentHelp("Largest page served whatever PageSize asks (default 1000); small values make lists span pages.", valueName: "N"))
    var maxPageSize = 1000

    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SimulatorConfiguration {
        guard SID.isAccount(accountSid) else { throw ValidationError("--account-sid '\(accountSid)' must be AC followed by 32 hex digits") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard (0...100).contains(conferences) else { throw ValidationError("--conferences must be 0 to 100") }
        guard (0...1000).contains(participants) else { throw ValidationError("--participants must be 0 to 1000") }
        guard (1...1000).contains(maxPageSize) else { throw ValidationError("--max-page-size must be 1 to 1000") }
        guard ringAfter >= 0, answerAfter >= 0 else { throw ValidationError("--ring-after and --answer-after must not be negative") }
        var rules: [FaultRule] = []
        for spec in faults + (latency.map { ["latency=\($0)"] } ?? []) {
            do { rules.append(try FaultRule.parse(spec)) } catch { throw ValidationError(error.description) }
        }
        var ends: [(reference: String, after: Double)] = []
        for spec in endConferences {
            let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
            guard let reference = parts.first, !reference.isEmpty else { throw ValidationError("--end-conference needs a conference SID or friendly name") }
            let after = parts.count > 1 ? Double(parts[1]) : 0
            guard let after, after >= 0 else { throw ValidationError("--end-conference '\(spec)': the time after '@' must be seconds, e.g. standup@30") }
            ends.append((reference, after))
        }
        let token = authToken ?? environment["CONFWATCH_SIM_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? SimulatorConfiguration.demoAuthToken
        var apiKeys: [String: String] = [:]
        if let apiKey {
            guard SID.isAPIKey(apiKey) else { throw ValidationError("--api-key '\(apiKey)' must be SK followed by 32 hex digits") }
            guard let secret = environment["CONFWATCH_SIM_API_SECRET"], !secret.isEmpty else {
                throw ValidationError("--api-key needs its secret in CONFWATCH_SIM_API_SECRET")
            }
            apiKeys[apiKey] = secret
        }
        var configuration = SimulatorConfiguration(
            host: host, port: port, accountSid: accountSid, authToken: token, apiKeys: apiKeys,
            conferences: conferences, participants: participants, activity: activity, seed: seed,
            timing: CallTiming(ringAfter: ringAfter, answerAfter: max(ringAfter, answerAfter)),
            faults: rules, endConferences: ends, churn: churn)
        configuration.maxPageSize = maxPageSize
        return configuration
    }
}

struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the Twilio-compatible conference simulator in the foreground.",
        discussion: """
            Prints its base URL on the first line of stdout, then the credentials it accepts as \
            shell exports. Serves the conference paths of REST API 2010-04-01 — conferences, their \
            participants and recordings — and each participant's call (Calls/CA…), until interrupted: \
            .json paths answer JSON, the same paths without .json answer XML.

            Test numbers for dial-outs: To +15005550001 (invalid, 21217), +15005550002 (unreachable, \
            21214), +15005550003 (no permission, 21215) and +15005550004 (blocked, 21216) are refused; \
            +15005550010 rings then fails; +15005550011 rings and nobody answers; +15005550012 rings \
            briefly, then is busy. From +15005550001 is refused (21212). Anything else in E.164, \
            client:NAME or sip: rings, then connects. A call stays fetchable after its participant \
            leaves (the newest 10,000 ended calls).

            Recording: the first conference (standup) is recorded from its start; a dial-out with \
            ConferenceRecord=record-from-start (or true) starts a recording when it is answered, \
            unless one is in progress. POST Status=paused|in-progress|stopped (PauseBehavior=skip|silence) \
            to Conferences/CF…/Recordings/RE… (or Twilio.CURRENT) pauses, resumes or stops it.

            Faults (--fault):
            \(FaultRule.syntax)

            Control, with the same Basic auth: GET|DELETE /_sim/requests (what it saw), \
            GET|PUT /_sim/faults (form spec=SPEC, repeated; none clears), POST /_sim/vanish \
            (form conference=REF), GET /_sim/extras/CF…/CA…|LABEL (hold music, announcements).
            """)

    @OptionGroup var options: SimulatorOptions

    func validate() throws { _ = try options.configuration() }

    func run() async throws {
        let configuration = try options.configuration()
        let interrupt = InterruptSignal()
        let simulator = ConferenceSimulator(configuration)
        let url: String
        do {
            url = try await simulator.start()
        } catch {
            CommandFailure(String(describing: error)).exit()
        }
        StandardOutput.line(url)
        StandardOutput.line("export CONFWATCH_API_URL=\(url)")
        StandardOutput.line("export TWILIO_ACCOUNT_SID=\(configuration.accountSid)")
        if configuration.authToken == SimulatorConfiguration.demoAuthToken {
            StandardOutput.line("export TWILIO_AUTH_TOKEN=\(configuration.authToken)")
        } else {
            StandardOutput.line("# TWILIO_AUTH_TOKEN: the token you gave it (not printed)")
        }
        for conference in simulator.conferences() {
            StandardOutput.line("# conference \(conference.friendlyName) \(conference.sid)")
        }
        await interrupt.wait()
        await simulator.stop()
    }
}

/// SIGINT and SIGTERM, caught so the simulator can stop cleanly. Install before announcing
/// anything, so a signal that arrives right after the first line is not lost.
final class InterruptSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "confwatch.signals")

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    private func fire() {
        lock.lock()
        fired = true
        let continuation = waiter
        waiter = nil
        lock.unlock()
        continuation?.resume()
    }

    /// Returns once either signal has arrived (at once if one already has).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if fired {
                lock.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
