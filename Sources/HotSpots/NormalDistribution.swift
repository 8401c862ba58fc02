import Foundation

/// Standard normal tail probabilities, via `erfc` from the C library (accurate in the tails,
/// unlike `1 - cdf`).
public enum NormalDistribution {
    /// Two-sided p-value of a z-score: `P(|Z| >= |z|)` (the p ArcGIS reports for Gi*).
    @inlinable
    public static func twoSidedP(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Upper tail `P(Z >= z)` (esda's `p_norm` on `|z|` is this one-sided value).
    @inlinable
    public static func upperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }
}
