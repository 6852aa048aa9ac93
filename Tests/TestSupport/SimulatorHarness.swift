import ConferenceSimulator
import Foundation
import TwilioConferences
import TwilioModels

/// A simulator on a free loopback port and a client pointed at it, torn down after the body.
public struct SimulatorHarness: Sendable {
    public let simulator: ConferenceSimulator
    public let client: TwilioConferencesClient
    public let clock: ManualClock
    public let baseURL: String

    public static let accountSid = SimulatorConfiguration.demoAccountSid
    public static let authToken = "harness-token-7f3a"

    /// Fast retries so retry tests take milliseconds.
    public static let quickRetries = RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05, budget: 5)

    public static func run(
        conferences: Int = 2, participants: Int = 5, activity: ActivityLevel = .none, seed: UInt64 = 42,
        timing: CallTiming = CallTiming(ringAfter: 1, answerAfter: 3, noAnswerAfter: 8, linger: 4),
        faults: [FaultRule] = [], apiKeys: [String: String] = [:], maxPageSize: Int = 1000,
        client configuration: ClientConfiguration = ClientConfiguration(requestTimeout: 5, retryPolicy: quickRetries),
        credentials: Credentials? = nil,
        _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        let clock = ManualClock()
        var settings = SimulatorConfiguration(
            accountSid: accountSid, authToken: authToken, apiKeys: apiKeys, conferences: conferences,
            participants: participants, activity: activity, seed: seed, timing: timing, faults: faults, clock: clock)
        settings.maxPageSize = maxPageSize
        let simulator = ConferenceSimulator(settings)
        let url = try await simulator.start()
        let endpoint = try APIEndpoint.parse(url, source: "test")
        let client = TwilioConferencesClient(
            credentials: credentials ?? Credentials(accountSid: accountSid, authToken: Secret(authToken)),
            endpoint: endpoint, configuration: configuration)
        let harness = SimulatorHarness(simulator: simulator, client: client, clock: clock, baseURL: url)
        do {
            try await body(harness)
            await client.shutdown()
            await simulator.stop()
        } catch {
            await client.shutdown()
            await simulator.stop()
            throw error
        }
    }

    /// The first conference, as the simulator holds it.
    public var firstConference: Conference {
        simulator.conferences().sorted { $0.friendlyName < $1.friendlyName }.first!
    }

    /// The conference with this friendly name.
    public func conference(named name: String) -> Conference? {
        simulator.conferences().first { $0.friendlyName == name }
    }
}

/// The repository root, for tests that read vendored reference files.
public enum RepositoryRoot {
    public static func url(from file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
