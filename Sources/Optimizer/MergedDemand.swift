/// Demand points with identical coverage sets merged into one point whose weight is the sum
/// (Lv et al. 2025): the MCLP optimum and every bound are unchanged, the instance shrinks.
///
/// Points that carry different *tags* (e.g. backup-coverage flags) are kept apart.
public struct MergedDemand: Sendable, Equatable {
    /// The coverage matrix over merged demand points.
    public let matrix: CoverageMatrix
    /// Summed weight per merged point.
    public let weights: [Double]
    /// For each original demand point, its merged index.
    public let mergedIndexOfDemand: [Int32]
    /// Tag per merged point (all 0 when no tags were given).
    public let tags: [Int32]

    /// Merges identical coverage sets.
    ///
    /// - Parameters:
    ///   - matrix: coverage by facility.
    ///   - weights: one weight per demand point.
    ///   - tags: optional tag per demand point; points merge only when their tags are equal.
    /// - Throws: ``OptimizerError/invalidProblem(_:)`` on length mismatch.
    /// - Complexity: O(nnz log nnz) time, O(nnz) memory.
    public init(matrix: CoverageMatrix, weights: [Double], tags: [Int32]? = nil) throws {
        let n = matrix.demandCount
        let m = matrix.facilityCount
        guard weights.count == n else {
            throw OptimizerError.invalidProblem("\(weights.count) weights for \(n) demand points")
        }
        if let tags, tags.count != n {
            throw OptimizerError.invalidProblem("\(tags.count) tags for \(n) demand points")
        }
        // Transpose: facility lists per demand point, ascending by facility.
        var rowStart = [Int](repeating: 0, count: n + 1)
        for d in matrix.indices { rowStart[Int(d) + 1] += 1 }
        for i in 0 ..< n { rowStart[i + 1] += rowStart[i] }
        var fill = rowStart
        var cols = [Int32](repeating: 0, count: matrix.indices.count)
        for j in 0 ..< m {
            for k in matrix.offsets[j] ..< matrix.offsets[j + 1] {
                let d = Int(matrix.indices[k])
                cols[fill[d]] = Int32(j)
                fill[d] += 1
            }
        }
        // 64-bit FNV-1a hash per row, tag included.
        var hashes = [UInt64](repeating: 0, count: n)
        for i in 0 ..< n {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            h = (h ^ UInt64(UInt32(bitPattern: tags?[i] ?? 0))) &* 0x100_0000_01b3
            for k in rowStart[i] ..< rowStart[i + 1] {
                h = (h ^ UInt64(UInt32(bitPattern: cols[k]))) &* 0x100_0000_01b3
            }
            h = (h ^ UInt64(rowStart[i + 1] - rowStart[i])) &* 0x100_0000_01b3
            hashes[i] = h
        }
        let order = (0 ..< n).sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        func sameRow(_ a: Int, _ b: Int) -> Bool {
            if (tags?[a] ?? 0) != (tags?[b] ?? 0) { return false }
            let la = rowStart[a + 1] - rowStart[a]
            guard la == rowStart[b + 1] - rowStart[b] else { return false }
            for k in 0 ..< la where cols[rowStart[a] + k] != cols[rowStart[b] + k] { return false }
            return true
        }
        // Representative (lowest original index) per class, found within equal-hash runs.
        var representative = [Int](repeating: -1, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && hashes[order[end]] == hashes[order[start]] { end += 1 }
            var reps: [Int] = []
            for p in start ..< end {
                let i = order[p]
                if let r = reps.first(where: { sameRow($0, i) }) {
                    representative[i] = r
                } else {
                    reps.append(i)
                    representative[i] = i
                }
            }
            start = end
        }
        // Merged ids in order of first occurrence.
        var mergedOf = [Int32](repeating: -1, count: n)
        var mergedWeights: [Double] = []
        var mergedTags: [Int32] = []
        for i in 0 ..< n {
            let r = representative[i]
            if mergedOf[r] < 0 {
                mergedOf[r] = Int32(mergedWeights.count)
                mergedWeights.append(0)
                mergedTags.append(tags?[i] ?? 0)
            }
            mergedOf[i] = mergedOf[r]
            mergedWeights[Int(mergedOf[i])] += weights[i]
        }
        // New CSR by facility: map, sort, unique.
        var offsets = [0]
        offsets.reserveCapacity(m + 1)
        var indices: [Int32] = []
        indices.reserveCapacity(matrix.indices.count)
        var scratch: [Int32] = []
        for j in 0 ..< m {
            scratch.removeAll(keepingCapacity: true)
            for k in matrix.offsets[j] ..< matrix.offsets[j + 1] { scratch.append(mergedOf[Int(matrix.indices[k])]) }
            scratch.sort()
            var last: Int32 = -1
            for v in scratch where v != last {
                indices.append(v)
                last = v
            }
            offsets.append(indices.count)
        }
        self.matrix = try CoverageMatrix(demandCount: mergedWeights.count, offsets: offsets, indices: indices)
        self.weights = mergedWeights
        self.mergedIndexOfDemand = mergedOf
        self.tags = mergedTags
    }
}
