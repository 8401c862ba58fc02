/// The pseudo p-value of a conditional-randomisation test, in the direction of the observed
/// value, with ties counted against significance:
///
///     p = (min(#{sim >= observed}, #{sim <= observed}) + 1) / (R + 1),
///
/// the smaller of esda's one-sided `calculate_significance` values (`alternative="greater"`
/// and `"lesser"`). Without ties it equals esda's `"directed"` p (the default of esda's
/// `G_Local`/`Moran_Local`, and the pseudo p of GeoDa and of ArcGIS's Cluster and Outlier
/// Analysis: the share of draws at least as extreme as the observed value), so p-values stay
/// comparable with those tools.
///
/// What changes is ties. esda's fold is `min(larger, R - larger)` with
/// `larger = #{sim >= observed}`: every tie lands on the "larger" side. With many empty
/// cells, an empty cell among empty neighbours has an observed sum of 0 and most draws give
/// 0 too; the fold then reads the cell as extremely *low* and p becomes 1 / (R + 1) (issue 12:
/// 2,620 "cold cells at 99%" with 999 draws where the normal approximation finds none).
/// Counting ties in both tails, such a cell is not extreme in either direction.
///
/// esda's newer percentile-mirroring `"two-sided"` was not taken: with an atom of ties at
/// the minimum, the mirrored lower tail swallows the atom and a cell above every draw gets
/// p = 0.6 (case "busy cell among sparse draws" in `esda_permutation_p.json`). ArcGIS's Hot
/// Spot Analysis (Getis-Ord Gi*) has no permutation option; its p-values are the two-sided
/// normal ones, camplan's default (`--permutations 0`). With R draws the smallest pseudo p
/// is 1 / (R + 1): use R >= 999 for the 99% bin.
public enum PermutationTest {
    /// Counts of the draws at or above and at or below an observed value.
    public struct Tally: Sendable, Equatable {
        public private(set) var atOrAbove = 0
        public private(set) var atOrBelow = 0
        public private(set) var draws = 0
        public let observed: Double
        /// Sums in another order differ in the last bits: values this close count as ties.
        let tolerance: Double

        public init(observed: Double) {
            self.observed = observed
            tolerance = 1e-12 * Swift.max(1, abs(observed))
        }

        public mutating func add(_ simulated: Double) {
            draws += 1
            if simulated >= observed - tolerance { atOrAbove += 1 }
            if simulated <= observed + tolerance { atOrBelow += 1 }
        }

        /// The pseudo p (1 without draws).
        public var p: Double {
            guard draws > 0 else { return 1 }
            return Double(Swift.min(atOrAbove, atOrBelow) + 1) / Double(draws + 1)
        }
    }

    /// The pseudo p of `observed` against `reference`. O(R).
    public static func pseudoP(observed: Double, reference: [Double]) -> Double {
        var t = Tally(observed: observed)
        for s in reference { t.add(s) }
        return t.p
    }
}
