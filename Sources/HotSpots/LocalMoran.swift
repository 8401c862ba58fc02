import SeededRandom

/// Local Moran's I (Anselin 1995) with row-standardised distance-band weights (self
/// excluded), with values equal to esda `Moran_Local(y, w, transformation="r").Is`:
/// `z = (y - ybar) / sd(y)` (population sd), `I_i = (n - 1) z_i lag_i / sum z^2`, with
/// `lag_i` the mean of `z` over the neighbours (0 for a unit without neighbours).
///
/// Significance: with `permutations > 0`, conditional randomisation pseudo p-values
/// (esda's directed p, ties against significance: ``PermutationTest``); otherwise a two-sided
/// normal p from the conditional
/// randomisation moments of Sokal, Oden & Thomson (1998, eqs. A7-A8), esda's `EIc`/`VIc`,
/// applied to `z_i lag_i / m2`. Quadrants follow esda's `q`: HH when `z > 0` and `lag > 0`,
/// LH, LL, HL.
public struct LocalMoran: Sendable, Equatable {
    /// Moran scatterplot quadrant of a unit.
    public enum Quadrant: String, Sendable, CaseIterable {
        case highHigh = "HH", lowHigh = "LH", lowLow = "LL", highLow = "HL"
    }

    /// Local I per unit (esda `Is`).
    public let i: [Double]
    /// Standardised deviate used for significance.
    public let z: [Double]
    /// p-values (pseudo p with permutations, else two-sided normal).
    public let p: [Double]
    /// Quadrant per unit.
    public let quadrant: [Quadrant]

    /// Label for reports: the quadrant when `p < alpha`, otherwise `nil` (not significant).
    public func label(_ unit: Int, alpha: Double = 0.05) -> Quadrant? { p[unit] < alpha ? quadrant[unit] : nil }

    /// - Throws: ``HotSpotError/zeroVariance(what:)``; length mismatch.
    /// - Complexity: O(n + edges), plus O(permutations x edges).
    public init(values: [Double], graph: NeighborGraph, permutations: Int = 0, seed: UInt64 = 0) throws {
        let n = values.count
        guard graph.count == n else {
            throw HotSpotError.mismatchedLengths(field: "values", expected: graph.count, found: n)
        }
        guard n > 2, let (mean, sd) = GetisOrdGiStar.moments(values), sd > 0 else {
            throw HotSpotError.zeroVariance(what: "the analysis field")
        }
        let zs = values.map { ($0 - mean) / sd }
        let den = zs.reduce(0) { $0 + $1 * $1 }
        let nD = Double(n)
        let m2 = den / nD
        var lag = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let k = graph.degree(u)
            guard k > 0 else { continue }
            var s = 0.0
            for j in graph.neighbors(of: u) { s += zs[Int(j)] }
            lag[u] = s / Double(k)
        }
        var iv = [Double](repeating: 0, count: n)
        var zv = [Double](repeating: 0, count: n)
        var pv = [Double](repeating: 1, count: n)
        var quad = [Quadrant](repeating: .lowLow, count: n)
        for u in 0..<n {
            iv[u] = (nD - 1) * zs[u] * lag[u] / den
            let hz = zs[u] > 0, hl = lag[u] > 0
            quad[u] = hz ? (hl ? .highHigh : .highLow) : (hl ? .lowHigh : .lowLow)
            let k = graph.degree(u)
            guard k > 0 else { continue }
            // Row-standardised: w_i. = 1, sum w_ij^2 = 1 / k.
            let wi = 1.0, wi2 = 1.0 / Double(k)
            let stat = zs[u] * lag[u] / m2
            let e = -(zs[u] * zs[u] * wi) / ((nD - 1) * m2)
            let v = (zs[u] / m2) * (zs[u] / m2) * (nD / (nD - 2)) * (wi2 - wi * wi / (nD - 1)) * (m2 - zs[u] * zs[u] / (nD - 1))
            if v > 0 {
                zv[u] = (stat - e) / v.squareRoot()
                pv[u] = NormalDistribution.twoSidedP(zv[u])
            }
        }
        if permutations > 0 {
            var rng = SplitMix64(seed: seed)
            var pool = [Int32](0..<Int32(n - 1))
            for u in 0..<n {
                let k = graph.degree(u)
                guard k > 0 else { continue }
                var tally = PermutationTest.Tally(observed: iv[u])
                for _ in 0..<permutations {
                    var s = 0.0
                    for t in 0..<k {
                        let r = t + rng.below(n - 1 - t)
                        pool.swapAt(t, r)
                        let j = Int(pool[t])
                        s += zs[j >= u ? j + 1 : j]
                    }
                    tally.add((nD - 1) * zs[u] * (s / Double(k)) / den)
                }
                pv[u] = tally.p
            }
        }
        self.i = iv
        self.z = zv
        self.p = pv
        self.quadrant = quad
    }
}
