import GeoKit

/// Building footprints as occluding edges (exterior rings and holes), in metres in the
/// working CRS, with a uniform grid index (CSR: cell → edge ids) so that a camera only looks
/// at the edges within its range. Building: O(E + cells); a query: O(cells touched + edges found).
///
/// Obstacles are 2-D: a wall hides everything behind it whatever its height (DOMAIN.md:
/// "2D obstacles are conservative").
public struct ObstacleIndex: Sendable {
    let ax: [Double], ay: [Double], bx: [Double], by: [Double]
    /// Edges of building `b` are `buildingEdgeStart[b] ..< buildingEdgeStart[b + 1]`.
    let buildingEdgeStart: [Int]
    let edgeBuilding: [Int32]
    let buildingBounds: [BoundingBox<PlanarPoint>]
    let originX: Double, originY: Double, cellSizeMeters: Double
    let nx: Int, ny: Int
    let cellOffsets: [Int]
    let cellEdges: [Int32]

    /// A camera closer than this to a building's boundary counts as mounted on it, metres.
    public static let hostToleranceMeters = 0.05

    /// Indexes `buildings`.
    /// - Parameter cellSizeMeters: grid cell width; about the camera range is a good choice.
    ///   Enlarged automatically so that the grid has at most 4 million cells.
    /// - Throws: ``CoverageError/invalidSpacing(field:value:)`` for a cell size ≤ 0.
    public init(buildings: [Polygon<PlanarPoint>], cellSizeMeters: Double = 50) throws {
        try CandidateSiteGenerator.requirePositive(cellSizeMeters, "obstacle grid cell size")
        var ax: [Double] = [], ay: [Double] = [], bx: [Double] = [], by: [Double] = []
        var start = [0], owner: [Int32] = [], bounds: [BoundingBox<PlanarPoint>] = []
        for (b, poly) in buildings.enumerated() {
            for ring in [poly.exterior] + poly.holes where ring.count >= 2 {
                for k in ring.indices.dropFirst() where ring[k - 1] != ring[k] {
                    ax.append(ring[k - 1].x); ay.append(ring[k - 1].y)
                    bx.append(ring[k].x); by.append(ring[k].y)
                    owner.append(Int32(b))
                }
                // Rings from GeoKit are closed; close an open one here.
                if let f = ring.first, let l = ring.last, f != l {
                    ax.append(l.x); ay.append(l.y); bx.append(f.x); by.append(f.y); owner.append(Int32(b))
                }
            }
            start.append(ax.count)
            let bb = poly.bounds ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
            bounds.append(bb)
        }
        let box = BoundingBox(enclosing: buildings.lazy.map(\.bounds)) ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
        var cell = cellSizeMeters
        while (box.width / cell + 1) * (box.height / cell + 1) > 4_000_000 { cell *= 2 }
        let nx = Int(box.width / cell) + 1, ny = Int(box.height / cell) + 1
        var counts = [Int](repeating: 0, count: nx * ny + 1)
        func cellRange(_ e: Int) -> (Int, Int, Int, Int) {
            let x0 = Int((min(ax[e], bx[e]) - box.minX) / cell), x1 = Int((max(ax[e], bx[e]) - box.minX) / cell)
            let y0 = Int((min(ay[e], by[e]) - box.minY) / cell), y1 = Int((max(ay[e], by[e]) - box.minY) / cell)
            return (max(0, x0), min(nx - 1, x1), max(0, y0), min(ny - 1, y1))
        }
        for e in ax.indices {
            let (x0, x1, y0, y1) = cellRange(e)
            for j in y0 ... y1 { for i in x0 ... x1 { counts[j * nx + i + 1] += 1 } }
        }
        for c in 0 ..< nx * ny { counts[c + 1] += counts[c] }
        var fill = counts
        var cellEdges = [Int32](repeating: 0, count: counts[nx * ny])
        for e in ax.indices {
            let (x0, x1, y0, y1) = cellRange(e)
            for j in y0 ... y1 {
                for i in x0 ... x1 {
                    cellEdges[fill[j * nx + i]] = Int32(e)
                    fill[j * nx + i] += 1
                }
            }
        }
        self.ax = ax; self.ay = ay; self.bx = bx; self.by = by
        self.buildingEdgeStart = start
        self.edgeBuilding = owner
        self.buildingBounds = bounds
        self.originX = box.minX; self.originY = box.minY
        self.cellSizeMeters = cell
        self.nx = nx; self.ny = ny
        self.cellOffsets = counts
        self.cellEdges = cellEdges
    }

    /// Number of buildings indexed.
    public var buildingCount: Int { buildingBounds.count }
    /// Number of occluding edges.
    public var edgeCount: Int { ax.count }

    /// Edge ids whose grid cells meet the box `[x ± r] × [y ± r]`, ascending, no repeats.
    func edgeIDs(near p: PlanarPoint, radius r: Double) -> [Int32] {
        guard !ax.isEmpty else { return [] }
        let x0 = max(0, Int(((p.x - r - originX) / cellSizeMeters).rounded(.down)))
        let x1 = min(nx - 1, Int(((p.x + r - originX) / cellSizeMeters).rounded(.down)))
        let y0 = max(0, Int(((p.y - r - originY) / cellSizeMeters).rounded(.down)))
        let y1 = min(ny - 1, Int(((p.y + r - originY) / cellSizeMeters).rounded(.down)))
        guard x0 <= x1, y0 <= y1 else { return [] }
        var ids: [Int32] = []
        for j in y0 ... y1 {
            for i in x0 ... x1 {
                let c = j * nx + i
                ids.append(contentsOf: cellEdges[cellOffsets[c] ..< cellOffsets[c + 1]])
            }
        }
        ids.sort()
        var out: [Int32] = []
        out.reserveCapacity(ids.count)
        for e in ids where out.last != e { out.append(e) }
        return out
    }

