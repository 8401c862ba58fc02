/// A uniform grid over a point set: the package's one spatial hash for radius queries over
/// points (coverage matrix, neighbour graphs, kernel density, band selection, benchmarks).
///
/// Buckets are stored in CSR layout: the points of cell `c` sit at slots
/// `cellStarts[c] ..< cellStarts[c + 1]`, row-major by cell and ascending by point id within
/// a cell; `ids`, `xs` and `ys` hold each slot's point id and a copy of its coordinates (so a
/// scan reads memory in order). Building is O(n + cells); a query touches only the cells that
/// meet the query's box, and the caller filters by exact distance. Never a dense matrix.
public struct PointGrid: Sendable {
    /// Lower-left corner of cell (0, 0): the smallest x and y of the points (0 when empty).
    public let originX: Double
    public let originY: Double
    /// Side of a cell in metres: the requested size, doubled until there are at most about
    /// four cells per point (and at most 4 million), so memory stays linear in n.
    public let cellSizeMeters: Double
    public let columns: Int
    public let rows: Int
    /// Start of each cell's slots (`columns * rows + 1` entries).
    public let cellStarts: [Int]
    /// Point id of each slot.
    public let ids: [Int32]
    /// Coordinates of each slot (copies of the input, in slot order).
    public let xs: [Double]
    public let ys: [Double]

    /// Builds the grid over `points` (metres in the working CRS).
    /// - Parameter cellSizeMeters: the wanted cell side (usually the query radius); grown
    ///   when the points are few for their extent.
    /// - Complexity: O(n + cells), cells ≤ max(16, min(4n, 4,000,000)).
    public init(points: PlanarPointSet, cellSizeMeters requested: Double) {
        self.init(xs: points.xs, ys: points.ys, cellSizeMeters: requested)
    }

    /// Builds the grid over the points `(xs[i], ys[i])`; see ``init(points:cellSizeMeters:)``.
    public init(xs pointXs: [Double], ys pointYs: [Double], cellSizeMeters requested: Double) {
        let n = min(pointXs.count, pointYs.count)
        var lo = (x: Double.infinity, y: Double.infinity), hi = (x: -Double.infinity, y: -Double.infinity)
        for i in 0 ..< n {
            lo.x = min(lo.x, pointXs[i]); lo.y = min(lo.y, pointYs[i])
            hi.x = max(hi.x, pointXs[i]); hi.y = max(hi.y, pointYs[i])
        }
        if n == 0 { lo = (0, 0); hi = (0, 0) }
        var side = max(requested, 1e-9)
        let span = max(hi.x - lo.x, hi.y - lo.y, 1e-9)
        let cap = Double(max(16, min(4 * n, 4_000_000)))
        while ((hi.x - lo.x) / side + 1) * ((hi.y - lo.y) / side + 1) > cap, side < span {
            side *= 2
        }
        let columns = Int(((hi.x - lo.x) / side).rounded(.down)) + 1
        let rows = Int(((hi.y - lo.y) / side).rounded(.down)) + 1
        var starts = [Int](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int](repeating: 0, count: n)
        for i in 0 ..< n {
            let c = min(columns - 1, Int((pointXs[i] - lo.x) / side))
            let r = min(rows - 1, Int((pointYs[i] - lo.y) / side))
            cellOf[i] = r * columns + c
            starts[cellOf[i] + 1] += 1
        }
        for c in 0 ..< columns * rows { starts[c + 1] += starts[c] }
        var fill = starts
        var ids = [Int32](repeating: 0, count: n)
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            let k = fill[cellOf[i]]
            fill[cellOf[i]] += 1
            ids[k] = Int32(i); xs[k] = pointXs[i]; ys[k] = pointYs[i]
        }
        originX = lo.x; originY = lo.y; cellSizeMeters = side
        self.columns = columns; self.rows = rows
        cellStarts = starts
        self.ids = ids; self.xs = xs; self.ys = ys
    }

    /// Number of points.
    public var count: Int { ids.count }

    /// Calls `body(slot)` for every slot (index into ``ids``, ``xs``, ``ys``) in a cell that
    /// meets the box `[x ± radius] × [y ± radius]`, cells row by row; the caller filters by
    /// exact distance.
    @inlinable
    public func forEachSlot(near x: Double, _ y: Double, radius: Double, _ body: (Int) -> Void) {
        guard !ids.isEmpty else { return }
        let c0 = max(0, Int(((x - radius - originX) / cellSizeMeters).rounded(.down)))
        let c1 = min(columns - 1, Int(((x + radius - originX) / cellSizeMeters).rounded(.down)))
        let r0 = max(0, Int(((y - radius - originY) / cellSizeMeters).rounded(.down)))
        let r1 = min(rows - 1, Int(((y + radius - originY) / cellSizeMeters).rounded(.down)))
        guard c0 <= c1, r0 <= r1 else { return }
        cellStarts.withUnsafeBufferPointer { starts in
            for r in r0 ... r1 {
                let base = r * columns
                for slot in starts[base + c0] ..< starts[base + c1 + 1] { body(slot) }
            }
        }
    }

    /// ``forEachSlot(near:_:radius:_:)`` giving point ids instead of slots.
    @inlinable
    public func forEachCandidate(x: Double, y: Double, radius: Double, _ body: (Int) -> Void) {
        ids.withUnsafeBufferPointer { ids in
            forEachSlot(near: x, y, radius: radius) { body(Int(ids[$0])) }
        }
    }

    /// Distances from point `i` of the set the grid was built on, at `(x, y)`, to its `k`
    /// nearest other points, ascending (fewer when the set has fewer than `k + 1` points).
    /// Widens the search until the k-th distance is certain.
    public func nearestDistances(from i: Int, x: Double, y: Double, k: Int) -> [Double] {
        let want = min(k, count - 1)
        guard want > 0 else { return [] }
        var radius = cellSizeMeters
        var d: [Double] = []
        while true {
            d.removeAll(keepingCapacity: true)
            forEachSlot(near: x, y, radius: radius) { s in
                guard Int(ids[s]) != i else { return }
                let dx = xs[s] - x, dy = ys[s] - y
                let dist = (dx * dx + dy * dy).squareRoot()
                if dist <= radius { d.append(dist) }
            }
            if d.count >= want {
                d.sort()
                return Array(d.prefix(want))
            }
            radius *= 2
        }
    }
}
