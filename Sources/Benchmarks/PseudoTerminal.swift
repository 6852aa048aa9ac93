import CNCurses
import Foundation
import Synchronization

/// A pseudo-terminal for benchmarks: ncurses draws on one side while a reader thread plays the
/// terminal on the other, counting every byte it is sent.
public final class PseudoTerminal: @unchecked Sendable {
    public let master: Int32
    public let slave: Int32
    private final class Counter: Sendable { let bytes = Atomic<Int>(0) }
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
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { return }
                received.bytes.add(n, ordering: .releasing)
            }
        }
        thread.start()
    }

    /// The bytes the terminal has been sent since the last call (waits until it has read them all).
    public func drain() -> Int {
        // Settled: nothing waiting, and the reader has counted nothing new for 2 ms.
        var total = received.bytes.load(ordering: .acquiring)
        var quiet = 0
        while quiet < 20 {
            usleep(100)
            let now = received.bytes.load(ordering: .acquiring)
            quiet = now == total && cw_pending_bytes(master) == 0 ? quiet + 1 : 0
            total = now
        }
        defer { counted = total }
        return total - counted
    }

    deinit {
        close(slave)
        close(master)
    }
}
