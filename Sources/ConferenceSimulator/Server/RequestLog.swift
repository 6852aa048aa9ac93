/// What the simulator saw: every API request with its answer, for tests that count retries.
public struct LoggedRequest: Sendable, Hashable, Codable {
    public var method: String
    public var path: String
    public var query: String
    public var status: Int
    /// The injected fault, if one fired (`503`, `reset`, …).
    public var fault: String?
    public var userAgent: String?
    /// When the request arrived, in seconds since 1970 (wall clock), for latency measurements.
    public var receivedAt: Double
}

struct RequestLog: Sendable {
    static let capacity = 10_000
    private(set) var entries: [LoggedRequest] = []
    private(set) var total = 0

    mutating func append(_ entry: LoggedRequest) {
        total += 1
        if entries.count == Self.capacity { entries.removeFirst(Self.capacity / 10) }
        entries.append(entry)
    }

    mutating func clear() {
        entries.removeAll()
        total = 0
    }
}
