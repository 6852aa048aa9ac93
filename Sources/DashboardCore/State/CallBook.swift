import Foundation
import TwilioModels

/// Who each participant is: their calls (`GET …/Calls/{CallSid}.json`), read once when a participant
/// first appears and again when its status changes, kept for the session. At most four reads are in
/// flight; a failed one waits (longer each time, or as a 429's Retry-After says) before it is tried
/// again. Reads never hold up a poll or an action: they run beside them.
public struct CallBook: Sendable {
    /// Calls read so far, by CallSid.
    public internal(set) var calls: [String: Call] = [:]
    /// Reads wanted or under way, by CallSid.
    var lookups: [String: Lookup] = [:]

    /// Asked for so far, to start reads in the order they were wanted.
    var asked = 0

    struct Lookup: Sendable, Hashable {
        var order: Int
        var inFlight = false
        /// Wanted again while a read was under way: read once more when it answers.
        var again = false
        var failures = 0
        /// Not before this time (after a failure).
        var notBefore: Date?
    }

    public static let maxInFlight = 4
    /// How long a failed read waits: 2 s, doubling, at most a minute.
    static let backoff = RetryPolicy(maxAttempts: .max, baseDelay: 2, maxDelay: 60, budget: .infinity)

    public init() {}

    /// Asks for a participant's call: when first seen (`again` false: only if unknown), or again
    /// because its status changed (to read the call's own status, a final one included).
    mutating func want(_ callSid: String, again: Bool = false) {
        guard SID.isCall(callSid), again || calls[callSid] == nil else { return }
        guard lookups[callSid] == nil else {
            if again { lookups[callSid]?.again = true }
            return
        }
        lookups[callSid] = Lookup(order: asked)
        asked += 1
    }

    /// The reads to start now: due, not already under way, keeping at most four in flight.
    mutating func start(now: Date) -> [String] {
        guard !lookups.isEmpty else { return [] }
        var room = Self.maxInFlight - lookups.values.filter(\.inFlight).count
        var started: [String] = []
        for (sid, lookup) in lookups.sorted(by: { $0.value.order < $1.value.order }) where room > 0 && !lookup.inFlight {
            if let notBefore = lookup.notBefore, notBefore > now { continue }
            lookups[sid]?.inFlight = true
            started.append(sid)
            room -= 1
        }
        return started
    }

    mutating func fetched(_ call: Call) {
        calls[call.sid] = call
        if lookups[call.sid]?.again == true {
            lookups[call.sid] = Lookup(order: asked)
            asked += 1
        } else {
            lookups[call.sid] = nil
        }
    }

    /// A read failed: tried again later, after the backoff step or the server's Retry-After.
    /// Returns how many times in a row it has failed.
    @discardableResult
    mutating func failed(_ callSid: String, retryAfter: Double?, now: Date) -> Int {
        guard var lookup = lookups[callSid] else { return 0 }
        lookup.inFlight = false
        lookup.failures += 1
        let wait = max(Self.backoff.step(afterAttempt: lookup.failures), retryAfter ?? 0)
        lookup.notBefore = now.addingTimeInterval(wait)
        lookups[callSid] = lookup
        return lookup.failures
    }

    /// What a dial-out of ours is known to be before its call is read: whom it called, from which
    /// number, outbound through the API. The read replaces it (and is still asked for).
    mutating func dialled(_ callSid: String, to: String, from: String, account: String) {
        guard calls[callSid] == nil else { return }
        var call = Call(sid: callSid, accountSid: account)
        (call.to, call.from, call.direction) = (to, from, .outboundAPI)
        calls[callSid] = call
        lookups[callSid] = Lookup(order: asked)
        asked += 1
    }

    /// Reads in flight now.
    public var inFlight: Int { lookups.values.filter(\.inFlight).count }
}
