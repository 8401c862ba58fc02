/// Benjamini-Hochberg false discovery rate control (Benjamini & Hochberg 1995), as ArcGIS
/// Hot Spot Analysis applies it with "Apply False Discovery Rate (FDR) Correction".
public enum FalseDiscoveryRate {
    /// The largest p-value `p_(k)` with `p_(k) <= k / m * alpha` over the sorted p-values;
    /// tests with `p <= cutoff` are significant. Returns `nil` when none qualifies.
    /// O(m log m).
    public static func cutoff(pValues: [Double], alpha: Double) -> Double? {
        let sorted = pValues.sorted()
        let m = Double(sorted.count)
        var best: Double?
        for (k, p) in sorted.enumerated() where p <= Double(k + 1) / m * alpha { best = p }
        return best
    }

    /// BH-adjusted p-values (q-values), equal to statsmodels
    /// `multipletests(p, method="fdr_bh")[1]`: `q_(k) = min_{j >= k} min(1, m p_(j) / j)`.
    public static func adjusted(pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        var q = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m - 1, through: 0, by: -1) {
            let i = order[rank]
            running = min(running, Double(m) * pValues[i] / Double(rank + 1))
            q[i] = min(1, running)
        }
        return q
    }

    /// ArcGIS `Gi_Bin`: +-3, +-2, +-1 for significance at 99, 95, 90 % confidence (the
    /// sign of `z`), 0 otherwise. With `fdr` the p cutoff at each level is the BH cutoff.
    public static func confidenceBins(z: [Double], p: [Double], fdr: Bool) -> [Int8] {
        let levels: [(alpha: Double, bin: Int8)] = [(0.01, 3), (0.05, 2), (0.10, 1)]
        let cutoffs: [Double] = levels.map { level in
            fdr ? (cutoff(pValues: p, alpha: level.alpha) ?? -1) : level.alpha
        }
        var bins = [Int8](repeating: 0, count: z.count)
        for i in z.indices {
            for (l, level) in levels.enumerated() where fdr ? p[i] <= cutoffs[l] : p[i] < cutoffs[l] {
                bins[i] = z[i] > 0 ? level.bin : (z[i] < 0 ? -level.bin : 0)
                break
            }
        }
        return bins
    }
}
