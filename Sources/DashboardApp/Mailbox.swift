import DashboardCore
import Synchronization

/// Messages from other threads (poll results, action results) for the UI loop; posting wakes it.
final class Mailbox: Sendable {
    private let queue = Mutex<[Message]>([])
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        wake()
    }

    func drain() -> [Message] {
        queue.withLock { messages in
            defer { messages.removeAll(keepingCapacity: true) }
            return messages
        }
    }
}
