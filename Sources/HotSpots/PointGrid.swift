import GeoKit

/// A uniform grid hash over a point set (bucket side `bucketMeters`), bucket contents in CSR
/// layout: the points of bucket `b` are `order[starts[b] ..< starts[b + 1]]`. Built in O(n).
struct PointGrid: Sendable {
    let minX: Double
    let minY: Double
    let bucketMeters: Double
    let columns: Int
    let rows: Int
    let starts: [Int]
    let order: [Int32]

    init(xs: [Double], ys: [Double], bucketMeters requested: Double) {
        let n = xs.count
        var lo = (x: Double.infinity, y: Double.infinity), hi = (x: -Double.infinity, y: -Double.infinity)
        for i in 0..<n {
            lo.x = min(lo.x, xs[i]); lo.y = min(lo.y, ys[i])
            hi.x = max(hi.x, xs[i]); hi.y = max(hi.y, ys[i])
        }
        if n == 0 { lo = (0, 0); hi = (0, 0) }
        // Cap the bucket count near 4n so that a tiny band over a wide area stays O(n) memory.
        var side = max(requested, 1e-9)
        let span = max(hi.x - lo.x, hi.y - lo.y, 1e-9)
        let cap = Double(max(4 * n, 16))
        while ((hi.x - lo.x) / side + 1) * ((hi.y - lo.y) / side + 1) > cap, side < span {
            side *= 2
        }
        minX = lo.x; minY = lo.y; bucketMeters = side
        columns = Int(((hi.x - lo.x) / side).rounded(.down)) + 1
        rows = Int(((hi.y - lo.y) / side).rounded(.down)) + 1
        var counts = [Int](repeating: 0, count: columns * rows + 1)
        var bucketOf = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let c = min(columns - 1, Int((xs[i] - lo.x) / side))
            let r = min(rows - 1, Int((ys[i] - lo.y) / side))
            let b = r * columns + c
            bucketOf[i] = b
            counts[b + 1] += 1
        }
        for b in 0..<(columns * rows) { counts[b + 1] += counts[b] }
        var fill = counts
        var order = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            order[fill[bucketOf[i]]] = Int32(i)
            fill[bucketOf[i]] += 1
        }
        starts = counts
        self.order = order
    }

    @inline(__always)
    func column(_ x: Double) -> Int { Int(((x - minX) / bucketMeters).rounded(.down)) }
    @inline(__always)
    func row(_ y: Double) -> Int { Int(((y - minY) / bucketMeters).rounded(.down)) }

    /// Calls `body` with every point index in buckets overlapping the square of half-side
    /// `radius` around `(x, y)`; the caller filters by exact distance.
    @inline(__always)
    func forEachCandidate(x: Double, y: Double, radius: Double, _ body: (Int) -> Void) {
        let c0 = max(0, column(x - radius)), c1 = min(columns - 1, column(x + radius))
        let r0 = max(0, row(y - radius)), r1 = min(rows - 1, row(y + radius))
        guard c0 <= c1, r0 <= r1 else { return }
        order.withUnsafeBufferPointer { ord in
            starts.withUnsafeBufferPointer { st in
                for r in r0...r1 {
                    let base = r * columns
                    for k in st[base + c0] ..< st[base + c1 + 1] { body(Int(ord[k])) }
                }
            }
        }
    }

    /// Distances from point `i` to its `k` nearest other points, ascending (fewer when the
    /// set has fewer than `k + 1` points). Expands the search ring until the k-th distance is
    /// certain.
    func nearestDistances(from i: Int, k: Int, xs: [Double], ys: [Double]) -> [Double] {
        let n = xs.count
        let want = min(k, n - 1)
        guard want > 0 else { return [] }
        var radius = bucketMeters
        let x = xs[i], y = ys[i]
        while true {
            var d: [Double] = []
            forEachCandidate(x: x, y: y, radius: radius) { j in
                if j != i {
                    let dx = xs[j] - x, dy = ys[j] - y
                    let dist = (dx * dx + dy * dy).squareRoot()
                    if dist <= radius { d.append(dist) }
                }
            }
            if d.count >= want {
                d.sort()
                return Array(d.prefix(want))
            }
            radius *= 2
        }
    }
}
