import GeoKit

/// A uniform grid over a point set (CSR: cell → point ids, with the coordinates copied in
/// cell order for cache-friendly scans). Building: O(n + cells); a disc query touches the
/// cells meeting the disc's box. Never a dense distance matrix.
struct PointGridIndex: Sendable {
    let originX: Double, originY: Double, cellSizeMeters: Double
    let nx: Int, ny: Int
    let cellOffsets: [Int]
    let ids: [Int32]
    let xs: [Double]
    let ys: [Double]

    init(points: PlanarPointSet, cellSizeMeters: Double) {
        let n = points.count
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0 ..< n {
            minX = min(minX, points.xs[i]); maxX = max(maxX, points.xs[i])
            minY = min(minY, points.ys[i]); maxY = max(maxY, points.ys[i])
        }
        if n == 0 { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        var cell = cellSizeMeters
        // At most ~4 cells per point (and 4 million cells) keeps memory linear in n.
        let cap = Double(max(1024, min(4_000_000, 4 * n)))
        while ((maxX - minX) / cell + 1) * ((maxY - minY) / cell + 1) > cap { cell *= 1.5 }
        let nx = Int((maxX - minX) / cell) + 1, ny = Int((maxY - minY) / cell) + 1
        var cellOf = [Int](repeating: 0, count: n)
        var offsets = [Int](repeating: 0, count: nx * ny + 1)
        for i in 0 ..< n {
            let cx = min(nx - 1, Int((points.xs[i] - minX) / cell))
            let cy = min(ny - 1, Int((points.ys[i] - minY) / cell))
            cellOf[i] = cy * nx + cx
            offsets[cellOf[i] + 1] += 1
        }
        for c in 0 ..< nx * ny { offsets[c + 1] += offsets[c] }
        var fill = offsets
        var ids = [Int32](repeating: 0, count: n)
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            let k = fill[cellOf[i]]
            fill[cellOf[i]] += 1
            ids[k] = Int32(i); xs[k] = points.xs[i]; ys[k] = points.ys[i]
        }
        self.originX = minX; self.originY = minY; self.cellSizeMeters = cell
        self.nx = nx; self.ny = ny
        self.cellOffsets = offsets
        self.ids = ids; self.xs = xs; self.ys = ys
    }

    /// Calls `body(slot)` for every stored slot (index into `ids`/`xs`/`ys`) in a cell that
    /// meets the box `[x ± r] × [y ± r]`.
    @inline(__always)
    func forEachSlot(near x: Double, _ y: Double, radius r: Double, _ body: (Int) -> Void) {
        guard !ids.isEmpty else { return }
        let x0 = max(0, Int(((x - r - originX) / cellSizeMeters).rounded(.down)))
        let x1 = min(nx - 1, Int(((x + r - originX) / cellSizeMeters).rounded(.down)))
        let y0 = max(0, Int(((y - r - originY) / cellSizeMeters).rounded(.down)))
        let y1 = min(ny - 1, Int(((y + r - originY) / cellSizeMeters).rounded(.down)))
        guard x0 <= x1, y0 <= y1 else { return }
        for j in y0 ... y1 {
            let row = j * nx
            for s in cellOffsets[row + x0] ..< cellOffsets[row + x1 + 1] { body(s) }
        }
    }
}
