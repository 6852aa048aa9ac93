import TwilioModels
import Foundation
import NIOCore

/// Makes repeated polls of one participants list cheap: an answer byte-for-byte the same as the last
/// one is not decoded at all, and in a changed one only the participants whose JSON changed are.
/// One per poller and target; not for concurrent use.
public final class ParticipantsPoll: @unchecked Sendable {
    /// The last answer's bytes (kept once), each participant's range in them, and the participants.
    private var lastBytes: [UInt8] = []
    private var lastRanges: [Range<Int>] = []
    private var lastParticipants: [Participant] = []

    public init() {}

    /// Forgets the last answer (another conference or filter).
    public func reset() {
        lastBytes = []
        lastRanges = []
        lastParticipants = []
    }

    /// What one poll came to: the participants, and whether anything differs from the last poll.
    public struct Outcome: Sendable {
        public var participants: [Participant]
        public var changed: Bool
        /// Participants decoded this time (0 when nothing changed).
        public var decoded: Int
        public var bytes: Int
        /// HTTP requests the poll took (1 up to 1,000 participants).
        public var requests = 1
    }

    /// Decodes a participants page, reusing what did not change since the last call: a participant
    /// whose JSON is byte-for-byte what it was (at the same place, or found by its bytes when people
    /// joined or left) is not decoded again.
    func decode(_ body: ByteBuffer) throws -> (Outcome, nextPageURI: String?) {
        if !lastBytes.isEmpty, Self.same(body, lastBytes) {
            return (Outcome(participants: lastParticipants, changed: false, decoded: 0, bytes: body.readableBytes), nil)
        }
        let bytes = Array(body.readableBytesView)
        let layout = bytes.withUnsafeBytes { JSONLayout.scan($0, arrayKey: "participants") }
        guard let layout else { return try decodeWhole(body) }
        var participants: [Participant] = []
        participants.reserveCapacity(layout.elements.count)
        var decoded = 0
        var moved: [ElementBytes: Int]?
        let decoder = JSONDecoder()
        for (index, range) in layout.elements.enumerated() {
            if index < lastRanges.count, Self.same(bytes, range, lastBytes, lastRanges[index]) {
                participants.append(lastParticipants[index])
                continue
            }
            // Same count: a change in place (or a reorder, which decoding handles too); no need to look further.
            if layout.elements.count == lastRanges.count {
                participants.append(try decoder.decode(Participant.self, from: Data(bytes[range])))
                decoded += 1
                continue
            }
            if moved == nil {
                var table: [ElementBytes: Int] = [:]
                table.reserveCapacity(lastRanges.count)
                for (i, r) in lastRanges.enumerated() { table[ElementBytes(lastBytes[r])] = i }
                moved = table
            }
            if let i = moved?[ElementBytes(bytes[range])] {
                participants.append(lastParticipants[i])
            } else {
                participants.append(try decoder.decode(Participant.self, from: Data(bytes[range])))
                decoded += 1
            }
        }
        var nextPage: String?
        if let range = layout.members["next_page_uri"] {
            nextPage = try decoder.decode(String?.self, from: Data(bytes[range]))
        }
        remember(bytes, layout.elements, participants)
        return (Outcome(participants: participants, changed: true, decoded: decoded, bytes: body.readableBytes), nextPage)
    }

    /// Whether the answer is byte for byte the last one.
    private static func same(_ body: ByteBuffer, _ last: [UInt8]) -> Bool {
        guard body.readableBytes == last.count else { return false }
        return body.withUnsafeReadableBytes { x in last.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    private static func same(_ a: [UInt8], _ ra: Range<Int>, _ b: [UInt8], _ rb: Range<Int>) -> Bool {
        guard ra.count == rb.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress! + ra.lowerBound, y.baseAddress! + rb.lowerBound, ra.count) == 0 } }
    }

    private func decodeWhole(_ body: ByteBuffer) throws -> (Outcome, nextPageURI: String?) {
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        let page = try decoder.decode(PageEnvelope<Participant>.self, from: body).page
        remember(Array(body.readableBytesView), [], page.items)
        return (Outcome(participants: page.items, changed: true, decoded: page.items.count, bytes: body.readableBytes), page.nextPageURI)
    }

    private func remember(_ bytes: [UInt8], _ ranges: [Range<Int>], _ participants: [Participant]) {
        lastBytes = bytes
        lastRanges = ranges
        lastParticipants = participants
    }
}

/// A participant's JSON bytes as a dictionary key, hashed in bulk (ArraySlice hashes byte by byte).
struct ElementBytes: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: ElementBytes, b: ElementBytes) -> Bool {
        a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}

extension TwilioConferencesClient {
    /// One poll of a conference's participants through `poll`: a single request with PageSize 1000
    /// (a full conference), further pages followed when there are any. An unchanged answer is not
    /// decoded again; a changed one decodes only the participants that changed.
    public func pollParticipants(
        conferenceSid: String, filter: ParticipantFilter = .all, through poll: ParticipantsPoll, retry: RetryPolicy? = nil
    ) async throws -> ParticipantsPoll.Outcome {
        let operation = "list participants of \(conferenceSid)"
        try Self.requireConferenceSid(conferenceSid, operation: operation)
        let query = filter.queryItems + [("PageSize", String(configuration.pageSize))]
        let response = try await send(APIRequest(
            method: .GET, path: participantsPath(conferenceSid) + ".json", query: query, operation: operation, retryable: true, retryPolicy: retry))
        var (outcome, nextPage): (ParticipantsPoll.Outcome, String?)
        do {
            (outcome, nextPage) = try poll.decode(response.body)
        } catch {
            poll.reset()
            throw TwilioError.decoding(reason: Self.describe(error, bytes: response.body.readableBytes), operation: operation)
        }
        var pages = 1
        while let uri = nextPage {
            pages += 1
            try checkPageCount(pages, operation: operation)
            let page: Page<Participant> = try await followPage(uri, itemsKey: "participants", operation: operation, retry: retry)
            outcome.participants += page.items
            outcome.decoded += page.items.count
            outcome.changed = true
            outcome.requests += 1
            nextPage = page.nextPageURI
            poll.reset()
        }
        return outcome
    }
}
