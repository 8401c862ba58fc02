/// The solver's own seeded generator (SplitMix64, Steele, Lea & Flood 2014): the iterated
/// local search draws its perturbations from it, so a seed gives the same run on every
/// platform. Internal to the optimizer; benchmark and hot-spot code have their own.
struct SolverRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
