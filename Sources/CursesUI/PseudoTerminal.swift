import CNCurses
import Foundation

/// A pseudo-terminal for benchmarks: ncurses draws on one side, the benchmark counts the bytes on the other.
public final class PseudoTerminal {
    public let master: Int32
    public let slave: Int32

    public init(columns: Int, rows: Int) throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard cw_open_pty(&master, &slave, Int32(columns), Int32(rows)) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        self.master = master
        self.slave = slave
    }

    /// Reads and counts what the terminal has been sent so far.
    public func drain() -> Int {
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return total }
            total += n
        }
    }

    deinit {
        close(master)
        close(slave)
    }
}
