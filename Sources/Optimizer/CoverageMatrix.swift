/// Which demand points each candidate facility (a camera at a site with a heading) covers,
/// as a sparse matrix in CSR layout by facility: the demand indices covered by facility `j`
/// are `indices[offsets[j] ..< offsets[j + 1]]`, sorted ascending and without repeats.
///
/// The optimizer sees only this matrix, demand weights and facility costs, never geometry
/// (the numeric-core / geometry-adapter split of pysal/spopt).
public struct CoverageMatrix: Sendable, Equatable {
    /// Number of demand points (rows of the dense matrix).
    public let demandCount: Int
    /// `facilityCount + 1` offsets into `indices`, starting at 0.
    public let offsets: [Int]
    /// Demand indices, grouped by facility.
    public let indices: [Int32]

    public var facilityCount: Int { offsets.count - 1 }

    /// Builds the matrix from per-facility lists, sorting and de-duplicating each.
    /// - Throws: ``OptimizerError/invalidMatrix(_:)`` when an index is outside `0..<demandCount`.
    public init(demandCount: Int, coverage: [[Int]]) throws {
        var offsets = [0]
        offsets.reserveCapacity(coverage.count + 1)
        var indices: [Int32] = []
        for (j, list) in coverage.enumerated() {
            var seen = Array(Set(list)).sorted()
            if let bad = seen.first(where: { $0 < 0 || $0 >= demandCount }) {
                throw OptimizerError.invalidMatrix("facility \(j) covers demand \(bad), outside 0..<\(demandCount)")
            }
            indices.append(contentsOf: seen.map { Int32($0) })
            offsets.append(indices.count)
            seen.removeAll()
        }
        self.demandCount = demandCount
        self.offsets = offsets
        self.indices = indices
    }

    /// Takes CSR arrays as they are, after checking their shape.
    /// - Throws: ``OptimizerError/invalidMatrix(_:)`` when the offsets do not rise from 0 to
    ///   `indices.count`, an index is outside `0..<demandCount`, or a facility's indices are not
    ///   strictly ascending. O(nnz).
    public init(demandCount: Int, offsets: [Int], indices: [Int32]) throws {
        guard offsets.first == 0, offsets.last == indices.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw OptimizerError.invalidMatrix("offsets must start at 0, rise, and end at indices.count")
        }
        guard indices.allSatisfy({ $0 >= 0 && Int($0) < demandCount }) else {
            throw OptimizerError.invalidMatrix("a demand index is outside 0..<\(demandCount)")
        }
        // The solver's coverage counts rely on each facility listing a point at most once.
        for j in 0 ..< offsets.count - 1 where offsets[j + 1] - offsets[j] > 1 {
            for k in offsets[j] + 1 ..< offsets[j + 1] where indices[k] <= indices[k - 1] {
                throw OptimizerError.invalidMatrix("facility \(j): demand indices must be strictly ascending")
            }
        }
        self.demandCount = demandCount
        self.offsets = offsets
        self.indices = indices
    }

    /// The demand indices covered by facility `j`.
    @inlinable
    public func covered(by j: Int) -> ArraySlice<Int32> { indices[offsets[j] ..< offsets[j + 1]] }
}

/// Errors of the optimizer layer.
public enum OptimizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The coverage matrix is malformed (the message says where).
    case invalidMatrix(String)
    /// The problem's data or constraints are invalid or infeasible (the message names the value).
    case invalidProblem(String)
    /// LSCP: the target share is not reached within the budget (the message gives the figures).
    case targetNotReached(String)

    public var description: String {
        switch self {
        case .invalidMatrix(let m): "invalid coverage matrix: \(m)"
        case .invalidProblem(let m): m
        case .targetNotReached(let m): m
        }
    }
}
