/// A small deterministic pseudo-random generator (Steele, Lea & Flood 2014, "SplitMix64").
/// Same seed, same sequence on every platform, unlike `SystemRandomNumberGenerator`.
///
/// The one seeded generator of the package: permutation inference in `HotSpots` (reproducible
/// from `--seed`), the iterated local search of the `Optimizer` (fixed seed, so a solve is
/// deterministic), the synthetic instances of `CamplanBench` and the seeded property tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, unbiased).
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func below(_ bound: Int) -> Int {
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let t = (0 &- b) % b
            while m.low < t { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    @inlinable
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
