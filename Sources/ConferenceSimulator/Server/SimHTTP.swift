/// A request as the simulator's router sees it, independent of the HTTP server.
struct SimRequest: Sendable {
    var method: String
    /// The raw (percent-encoded) path.
    var path: String
    var query: Substring
    var authorization: String?
    var contentType: String?
    var body: [UInt8]
}

/// An answer, and how it should go on the wire.
struct SimResponse: Sendable {
    enum Delivery: Sendable, Equatable {
        case normal
        /// Write this many bytes of the body, then drop the connection.
        case resetAfter(Int)
        /// Never answer.
        case hang
        /// Send the status and headers, then nothing more.
        case stallAfterHeaders
        /// Send the body this many bytes a second.
        case trickle(bytesPerSecond: Double)
        /// Send the headers, then a chunked body that never ends.
        case endless
    }

    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var delivery: Delivery = .normal
}
