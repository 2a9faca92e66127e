/// A deterministic pseudo-random generator: xoshiro256** seeded through
/// SplitMix64.
///
/// Every random choice in DietAudit (split, initialisation, shuffles, random
/// pruning, tie-breaking) draws from one of these, derived from the spec's
/// `seed`, so a run is reproducible bit for bit. The standard library's
/// `shuffle(using:)` and `random(in:using:)` are avoided on purpose: their
/// algorithms may change between toolchains; ``uniform(below:)``,
/// ``shuffle(_:)`` and ``permutation(count:)`` are fixed here.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    fileprivate(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        state = (
            Self.splitMix(&mixer), Self.splitMix(&mixer),
            Self.splitMix(&mixer), Self.splitMix(&mixer)
        )
    }

    /// An independent stream for one purpose of one seed, e.g.
    /// `SeededGenerator(seed: spec.seed, stream: "split")`. Different stream names
    /// give unrelated sequences; the same name always gives the same sequence.
    public init(seed: UInt64, stream: String) {
        // FNV-1a of the stream name, folded into the seed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        var mixer = seed ^ hash
        self.init(seed: Self.splitMix(&mixer))
    }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9e37_79b9_7f4a_7c15
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Self.rotl(state.3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's unbiased multiply-and-reject).
    /// `bound` must be positive.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func unitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal draw (Box–Muller, one value per call).
    public mutating func normal() -> Double {
        var u = unitDouble()
        while u <= 0 { u = unitDouble() }
        let v = unitDouble()
        return (-2 * _log(u)).squareRoot() * _cos(2 * Double.pi * v)
    }

    /// Fisher–Yates shuffle in place, from the last element down.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = uniform(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// A uniformly random permutation of `0..<count`.
    public mutating func permutation(count: Int) -> [Int] {
        var result = Array(0..<count)
        shuffle(&result)
        return result
    }
}

#if canImport(Glibc)
    import Glibc
    private func _log(_ x: Double) -> Double { Glibc.log(x) }
    private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
    import Foundation
    private func _log(_ x: Double) -> Double { Foundation.log(x) }
    private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif

extension SeededGenerator {
    /// Sets the raw state; only for checking the algorithm against reference values.
    mutating func setStateForTesting(_ newState: (UInt64, UInt64, UInt64, UInt64)) {
        state = newState
    }
}
