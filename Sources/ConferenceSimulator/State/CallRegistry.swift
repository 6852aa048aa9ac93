/// Every call the simulator has taken or placed, by SID: all those still up, and the newest ended
/// ones, so a call stays fetchable after its participant has left. Ended calls beyond `endedCapacity`
/// are forgotten, oldest first.
struct CallRegistry: Sendable {
    let endedCapacity: Int
    private var calls: [String: SimCall] = [:]
    /// SIDs of ended calls, oldest first, from `head` on.
    private var ended: [String] = []
    private var head = 0

    init(endedCapacity: Int = 10_000) { self.endedCapacity = endedCapacity }

    subscript(sid: String) -> SimCall? { calls[sid] }

    var count: Int { calls.count }

    mutating func add(_ call: SimCall) {
        calls[call.sid] = call
        if call.hasEnded { noteEnded(call.sid) }
    }

    /// Changes a call; one that ends here joins the ended ones.
    mutating func update(_ sid: String, _ change: (inout SimCall) -> Void) {
        guard var call = calls[sid] else { return }
        let wasEnded = call.hasEnded
        change(&call)
        calls[sid] = call
        if call.hasEnded && !wasEnded { noteEnded(sid) }
    }

    /// The calls of one conference, oldest first.
    func calls(conferenceSid: String) -> [SimCall] {
        calls.values.filter { $0.conferenceSid == conferenceSid }.sorted { ($0.dateCreated, $0.sid) < ($1.dateCreated, $1.sid) }
    }

    private mutating func noteEnded(_ sid: String) {
        ended.append(sid)
        if ended.count - head > endedCapacity {
            calls[ended[head]] = nil
            head += 1
        }
        // Compact now and then, so forgetting stays cheap.
        if head >= max(1, endedCapacity) {
            ended.removeFirst(head)
            head = 0
        }
    }
}
