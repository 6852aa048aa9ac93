import TwilioModels
import Foundation
import NIOCore

/// Makes repeated polls of one participants list cheap: a page byte-for-byte the same as last time
/// is not decoded at all, and in a changed one only the participants whose JSON changed are.
/// Every page of a list is remembered apart, and only once the whole poll has succeeded, so a poll
/// is whole or failed: a later page that failed once is asked for again on the next poll.
/// One per poller and target; used by one poll at a time.
public final class ParticipantsPoll: @unchecked Sendable {
    /// One page as last read: its bytes (kept once), each participant's range in them, and the
    /// participant read from each range (nil for one that could not be read at all).
    struct PageMemory {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var slots: [Participant?] = []
        var participants: [Participant] = []
        var nextPageURI: String?
    }

    /// One page of this poll: what it will be remembered as, and what reading it took.
    struct PageRead {
        var memory: PageMemory
        var changed: Bool
        var decoded: Int
        var problems: [String]
    }

    private var pages: [PageMemory] = []

    public init() {}

    /// Forgets every page (another conference or filter).
    public func reset() { pages = [] }

    /// What one poll came to: the participants, and whether anything differs from the last poll.
    public struct Outcome: Sendable {
        public var participants: [Participant]
        public var changed: Bool
        /// Participants decoded this time (0 when nothing changed).
        public var decoded: Int
        public var bytes: Int
        /// HTTP requests the poll took (1 up to 1,000 participants).
        public var requests = 1
        /// Participants the answer listed but that could not be read at all (no call_sid), said once each.
        public var problems: [String] = []
    }

    /// Reads page `index` of this poll against what that page was last time. Nothing is remembered
    /// until `commit`.
    func read(page index: Int, _ body: ByteBuffer) throws -> PageRead {
        let last = index < pages.count ? pages[index] : PageMemory()
        if index < pages.count, Self.same(body, last.bytes) {
            return PageRead(memory: last, changed: false, decoded: 0, problems: [])
        }
        let bytes = Array(body.readableBytesView)
        let layout = bytes.withUnsafeBytes { JSONLayout.scan($0, arrayKey: "participants") }
        guard let layout else { return try readWhole(bytes) }
        var memory = PageMemory(bytes: bytes, ranges: layout.elements)
        memory.slots.reserveCapacity(layout.elements.count)
        var decoded = 0
        var problems: [String] = []
        var moved: [ElementBytes: Int]?
        let decoder = JSONDecoder()
        for (position, range) in layout.elements.enumerated() {
            if position < last.ranges.count, Self.same(bytes, range, last.bytes, last.ranges[position]) {
                memory.slots.append(last.slots[position])
                continue
            }
            // Same count: a change in place (or a reorder, which decoding handles too); no need to look further.
            if layout.elements.count != last.ranges.count {
                if moved == nil {
                    var table: [ElementBytes: Int] = [:]
                    table.reserveCapacity(last.ranges.count)
                    for (i, r) in last.ranges.enumerated() { table[ElementBytes(last.bytes[r])] = i }
                    moved = table
                }
                if let i = moved?[ElementBytes(bytes[range])] {
                    memory.slots.append(last.slots[i])
                    continue
                }
            }
            decoded += 1
            do {
                memory.slots.append(try Self.participant(bytes[range], decoder))
            } catch {
                memory.slots.append(nil)
                problems.append("the API listed a participant (#\(position + 1) on page \(index + 1)) that cannot be read (\(TwilioConferencesClient.describe(error, body: bytes[range]))); it is left out")
            }
        }
        memory.participants = memory.slots.compactMap { $0 }
        if let range = layout.members["next_page_uri"] {
            memory.nextPageURI = try decoder.decode(String?.self, from: Data(bytes[range]))
        }
        return PageRead(memory: memory, changed: true, decoded: decoded, problems: problems)
    }

    /// Keeps this poll's pages for the next one: called only when every page was read.
    func commit(_ reads: [PageRead]) {
        pages = reads.map(\.memory)
    }

    var pageCount: Int { pages.count }

    /// One participant's JSON; bytes that are not UTF-8 are repaired and the fields they were in named.
    static func participant(_ bytes: ArraySlice<UInt8>, _ decoder: JSONDecoder) throws -> Participant {
        guard let repaired = UTF8Repair.repaired(bytes) else { return try decoder.decode(Participant.self, from: Data(bytes)) }
        let repairing = JSONDecoder()
        repairing.userInfo[.repairedUTF8] = true
        return try repairing.decode(Participant.self, from: Data(repaired))
    }

    /// Whether the answer is byte for byte the last one.
    private static func same(_ body: ByteBuffer, _ last: [UInt8]) -> Bool {
        guard body.readableBytes == last.count else { return false }
        return body.withUnsafeReadableBytes { x in last.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    private static func same(_ a: [UInt8], _ ra: Range<Int>, _ b: [UInt8], _ rb: Range<Int>) -> Bool {
        guard ra.count == rb.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress! + ra.lowerBound, y.baseAddress! + rb.lowerBound, ra.count) == 0 } }
    }

    /// A page the layout scan did not understand: decoded whole, the ordinary way.
    private func readWhole(_ bytes: [UInt8]) throws -> PageRead {
        let decoder = JSONDecoder()
        decoder.userInfo[.pageItemsKey] = "participants"
        let repaired = UTF8Repair.repaired(bytes)
        decoder.userInfo[.repairedUTF8] = repaired != nil
        let page = try decoder.decode(PageEnvelope<Participant>.self, from: Data(repaired ?? bytes)).page
        let memory = PageMemory(bytes: bytes, ranges: [], slots: page.items, participants: page.items, nextPageURI: page.nextPageURI)
        return PageRead(memory: memory, changed: true, decoded: page.items.count, problems: [])
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
