/// The Mann-Kendall trend test (Mann 1945; Kendall 1975) with the tie-corrected variance, as
/// ArcGIS Emerging Hot Spot Analysis and pymannkendall `original_test` compute it:
///
///     S = sum_{k < j} sign(x_j - x_k)
///     Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18      (t = size of each tie group)
///     z = (S - 1) / sqrt(Var) if S > 0, (S + 1) / sqrt(Var) if S < 0, else 0
///
/// with a two-sided normal p and Kendall's tau `S / (n(n-1)/2)`.
public struct MannKendall: Sendable, Equatable {
    public let s: Double
    public let variance: Double
    public let z: Double
    public let p: Double
    public let tau: Double

    /// Direction of a significant trend.
    public enum Trend: String, Sendable { case increasing, decreasing, none }

    /// `increasing`/`decreasing` when `p < alpha`, otherwise `none`.
    public func trend(alpha: Double = 0.05) -> Trend {
        guard p < alpha else { return .none }
        return z > 0 ? .increasing : (z < 0 ? .decreasing : .none)
    }

    /// Runs the test on a series in time order. O(n^2), n = number of time steps.
    /// - Throws: ``HotSpotError/tooFewTimeSteps(found:minimum:)`` below 3 steps.
    public init(series x: [Double]) throws {
        let n = x.count
        guard n >= 3 else { throw HotSpotError.tooFewTimeSteps(found: n, minimum: 3) }
        var s = 0.0
        for k in 0..<(n - 1) {
            for j in (k + 1)..<n {
                s += x[j] > x[k] ? 1 : (x[j] < x[k] ? -1 : 0)
            }
        }
        var ties = 0.0
        let sorted = x.sorted()
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, sorted[end + 1] == sorted[start] { end += 1 }
            let t = Double(end - start + 1)
            if t > 1 { ties += t * (t - 1) * (2 * t + 5) }
            start = end + 1
        }
        let nD = Double(n)
        let v = (nD * (nD - 1) * (2 * nD + 5) - ties) / 18
        let z: Double
        if v <= 0 { z = 0 } else if s > 0 { z = (s - 1) / v.squareRoot() } else if s < 0 { z = (s + 1) / v.squareRoot() } else { z = 0 }
        self.s = s
        self.variance = v
        self.z = z
        self.p = NormalDistribution.twoSidedP(z)
        self.tau = s / (nD * (nD - 1) / 2)
    }
}
