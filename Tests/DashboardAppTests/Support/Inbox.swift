import DashboardCore
import Synchronization
import TwilioModels

/// Collects what the poller and the runner report; tests wait for what they expect to arrive
/// (resumed by the message itself, never by a timer).
final class Inbox: Sendable {
    private struct Waiter {
        let until: @Sendable ([Message]) -> Bool
        let continuation: CheckedContinuation<[Message], Never>
    }

    private struct State {
        var messages: [Message] = []
        var waiters: [Waiter] = []
    }

    private let state = Mutex(State())

    func post(_ message: Message) {
        let (ready, messages) = state.withLock { s -> ([Waiter], [Message]) in
            s.messages.append(message)
            let ready = s.waiters.filter { $0.until(s.messages) }
            s.waiters.removeAll { waiter in waiter.until(s.messages) }
            return (ready, s.messages)
        }
        for waiter in ready { waiter.continuation.resume(returning: messages) }
    }

    var all: [Message] { state.withLock { $0.messages } }

    /// Waits until the messages so far satisfy `until`; returns them.
    @discardableResult
    func wait(until: @escaping @Sendable ([Message]) -> Bool) async -> [Message] {
        await withCheckedContinuation { continuation in
            let now = state.withLock { s -> [Message]? in
                if until(s.messages) { return s.messages }
                s.waiters.append(Waiter(until: until, continuation: continuation))
                return nil
            }
            if let now { continuation.resume(returning: now) }
        }
    }

    /// Waits until `count` actions have finished; their outcomes by id.
    func outcomes(_ count: Int) async -> [Int: ActionOutcome] {
        let messages = await wait { Self.finished($0).count >= count }
        return Dictionary(Self.finished(messages), uniquingKeysWith: { a, _ in a })
    }

    static func finished(_ messages: [Message]) -> [(Int, ActionOutcome)] {
        messages.compactMap { if case .actionFinished(let id, let outcome, _) = $0 { (id, outcome) } else { nil } }
    }

    var polled: [[Participant]] {
        all.compactMap { if case .polled(let participants, _, _, _) = $0 { participants } else { nil } }
    }

    static func answered(_ messages: [Message]) -> Int {
        messages.filter { if case .polled = $0 { true } else if case .pollUnchanged = $0 { true } else { false } }.count
    }

    static func failures(_ messages: [Message]) -> [PollFailure] {
        messages.compactMap { if case .pollFailed(let failure, _) = $0 { failure } else { nil } }
    }

    var failures: [PollFailure] { Self.failures(all) }
}
