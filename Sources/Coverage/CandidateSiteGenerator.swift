import GeoKit

/// Builds candidate camera sites: from a point layer, from a road network (junctions and
/// regular samples), or from a grid inside the study area; then de-duplicates and applies
/// exclusion areas. All coordinates are metres in the working CRS.
///
/// Snapping and de-duplication hash points into a uniform grid of cells one tolerance wide
/// and compare only with the 3 × 3 neighbouring cells: O(n) expected.
public enum CandidateSiteGenerator {
    /// Sites from a point layer; ids default to the 0-based row number.
    /// - Throws: ``CoverageError/siteIdCountMismatch(points:ids:)``.
    public static func fromPoints(_ points: [PlanarPoint], ids: [String]? = nil) throws -> [CandidateSite] {
        if let ids, ids.count != points.count {
            throw CoverageError.siteIdCountMismatch(points: points.count, ids: ids.count)
        }
        return points.enumerated().map { i, p in
            CandidateSite(id: ids?[i] ?? String(i), location: p, source: .given)
        }
    }

    /// Road junctions: vertices (snapped within `snapToleranceMeters`) where at least three
    /// segment ends meet — an interior vertex counts two ends, a line end one. Two ways that
    /// merely continue each other end to end (two ends) are not a junction, which keeps the
    /// artificial splits of OpenStreetMap ways out; roads crossing without a shared vertex
    /// (bridges) are not junctions either. Junction location: the mean of the snapped
    /// vertices. Ids `x0`, `x1`, … in order of first appearance.
    /// - Throws: ``CoverageError/invalidSpacing(field:value:)`` for a tolerance ≤ 0.
    public static func roadIntersections(_ roads: [LineString<PlanarPoint>],
                                         snapToleranceMeters: Double = 1) throws -> [CandidateSite] {
        try requirePositive(snapToleranceMeters, "snap tolerance")
        var hash = PointHash(cellSizeMeters: snapToleranceMeters)
        var sumX: [Double] = [], sumY: [Double] = [], members: [Int] = [], ends: [Int] = []
        for road in roads {
            let pts = dropRepeats(road.points)
            guard pts.count >= 2 else { continue }
            for (k, p) in pts.enumerated() {
                let endCount = (k == 0 || k == pts.count - 1) ? 1 : 2
                let c: Int
                if let found = hash.nearest(to: p, within: snapToleranceMeters) {
                    c = found
                } else {
                    c = hash.insert(p)
                    sumX.append(0); sumY.append(0); members.append(0); ends.append(0)
                }
                sumX[c] += p.x; sumY[c] += p.y; members[c] += 1; ends[c] += endCount
            }
        }
        var out: [CandidateSite] = []
        for c in 0 ..< ends.count where ends[c] >= 3 {
            let n = Double(members[c])
            out.append(CandidateSite(id: "x\(out.count)", location: PlanarPoint(x: sumX[c] / n, y: sumY[c] / n),
                                     source: .roadIntersection))
        }
        return out
    }

    /// Points every `spacingMeters` along each road, starting at its first vertex
    /// (distance 0, spacing, 2·spacing, … ≤ length). Ids `r<road>_<k>`.
    /// - Throws: ``CoverageError/invalidSpacing(field:value:)``.
    public static func alongRoads(_ roads: [LineString<PlanarPoint>], spacingMeters: Double,
                                  memoryBudget: MemoryBudget = .machineDefault) throws -> [CandidateSite] {
        try requirePositive(spacingMeters, "road sample spacing")
        let length = roads.reduce(0.0) { total, road in
            zip(road.points, road.points.dropFirst()).reduce(total) { $0 + $1.0.distance(to: $1.1) }
        }
        try memoryBudget.require("candidate sites every \(spacingMeters) m along \(Int(length / 1000)) km of roads",
                                 count: length / spacingMeters + Double(roads.count), bytesEach: peakBytesPerSite,
                                 change: "use a larger --site-spacing (or raise --max-memory)")
        var out: [CandidateSite] = []
        for (r, road) in roads.enumerated() {
            for (k, p) in samplePoints(along: road.points, spacingMeters: spacingMeters).enumerated() {
                out.append(CandidateSite(id: "r\(r)_\(k)", location: p, source: .roadSample))
            }
        }
        return out
    }

    /// Grid nodes at cell centres of a `spacingMeters` grid over `bounds`, kept where `inside`
    /// holds (a ward polygon test, say). Ids `g<column>_<row>`.
    /// - Throws: ``CoverageError/invalidSpacing(field:value:)``;
    ///   ``CoverageError/noCandidateInsideArea`` when no node is inside.
    public static func grid(in bounds: BoundingBox<PlanarPoint>, spacingMeters: Double, memoryBudget: MemoryBudget = .machineDefault,
                            inside: (PlanarPoint) -> Bool) throws -> [CandidateSite] {
        try requirePositive(spacingMeters, "grid spacing")
        let columns = (bounds.width / spacingMeters).rounded(.up), rows = (bounds.height / spacingMeters).rounded(.up)
        try memoryBudget.require("candidate grid nodes every \(spacingMeters) m", count: max(1, columns) * max(1, rows),
                                 bytesEach: peakBytesPerSite, change: "use a larger --site-spacing (or raise --max-memory)")
        let nx = max(1, Int(columns)), ny = max(1, Int(rows))
        var out: [CandidateSite] = []
        for j in 0 ..< ny {
            for i in 0 ..< nx {
                let p = PlanarPoint(x: bounds.minX + (Double(i) + 0.5) * spacingMeters,
                                    y: bounds.minY + (Double(j) + 0.5) * spacingMeters)
                if inside(p) { out.append(CandidateSite(id: "g\(i)_\(j)", location: p, source: .grid)) }
            }
        }
        guard !out.isEmpty else { throw CoverageError.noCandidateInsideArea }
        return out
    }

