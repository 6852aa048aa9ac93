/// SplitMix64: a small, fast generator whose whole sequence follows from the seed,
/// so `--seed N` replays the same meeting.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator of its own for one thing (a call's numbers, a conference's Twilio number), seeded
    /// from its SID: drawing from it leaves the main sequence — labels, mutes, timings — untouched.
    public init(deriving text: String) {
        // FNV-1a: stable across runs and platforms, unlike Hasher.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        state = hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A Twilio-shaped SID: the prefix and 32 lowercase hex digits.
    public mutating func sid(_ prefix: String) -> String {
        let hex = Array("0123456789abcdef")
        var out = prefix
        for _ in 0..<2 {
            var word = next()
            for _ in 0..<16 {
                out.append(hex[Int(word & 0xF)])
                word >>= 4
            }
        }
        return out
    }

    /// One of `items`, at random.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// An exponentially distributed wait with the given mean (seconds).
    public mutating func exponential(mean: Double) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self)
        return -mean * _log(u)
    }
}

import Foundation

@inline(__always) func _log(_ x: Double) -> Double { Foundation.log(x) }
