import Optimizer

/// Graded coverage as an ordinary 0/1 coverage problem.
///
/// With PTZ presets a facility may credit a demand point with only a share `a_ij` of its
/// weight (the share of time the point is on screen). The credit of a point under a plan is
/// the largest credit any chosen facility gives it, `w_i · max_j a_ij y_j` (two cameras that
/// each watch a point part of the time are not added up: conservative, and exact as an MCLP).
/// That objective is an MCLP again after splitting each point at its distinct credit levels
/// `0 < c_1 < … < c_m ≤ 1`: copy `k` weighs `w_i · (c_k − c_{k−1})` and is covered by every
/// facility whose credit for the point is at least `c_k`. Any plan then covers exactly
/// `w_i · max_j a_ij` of the point's copies, so the solver, its bounds and its gap are
/// unchanged. (Berman, Krass & Drezner's gradual covering, in its step form.)
public struct GradedCoverage: Sendable {
    /// Coverage over the copies.
    public let matrix: CoverageMatrix
    /// Weight of each copy.
    public let weights: [Double]
    /// The original demand point of each copy.
    public let origin: [Int]

    /// Splits the demand of `matrix` (entries credited by `credits`, aligned with
    /// `matrix.indices`) weighted by `weights`. A point no facility reaches keeps one copy
    /// with its whole weight, so the total weight is unchanged.
    /// - Complexity: O(entries · log(levels per point)).
    public init(matrix: CoverageMatrix, credits: [Float], weights: [Double]) throws {
        precondition(credits.count == matrix.indices.count && weights.count == matrix.demandCount,
                     "credits must align with the matrix entries and weights with its demand")
        let n = matrix.demandCount
        // Distinct credit levels of each point, sorted.
        var levels = [[Float]](repeating: [], count: n)
        for (e, i) in matrix.indices.enumerated() {
            let c = min(credits[e], 1)
            let i = Int(i)
            if !levels[i].contains(c) { levels[i].append(c) }
        }
        var first = [Int](repeating: 0, count: n + 1)
        var w: [Double] = [], origin: [Int] = []
        for i in 0 ..< n {
            levels[i].sort()
            first[i] = w.count
            if levels[i].isEmpty {
                w.append(weights[i])
                origin.append(i)
                continue
            }
            var previous = 0.0
            for c in levels[i] {
                w.append(weights[i] * (Double(c) - previous))
                origin.append(i)
                previous = Double(c)
            }
            // Weight above the best credit can never be covered; it stays in the total.
            if previous < 1 {
                w.append(weights[i] * (1 - previous))
                origin.append(i)
            }
        }
        first[n] = w.count
        var offsets = [0], indices: [Int32] = []
        indices.reserveCapacity(matrix.indices.count)
        for j in 0 ..< matrix.facilityCount {
            for e in matrix.offsets[j] ..< matrix.offsets[j + 1] {
                let i = Int(matrix.indices[e])
                let c = min(credits[e], 1)
                // Copies of levels up to c (levels are sorted; the uncoverable tail is last).
                for (k, level) in levels[i].enumerated() where level <= c { indices.append(Int32(first[i] + k)) }
            }
            offsets.append(indices.count)
        }
        self.matrix = try CoverageMatrix(demandCount: w.count, offsets: offsets, indices: indices)
        self.weights = w
        self.origin = origin
    }
}
