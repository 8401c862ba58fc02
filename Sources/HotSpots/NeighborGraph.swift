import GeoKit

/// Binary fixed-distance-band neighbours of analysis units, in CSR layout: the neighbours of
/// unit `i` (excluding `i` itself) are `indices[offsets[i] ..< offsets[i + 1]]`, ascending.
///
/// Rule: `j` is a neighbour of `i` when the distance between their centres is `<= bandMeters`
/// (inclusive, as libpysal `DistanceBand(binary=True)` and ArcGIS FIXED_DISTANCE_BAND).
/// Gi* adds the self-weight itself.
public struct NeighborGraph: Sendable, Equatable {
    /// The band used, metres.
    public let bandMeters: Double
    /// `count + 1` offsets into `indices`.
    public let offsets: [Int]
    /// Neighbour indices, grouped by unit.
    public let indices: [Int32]

    /// Number of units.
    public var count: Int { offsets.count - 1 }

    /// Number of neighbours of unit `i` (self excluded).
    @inlinable
    public func degree(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

    /// Neighbours of unit `i` (self excluded).
    public func neighbors(of i: Int) -> ArraySlice<Int32> { indices[offsets[i] ..< offsets[i + 1]] }

    /// Units without any neighbour (islands).
    public var islandCount: Int { (0..<count).reduce(0) { $0 + (degree($1) == 0 ? 1 : 0) } }

    /// Builds the graph with a uniform grid hash of side `bandMeters`: each unit scans the
    /// 3 x 3 buckets around it. Expected O(n k) for k neighbours per unit; no n x n matrix.
    /// - Parameters:
    ///   - centers: unit centres, metres in the working CRS.
    ///   - bandMeters: the distance band (> 0).
    ///   - memoryBudget: the pairs are estimated first (``estimatedPairs(grid:xs:ys:bandMeters:)``)
    ///     and the graph is refused when they would need more than this.
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for a band <= 0;
    ///   ``GeoError/overMemoryBudget(what:count:estimatedBytes:budgetBytes:change:)``.
    public init(centers: PlanarPointSet, bandMeters: Double, memoryBudget: MemoryBudget = .machineDefault) throws {
        guard bandMeters > 0, bandMeters.isFinite else {
            throw HotSpotError.invalidParameter(name: "band", value: "\(bandMeters)", expected: "a positive distance in metres")
        }
        let xs = centers.xs, ys = centers.ys
        let n = xs.count
        let grid = PointGrid(xs: xs, ys: ys, cellSizeMeters: bandMeters)
        try memoryBudget.require("neighbour pairs of \(n) hot-spot cells within a band of \(HotSpotError.meters(bandMeters))",
                                 count: Self.estimatedPairs(grid: grid, xs: xs, ys: ys, bandMeters: bandMeters),
                                 bytesEach: Self.peakBytesPerPair,
                                 change: "use a larger --cell or a smaller --band (or raise --max-memory)")
        let band2 = bandMeters * bandMeters
        var offsets = [Int](repeating: 0, count: n + 1)
        var indices: [Int32] = []
        indices.reserveCapacity(n * 8)
        var scratch: [Int32] = []
        for i in 0..<n {
            scratch.removeAll(keepingCapacity: true)
            let x = xs[i], y = ys[i]
            grid.forEachCandidate(x: x, y: y, radius: bandMeters) { j in
                guard j != i else { return }
                let dx = xs[j] - x, dy = ys[j] - y
                if dx * dx + dy * dy <= band2 { scratch.append(Int32(j)) }
            }
            scratch.sort()
            indices.append(contentsOf: scratch)
            offsets[i + 1] = indices.count
        }
        self.bandMeters = bandMeters
        self.offsets = offsets
        self.indices = indices
    }

    /// Peak bytes per neighbour pair while the graph is built: an `Int32` index, up to three
    /// times over while the growing array copies itself into twice its capacity.
    public static let peakBytesPerPair = 12.0

    /// Neighbour pairs (self excluded) estimated from an exact count around at most 256
    /// evenly spread units, scaled to all: O(256 k) instead of O(n k).
    static func estimatedPairs(grid: PointGrid, xs: [Double], ys: [Double], bandMeters: Double) -> Double {
        let n = xs.count
        guard n > 1 else { return 0 }
        let samples = min(n, 256)
        let band2 = bandMeters * bandMeters
        var found = 0
        for k in 0 ..< samples {
            let i = k * n / samples
            grid.forEachCandidate(x: xs[i], y: ys[i], radius: bandMeters) { j in
                let dx = xs[j] - xs[i], dy = ys[j] - ys[i]
                if j != i, dx * dx + dy * dy <= band2 { found += 1 }
            }
        }
        return Double(found) / Double(samples) * Double(n)
    }

    /// Takes CSR arrays as they are (for tests and callers with their own weights).
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` on a malformed shape.
    public init(bandMeters: Double, offsets: [Int], indices: [Int32]) throws {
        guard offsets.first == 0, offsets.last == indices.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              indices.allSatisfy({ $0 >= 0 && Int($0) < offsets.count - 1 }) else {
            throw HotSpotError.invalidParameter(name: "neighbour graph", value: "CSR arrays", expected: "rising offsets from 0 to indices.count and indices within the unit count")
        }
        self.bandMeters = bandMeters
        self.offsets = offsets
        self.indices = indices
    }
}
