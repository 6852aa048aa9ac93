import TwilioModels
/// Tuning of the API client; the defaults suit both the dashboard and one-shot commands.
public struct ClientConfiguration: Sendable {
    /// Deadline of each request, connection and body included, in seconds.
    public var requestTimeout: Double
    /// Time allowed to open a connection, in seconds.
    public var connectTimeout: Double
    public var retryPolicy: RetryPolicy
    /// Bodies larger than this are refused rather than held in memory.
    public var maxBodyBytes: Int
    /// Participants asked for per page: 1000 makes a full conference (at most 250) one request.
    public var pageSize: Int
    /// Most pages one list follows; a server still naming a next page after that is a fault.
    public var maxPages: Int
    public var userAgent: String

    public init(
        requestTimeout: Double = 10, connectTimeout: Double = 5, retryPolicy: RetryPolicy = .standard,
        maxBodyBytes: Int = 32 << 20, pageSize: Int = 1000, maxPages: Int = 10_000, userAgent: String = ConfwatchVersion.userAgent
    ) {
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.retryPolicy = retryPolicy
        self.maxBodyBytes = maxBodyBytes
        self.pageSize = pageSize
        self.maxPages = max(1, maxPages)
        self.userAgent = userAgent
    }
}
