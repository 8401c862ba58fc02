import Foundation
import SeededRandom

/// Getis-Ord local Gi* (Ord & Getis 1995) with binary distance-band weights and the unit
/// itself included, in the ArcGIS convention; equal to esda
/// `G_Local(y, w, transform="B", star=True).Zs`.
///
/// For unit `i` with `W_i` weights (its neighbours plus itself) and lagged sum
/// `L_i = sum_{j in N(i) + i} x_j`, with `xbar = sum x / n` and `S = sqrt(sum x^2 / n - xbar^2)`:
///
///     z_i = (L_i - xbar W_i) / (S sqrt((n W_i - W_i^2) / (n - 1)))
///
/// A unit whose band covers every unit (`W_i = n`) has no variance; its z is 0 and p is 1.
public struct GetisOrdGiStar: Sendable, Equatable {
    /// z-scores per unit.
    public let z: [Double]
    /// Two-sided p-values from the normal distribution (ArcGIS `GiPValue`), or the
    /// permutation pseudo p-values when permutations were run.
    public let p: [Double]
    /// Permutation pseudo p-values (esda's directed p with ties counted against
    /// significance, ``PermutationTest``), empty without permutations.
    public let pseudoP: [Double]

    /// Computes Gi* for `values` on `graph`. O(n + edges), plus O(permutations x edges).
    /// - Parameters:
    ///   - values: the analysis field per unit (incident counts or weighted counts).
    ///   - graph: binary distance-band neighbours (self excluded; Gi* adds self).
    ///   - permutations: conditional randomisation draws (0 = analytical normal p only).
    ///     Each draw keeps `x_i` and fills its `|N(i)|` neighbour slots with a random sample
    ///     without replacement from the other units (Anselin 1995 conditional randomisation,
    ///     as esda `_crand_plus`); the pseudo p is esda's directed p with ties counted
    ///     against significance (``PermutationTest``). With
    ///     permutations, ``p`` holds the pseudo p-values.
    ///   - seed: seed of the ``SplitMix64`` generator.
    /// - Throws: ``HotSpotError/zeroVariance(what:)`` when every value is equal;
    ///   ``HotSpotError/mismatchedLengths(field:expected:found:)`` when sizes differ.
    public init(values: [Double], graph: NeighborGraph, permutations: Int = 0, seed: UInt64 = 0) throws {
        let n = values.count
        guard graph.count == n else {
            throw HotSpotError.mismatchedLengths(field: "values", expected: graph.count, found: n)
        }
        guard permutations >= 0 else {
            throw HotSpotError.invalidParameter(name: "permutations", value: "\(permutations)", expected: ">= 0")
        }
        guard let (mean, sd) = Self.moments(values), sd > 0 else {
            throw HotSpotError.zeroVariance(what: "the analysis field")
        }
        var z = [Double](repeating: 0, count: n)
        var p = [Double](repeating: 1, count: n)
        let nD = Double(n)
        values.withUnsafeBufferPointer { x in
            graph.offsets.withUnsafeBufferPointer { off in
                graph.indices.withUnsafeBufferPointer { idx in
                    for i in 0..<n {
                        var lag = x[i]
                        for k in off[i] ..< off[i + 1] { lag += x[Int(idx[k])] }
                        let w = Double(off[i + 1] - off[i] + 1)
                        let varTerm = (nD * w - w * w) / (nD - 1)
                        guard varTerm > 0 else { continue }
                        let zi = (lag - mean * w) / (sd * varTerm.squareRoot())
                        z[i] = zi
                        p[i] = NormalDistribution.twoSidedP(zi)
                    }
                }
            }
        }
        var pseudo: [Double] = []
        if permutations > 0 {
            pseudo = Self.conditionalRandomization(values: values, graph: graph, permutations: permutations, seed: seed)
            p = pseudo
        }
        self.z = z
        self.p = p
        self.pseudoP = pseudo
    }

    /// Mean and population standard deviation; `nil` for an empty array.
    static func moments(_ x: [Double]) -> (Double, Double)? {
        guard !x.isEmpty else { return nil }
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        // Two-pass variance (numerically stable), equal to sum x^2 / n - mean^2.
        var ss = 0.0
        for v in x { ss += (v - mean) * (v - mean) }
        let sd = (ss / n).squareRoot()
        return (mean, sd)
    }

    static func conditionalRandomization(values: [Double], graph: NeighborGraph, permutations: Int, seed: UInt64) -> [Double] {
        let n = values.count
        var rng = SplitMix64(seed: seed)
        var pool = [Int32](0..<Int32(max(n - 1, 0)))
        var out = [Double](repeating: 1, count: n)
        for i in 0..<n {
            let k = graph.degree(i)
            var observed = values[i]
            for j in graph.neighbors(of: i) { observed += values[Int(j)] }
            var tally = PermutationTest.Tally(observed: observed)
            for _ in 0..<permutations {
                var s = values[i]
                // Partial Fisher-Yates over the n - 1 other units; index >= i maps to index + 1.
                for t in 0..<k {
                    let r = t + rng.below(n - 1 - t)
                    pool.swapAt(t, r)
                    let j = Int(pool[t])
                    s += values[j >= i ? j + 1 : j]
                }
                tally.add(s)
            }
            out[i] = tally.p
        }
        return out
    }
}
