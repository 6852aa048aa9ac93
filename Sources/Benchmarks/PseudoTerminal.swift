import CNCurses
import Dispatch
import Foundation
import Synchronization

/// A pseudo-terminal for benchmarks: ncurses draws on one side while a reader thread plays the
/// terminal on the other, counting every byte it is sent.
public final class PseudoTerminal: @unchecked Sendable {
    public let master: Int32
    public let slave: Int32
    /// Written after a frame; when the reader sees it, every byte before it has been counted.
    static let marker = Array("\u{1}confwatch-drain\u{1}".utf8)
    private final class Counter: Sendable {
        let bytes = Atomic<Int>(0)
        let seen = DispatchSemaphore(value: 0)
    }
    private let received = Counter()
    private var counted = 0

    public init(columns: Int, rows: Int) throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard cw_open_pty(&master, &slave, Int32(columns), Int32(rows)) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        self.master = master
        self.slave = slave
        let fd = master
        let thread = Thread { [received] in
            let marker = PseudoTerminal.marker
            var buffer = [UInt8](repeating: 0, count: 65536)
            // Bytes that may be the start of a marker split across two reads.
            var held: [UInt8] = []
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { return }
                var data = held + buffer[0..<n]
                held = []
                while let at = PseudoTerminal.find(marker, in: data) {
                    received.bytes.add(at, ordering: .releasing)
                    data.removeFirst(at + marker.count)
                    received.seen.signal()
                }
                // Keep what could be a marker's beginning; count the rest.
                let keep = PseudoTerminal.partialMarker(at: data)
                received.bytes.add(data.count - keep, ordering: .releasing)
                held = Array(data.suffix(keep))
            }
        }
        thread.start()
    }

    static func find(_ needle: [UInt8], in data: [UInt8]) -> Int? {
        guard data.count >= needle.count else { return nil }
        for i in 0...(data.count - needle.count) where data[i] == needle[0] && Array(data[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    /// How many bytes at the end of `data` could begin a marker.
    static func partialMarker(at data: [UInt8]) -> Int {
        for length in stride(from: min(marker.count - 1, data.count), to: 0, by: -1) where Array(data.suffix(length)) == Array(marker.prefix(length)) {
            return length
        }
        return 0
    }

    /// The bytes the terminal has been sent since the last call: a marker goes after them, and the
    /// count is taken when the reader reaches it, so nothing still in flight is missed or misplaced.
    public func drain() -> Int {
        _ = Self.marker.withUnsafeBytes { write(slave, $0.baseAddress, $0.count) }
        received.seen.wait()
        let total = received.bytes.load(ordering: .acquiring)
        defer { counted = total }
        return total - counted
    }

    deinit {
        close(slave)
        close(master)
    }
}
