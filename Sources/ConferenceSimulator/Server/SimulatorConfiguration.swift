import Foundation

/// Everything `confwatch sim` and the embedded simulator can be told.
public struct SimulatorConfiguration: Sendable {
    public static let demoAccountSid = "ACc0ffee00000000000000000000000000"
    public static let demoAuthToken = "confwatch-demo-token"

    public var host: String
    /// 0 picks any free port.
    public var port: Int
    public var accountSid: String
    public var authToken: String
    /// API key SID → secret, accepted as Basic-auth logins besides the account SID and token.
    public var apiKeys: [String: String]
    public var conferences: Int
    /// Participants in each conference at the start.
    public var participants: Int
    public var activity: ActivityLevel
    public var seed: UInt64
    public var timing: CallTiming
    public var faults: [FaultRule]
    /// Conferences (SID or friendly name) that vanish — their paths answer 404 — after the given seconds.
    public var endConferences: [(reference: String, after: Double)]
    public var clock: any SimulatorClock
    /// Before answering each participants list, flip one participant's mute (round robin): every poll
    /// then sees exactly one change. For benchmarks.
    public var churn: Bool
    /// The largest page it serves, whatever `PageSize` asks for (Twilio's is 1000); 2 makes every
    /// list span pages, for tests of paging.
    public var maxPageSize = 1000

    public init(
        host: String = "127.0.0.1", port: Int = 0, accountSid: String = demoAccountSid, authToken: String = demoAuthToken,
        apiKeys: [String: String] = [:], conferences: Int = 3, participants: Int = 8, activity: ActivityLevel = .calm,
        seed: UInt64 = 1, timing: CallTiming = .init(), faults: [FaultRule] = [],
        endConferences: [(reference: String, after: Double)] = [], clock: any SimulatorClock = WallClock(), churn: Bool = false
    ) {
        self.churn = churn
        self.host = host
        self.port = port
        self.accountSid = accountSid
        self.authToken = authToken
        self.apiKeys = apiKeys
        self.conferences = conferences
        self.participants = participants
        self.activity = activity
        self.seed = seed
        self.timing = timing
        self.faults = faults
        self.endConferences = endConferences
        self.clock = clock
    }
}
