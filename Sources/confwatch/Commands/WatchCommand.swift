import ArgumentParser
import CommandLineSupport
import CursesUI
import DashboardApp
import DashboardCore
import Foundation
import TwilioConferences
import TwilioModels

/// Options of the dashboard, shared by `watch` and `demo`.
struct DashboardOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds between polls (at least 0.25; default 1, or the config file's).", valueName: "SECONDS"))
    var interval: Double?

    @Option(help: ArgumentHelp("Key bindings: default, vim, emacs, or a path to a keymap file.", valueName: "NAME|PATH"))
    var keymap: String?

    @Option(name: .customLong("hold-url"), help: ArgumentHelp("Hold music for h and \"hold with music…\" (default: the config file's).", valueName: "URL"))
    var holdURL: String?

    @Option(name: .customLong("hold-method"), help: ArgumentHelp("GET or POST for the hold music.", valueName: "METHOD"))
    var holdMethod: String?

    @Flag(name: .customLong("no-color"), help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("read-only"), help: "Watch only: no key, command or form can change the call.")
    var readOnly = false

    func validate() throws {
        // Load and soak runs may poll faster than a supervisor should (CONFWATCH_LOAD_TEST=1: down to 0.05 s).
        let minimum = ProcessInfo.processInfo.environment["CONFWATCH_LOAD_TEST"] == "1" ? 0.05 : DashboardConfig.minimumInterval
        if let interval, interval < minimum || interval > 3600 {
            throw ValidationError("--interval must be from \(minimum) to 3600 seconds")
        }
        if let holdURL, let problem = AddressRules.checkURL(holdURL, field: "--hold-url") { throw ValidationError(problem.description) }
        if let holdMethod, CallbackMethod(parsing: holdMethod) == nil { throw ValidationError("--hold-method '\(holdMethod)' must be GET or POST") }
    }

    /// The starting state from flags, the config file and the keymap files.
    func makeState(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (DashboardState, color: Bool) {
        let config: DashboardConfig
        let table: KeyTable
        let name: String
        do {
            config = try SettingsFiles.loadConfig(environment: environment)
            (table, name) = try SettingsFiles.keyTable(named: keymap ?? config.keymap ?? "default", environment: environment)
        } catch {
            throw CommandFailure(error.description)
        }
        var state = DashboardState(
            keyTable: table, keymapName: name, interval: interval ?? config.interval ?? 1, now: Date(),
            utcOffset: TimeZone.current.secondsFromGMT())
        state.defaults = config.defaults
        state.defaults.holdURL = holdURL ?? config.defaults.holdURL
        state.defaults.holdMethod = holdMethod.flatMap(CallbackMethod.init(parsing:)) ?? config.defaults.holdMethod
        if readOnly {
            state.settings.readOnly = true
            state.settings.keyTable = state.settings.keyTable.readOnly
        }
        let color = !noColor && (environment["NO_COLOR"] ?? "").isEmpty
        return (state, color)
    }
}

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the live dashboard for a conference (the default command).",
        discussion: """
            Without CONFERENCE a picker lists the conferences in progress. Keys: ? shows them all. \\
            Settings: $XDG_CONFIG_HOME/confwatch/config.toml (else ~/.config/confwatch/config.toml); \\
            single key overrides: keymap.toml beside it.
            """)

    @Argument(help: ArgumentHelp("A CF… conference SID or the conference's friendly name.", valueName: "CONFERENCE"))
    var conference: String?

    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var api: APIOptions

    func run() async throws {
        try await reportingFailures {
            let (state, color) = try dashboard.makeState()
            try await withClient(api) { client in
                var found: Conference?
                if let conference { found = try await client.resolveConference(conference) }
                let session = DashboardSession(state: state, client: client, conference: found, color: color)
                do {
                    if let signal = try await session.run() { throw ExitCode(128 + signal) }
                } catch let error as CursesUI.Terminal.NotATerminal {
                    throw CommandFailure(error.description)
                }
            }
        }
    }
}