    /// Buildings that host a camera at `p`: `p` is inside them (even-odd over all rings) or
    /// within ``hostToleranceMeters`` of their boundary. Looks at buildings with an edge within
    /// one grid cell of `p`.
    public func hostBuildings(of p: PlanarPoint) -> [Int] {
        hostBuildings(of: p, among: edgeIDs(near: p, radius: cellSizeMeters))
    }

    func hostBuildings(of p: PlanarPoint, among edgeIDs: [Int32]) -> [Int] {
        var candidates = Set<Int>()
        for e in edgeIDs { candidates.insert(Int(edgeBuilding[Int(e)])) }
        return candidates.sorted().filter { b in
            nearBoundary(b, p) || (buildingBounds[b].contains(p) && contains(b, p))
        }
    }

    /// The building a demand point lies in (or on the wall of), if any; -1 otherwise.
    /// With ``InteriorDemandRule/seenThroughOwnWalls`` its walls do not hide the point.
    /// Looks only at buildings with an edge in the point's own grid cell, so a point whose
    /// whole cell lies inside one huge building is reported as in none.
    public func hostBuilding(ofDemand p: PlanarPoint) -> Int {
        hostBuildings(of: p, among: edgeIDs(near: p, radius: Self.hostToleranceMeters)).first ?? -1
    }

    private func nearBoundary(_ b: Int, _ p: PlanarPoint) -> Bool {
        for e in buildingEdgeStart[b] ..< buildingEdgeStart[b + 1]
        where Self.segmentDistance(p.x, p.y, ax[e], ay[e], bx[e], by[e]) <= Self.hostToleranceMeters {
            return true
        }
        return false
    }

    private func contains(_ b: Int, _ p: PlanarPoint) -> Bool {
        var inside = false
        for e in buildingEdgeStart[b] ..< buildingEdgeStart[b + 1] {
            let yi = ay[e], yj = by[e]
            if (yi > p.y) != (yj > p.y) {
                let xCross = ax[e] + (p.y - yi) / (yj - yi) * (bx[e] - ax[e])
                if p.x < xCross { inside.toggle() }
            }
        }
        return inside
    }

    static func segmentDistance(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double,
                                _ bx: Double, _ by: Double) -> Double {
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0
        t = min(1, max(0, t))
        let qx = ax + t * dx - px, qy = ay + t * dy - py
        return (qx * qx + qy * qy).squareRoot()
    }

    /// The occluding edges for a camera at `site` with range `rangeMeters`: edges in the grid
    /// cells around it, without the edges of its host building (a camera inside a building
    /// or on its wall is taken as mounted on the façade and sees past that building), and
    /// without edges entirely outside the range disc.
    public func edges(visibleFrom site: PlanarPoint, rangeMeters: Double) -> ObstacleEdges {
        let ids = edgeIDs(near: site, radius: rangeMeters)
        let hosts = Set(hostBuildings(of: site, among: ids))
        var out = ObstacleEdges()
        for e32 in ids {
            let e = Int(e32)
            if hosts.contains(Int(edgeBuilding[e])) { continue }
            if Self.segmentDistance(site.x, site.y, ax[e], ay[e], bx[e], by[e]) > rangeMeters { continue }
            out.append(ax[e], ay[e], bx[e], by[e], building: edgeBuilding[e])
        }
        return out
    }
}

/// Occluding edges seen by one camera, struct-of-arrays in metres (working CRS).
public struct ObstacleEdges: Sendable, Equatable {
    var ax: [Double] = [], ay: [Double] = [], bx: [Double] = [], by: [Double] = []
    /// The building (index in the ``ObstacleIndex``) each edge belongs to.
    var building: [Int32] = []

    public init() {}

    public var count: Int { ax.count }

    mutating func append(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, building b: Int32) {
        ax.append(x0); ay.append(y0); bx.append(x1); by.append(y1); building.append(b)
    }

    /// Whether an edge cuts the sight line from `(sx, sy)` to `(px, py)`: the edge's ends are
    /// not both strictly on one side of the sight line, and the camera and the point are
    /// strictly on opposite sides of the edge. Edges of building `transparent` (the one the
    /// point lies in, or -1) are skipped. O(edges).
    func blocks(_ sx: Double, _ sy: Double, _ px: Double, _ py: Double, transparent: Int32 = -1) -> Bool {
        let dx = px - sx, dy = py - sy
        for e in 0 ..< ax.count where building[e] != transparent {
            let x0 = ax[e], y0 = ay[e]
            let ex = bx[e] - x0, ey = by[e] - y0
            let o1 = ex * (sy - y0) - ey * (sx - x0)
            let o2 = ex * (py - y0) - ey * (px - x0)
            guard (o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0) else { continue }
            let o3 = dx * (y0 - sy) - dy * (x0 - sx)
            let o4 = dx * (by[e] - sy) - dy * (bx[e] - sx)
            if !((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) { return true }
        }
        return false
    }
}
