import ConferenceSimulator
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stopping while clients are still connecting: every accepted connection is served or closed, never
/// dropped (NIO stops the whole process on a dropped one). Plain sockets, opened as fast as they can be.
@Suite("Stopping the simulator")
struct StopTests {
    /// Opens and closes TCP connections to `port` until `done`.
    final class Connector: @unchecked Sendable {
        let port: UInt16
        private let lock = NSLock()
        private var stopped = false
        private(set) var opened = 0

        init(port: UInt16) { self.port = port }

        var done: Bool {
            get { lock.withLock { stopped } }
            set { lock.withLock { stopped = newValue } }
        }

        func run() {
            while !done {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                guard fd >= 0 else { continue }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = port.bigEndian
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                if connected == 0 { lock.withLock { opened += 1 } }
                close(fd)
            }
        }
    }

    @Test func stoppingWhileClientsConnectDropsNoConnection() async throws {
        var total = 0
        for round in 0..<40 {
            let simulator = ConferenceSimulator(SimulatorConfiguration(conferences: 1, participants: 2, activity: .none))
            let url = try await simulator.start()
            let connector = Connector(port: try #require(UInt16(url.split(separator: ":").last ?? "")))
            let thread = Thread { connector.run() }
            thread.start()
            // Let connections pile up (a few rounds stop at once), then stop in the middle of them.
            while connector.opened < round % 5 * 4 { await Task.yield() }
            await simulator.stop()
            connector.done = true
            total += connector.opened
        }
        #expect(total > 0)
    }
}
