/// The faults in force, and their remaining counts. Lives behind the simulator's lock.
struct FaultPlan: Sendable {
    var rules: [FaultRule]
    var rng: SeededRandom

    init(rules: [FaultRule], seed: UInt64) {
        self.rules = rules
        self.rng = SeededRandom(seed: seed ^ 0xFA01_7FA0_17FA_017F)
    }

    /// The faults that fire for this request: at most one latency and at most one other.
    mutating func draw(method: String, query: Substring = "") -> (latency: Double?, fault: FaultRule.Kind?) {
        var latency: Double?
        var fault: FaultRule.Kind?
        for i in rules.indices where rules[i].applies(method: method, query: query) {
            let isLatency: Bool
            if case .latency = rules[i].kind { isLatency = true } else { isLatency = false }
            if isLatency ? latency != nil : fault != nil { continue }
            let fires: Bool
            switch rules[i].trigger {
            case .always: fires = true
            case .rate(let rate): fires = Double.random(in: 0..<1, using: &rng) < rate
            case .count(let left):
                fires = left > 0
                if fires { rules[i].trigger = .count(left - 1) }
            }
            guard fires else { continue }
            if case .latency(let range) = rules[i].kind {
                latency = Double.random(in: range, using: &rng)
            } else {
                fault = rules[i].kind
            }
        }
        rules.removeAll { if case .count(0) = $0.trigger { return true } else { return false } }
        return (latency, fault)
    }
}
