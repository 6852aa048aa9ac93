import Foundation
import Synchronization

/// Where the simulator reads the time. The live clock is the wall clock; tests use `ManualClock`
/// so ringing, activity and faults happen exactly when they say.
public protocol SimulatorClock: Sendable {
    var now: Date { get }
}

public struct WallClock: SimulatorClock {
    public init() {}
    public var now: Date { Date() }
}

public final class ManualClock: SimulatorClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_764_000_000)) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}
