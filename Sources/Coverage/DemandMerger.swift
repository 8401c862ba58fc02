import Optimizer

/// Demand after merging points with identical coverage sets (Lv et al. 2025): one merged
/// point per distinct set of covering facilities, its weight the sum of its members'.
/// Points covered by no facility form one merged point too (with the empty set), so the
/// total weight is unchanged.
public struct MergedDemand: Sendable, Equatable {
    /// Coverage over the merged points (same facilities as the original matrix).
    public let matrix: CoverageMatrix
    /// Weight of each merged point: the sum of its members' weights.
    public let weights: [Double]
    /// For each merged point, its first (lowest-index) original point.
    public let representative: [Int]
    /// For each original point, the merged point it belongs to.
    public let groupOfDemand: [Int32]

    public var count: Int { weights.count }
}

/// Merges demand points whose coverage sets are identical. Named `DemandMerger` to keep it
/// apart from any merge step inside the Optimizer.
public enum DemandMerger {
    /// Merges the rows of `matrix` (demand points) with identical facility sets.
    /// Merged points are numbered in order of their first original point, so the result is
    /// deterministic. O(nnz + n) expected (hashing of each point's facility list).
    /// - Throws: ``CoverageError/weightCountMismatch(points:weights:)``.
    public static func merge(matrix: CoverageMatrix, weights: [Double]) throws -> MergedDemand {
        let n = matrix.demandCount
        guard weights.count == n else { throw CoverageError.weightCountMismatch(points: n, weights: weights.count) }
        // Transpose: facilities covering each demand point, ascending.
        var start = [Int](repeating: 0, count: n + 1)
        for d in matrix.indices { start[Int(d) + 1] += 1 }
        for i in 0 ..< n { start[i + 1] += start[i] }
        var fill = start
        var byDemand = [Int32](repeating: 0, count: matrix.indices.count)
        for j in 0 ..< matrix.facilityCount {
            for d in matrix.covered(by: j) {
                byDemand[fill[Int(d)]] = Int32(j)
                fill[Int(d)] += 1
            }
        }
        func sameSet(_ a: Int, _ b: Int) -> Bool {
            let la = start[a + 1] - start[a]
            guard la == start[b + 1] - start[b] else { return false }
            for k in 0 ..< la where byDemand[start[a] + k] != byDemand[start[b] + k] { return false }
            return true
        }
        var buckets: [UInt64: [Int32]] = [:]
        var groupOf = [Int32](repeating: 0, count: n)
        var representative: [Int] = []
        var merged: [Double] = []
        for d in 0 ..< n {
            // FNV-1a over the facility ids; equality is checked on collision.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(start[d + 1] - start[d])
            for k in start[d] ..< start[d + 1] {
                h = (h ^ UInt64(UInt32(bitPattern: byDemand[k]))) &* 0x100_0000_01b3
            }
            var group: Int32 = -1
            if let list = buckets[h] {
                for g in list where sameSet(representative[Int(g)], d) { group = g; break }
            }
            if group < 0 {
                group = Int32(representative.count)
                representative.append(d)
                merged.append(0)
                buckets[h, default: []].append(group)
            }
            groupOf[d] = group
            merged[Int(group)] += weights[d]
        }
        // A facility's merged list: its representatives, already ascending by group.
        var offsets = [0]
        offsets.reserveCapacity(matrix.facilityCount + 1)
        var indices: [Int32] = []
        for j in 0 ..< matrix.facilityCount {
            for d in matrix.covered(by: j) where representative[Int(groupOf[Int(d)])] == Int(d) {
                indices.append(groupOf[Int(d)])
            }
            offsets.append(indices.count)
        }
        let m = try CoverageMatrix(demandCount: representative.count, offsets: offsets, indices: indices)
        return MergedDemand(matrix: m, weights: merged, representative: representative, groupOfDemand: groupOf)
    }
}
