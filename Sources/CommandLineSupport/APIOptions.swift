import ArgumentParser
import Foundation
import Logging
import TwilioConferences
import TwilioModels

/// Options every command that talks to the API shares.
public struct APIOptions: ParsableArguments {
    public init() {}

    @Option(name: .customLong("api-url"), help: ArgumentHelp("Base URL of the API (default: Twilio, or CONFWATCH_API_URL).", valueName: "URL"))
    public var apiURL: String?

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds to wait for each answer.", valueName: "SECONDS"))
    public var timeout: Double = 10

    @Flag(name: .long, help: "Log each request (method, path, status, time) to stderr. Credentials are never logged.")
    public var verbose = false

    public func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--request-timeout must be between 0 and 600 seconds") }
    }

    /// Builds the shared client from the environment, or fails with one line saying what to set.
    public func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> TwilioConferencesClient {
        let credentials = try Credentials.fromEnvironment(environment)
        let endpoint = try APIEndpoint.resolve(override: apiURL, environment: environment)
        var logger = Logger(label: "confwatch.api", factory: { ConsoleLogHandler(label: $0) })
        logger.logLevel = verbose ? .debug : .warning
        return TwilioConferencesClient(
            credentials: credentials, endpoint: endpoint,
            configuration: ClientConfiguration(requestTimeout: timeout, connectTimeout: min(timeout, 5)), logger: logger)
    }
}

/// Runs `body` with a client and turns every failure into one line on stderr and exit status 1.
public func withClient(_ options: APIOptions, _ body: (TwilioConferencesClient) async throws -> Void) async throws {
    let client: TwilioConferencesClient
    do {
        client = try options.makeClient()
    } catch {
        throw CommandFailure(error.description)
    }
    do {
        try await body(client)
    } catch let error as TwilioError {
        await client.shutdown()
        throw CommandFailure(error.description)
    } catch {
        await client.shutdown()
        throw error
    }
    await client.shutdown()
}