    /// Peak bytes per candidate site: the ``CandidateSite`` (id string, point, source), its
    /// copies in the study's point set, ward and keep arrays, and array growth.
    public static let peakBytesPerSite = 160.0

    /// Drops every site closer than `toleranceMeters` to an earlier kept site (input order
    /// decides, so put given sites and junctions before road samples).
    /// - Throws: ``CoverageError/invalidSpacing(field:value:)``.
    public static func deduplicated(_ sites: [CandidateSite], toleranceMeters: Double) throws -> [CandidateSite] {
        try requirePositive(toleranceMeters, "de-duplication tolerance")
        var hash = PointHash(cellSizeMeters: toleranceMeters)
        var out: [CandidateSite] = []
        for s in sites where hash.nearest(to: s.location, within: toleranceMeters, strict: true) == nil {
            _ = hash.insert(s.location)
            out.append(s)
        }
        return out
    }

    /// Removes sites where `excluded` holds (inside an exclusion area, say).
    public static func excluding(_ sites: [CandidateSite], where excluded: (PlanarPoint) -> Bool) -> [CandidateSite] {
        sites.filter { !excluded($0.location) }
    }

    /// Sites from a road layer: junctions, then samples every `spacingMeters`, de-duplicated
    /// within `dedupToleranceMeters` (junctions win), optionally filtered by `inside`.
    /// - Throws: spacing errors; ``CoverageError/noCandidateInsideArea`` when nothing is left.
    public static func fromRoads(_ roads: [LineString<PlanarPoint>], spacingMeters: Double,
                                 snapToleranceMeters: Double = 1, dedupToleranceMeters: Double = 5,
                                 inside: ((PlanarPoint) -> Bool)? = nil, memoryBudget: MemoryBudget = .machineDefault) throws -> [CandidateSite] {
        var all = try roadIntersections(roads, snapToleranceMeters: snapToleranceMeters)
        all += try alongRoads(roads, spacingMeters: spacingMeters, memoryBudget: memoryBudget)
        if let inside { all = all.filter { inside($0.location) } }
        let out = try deduplicated(all, toleranceMeters: dedupToleranceMeters)
        guard !out.isEmpty else { throw CoverageError.noCandidateInsideArea }
        return out
    }

    /// Points every `spacingMeters` along a polyline from its start (shared with demand sampling).
    static func samplePoints(along line: [PlanarPoint], spacingMeters: Double) -> [PlanarPoint] {
        let pts = dropRepeats(line)
        guard let first = pts.first else { return [] }
        var out = [first]
        var nextAt = spacingMeters   // distance along the line of the next sample
        var travelled = 0.0
        for k in pts.indices.dropFirst() {
            let a = pts[k - 1], b = pts[k]
            let len = a.distance(to: b)
            while nextAt <= travelled + len + 1e-9 {
                let t = min(1, (nextAt - travelled) / len)
                out.append(PlanarPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
                nextAt += spacingMeters
            }
            travelled += len
        }
        return out
    }

    static func dropRepeats(_ pts: [PlanarPoint]) -> [PlanarPoint] {
        var out: [PlanarPoint] = []
        out.reserveCapacity(pts.count)
        for p in pts where out.last != p { out.append(p) }
        return out
    }

    static func requirePositive(_ v: Double, _ field: String) throws {
        guard v.isFinite, v > 0 else { throw CoverageError.invalidSpacing(field: field, value: v) }
    }
}

/// A uniform hash grid of points for snapping: cells `cellSizeMeters` wide, 3 × 3 lookups.
struct PointHash {
    struct Cell: Hashable { var x: Int; var y: Int }
    let cellSizeMeters: Double
    private var cells: [Cell: [Int]] = [:]
    private(set) var points: [PlanarPoint] = []

    init(cellSizeMeters: Double) { self.cellSizeMeters = cellSizeMeters }

    private func cell(_ p: PlanarPoint) -> Cell {
        Cell(x: Int((p.x / cellSizeMeters).rounded(.down)), y: Int((p.y / cellSizeMeters).rounded(.down)))
    }

    /// Adds `p` and returns its index.
    mutating func insert(_ p: PlanarPoint) -> Int {
        points.append(p)
        cells[cell(p), default: []].append(points.count - 1)
        return points.count - 1
    }

    /// The nearest stored point within `radius` (inclusive unless `strict`), if any.
    func nearest(to p: PlanarPoint, within radius: Double, strict: Bool = false) -> Int? {
        let c = cell(p)
        var best: Int?
        var bestD = radius
        for dy in -1 ... 1 {
            for dx in -1 ... 1 {
                guard let list = cells[Cell(x: c.x + dx, y: c.y + dy)] else { continue }
                for i in list {
                    let d = points[i].distance(to: p)
                    if d < bestD || (!strict && d == bestD && best == nil) { bestD = d; best = i }
                }
            }
        }
        return best
    }
}
