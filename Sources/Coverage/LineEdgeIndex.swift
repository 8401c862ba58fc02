import GeoKit

/// A uniform grid over the edges of polylines (metres, working CRS), for "which line is
/// near this point" queries: road bearings at a site, carriageway corridors, snapping
/// accidents to road segments. Each edge is listed in every cell its bounding box touches.
public struct LineEdgeIndex: Sendable {
    struct Cell: Hashable { var x: Int; var y: Int }
    /// Cell width, metres.
    public let cellMeters: Double
    /// Per edge: the line it belongs to and its end points.
    public private(set) var line: [Int32] = []
    private(set) var ax: [Double] = [], ay: [Double] = [], bx: [Double] = [], by: [Double] = []
    private var cells: [Cell: [Int32]] = [:]

    /// - Parameters:
    ///   - lines: each line's vertices.
    ///   - cellMeters: grid cell width (> 0; about the usual query radius).
    public init(lines: [[PlanarPoint]], cellMeters: Double) {
        self.cellMeters = max(1e-3, cellMeters)
        for (l, pts) in lines.enumerated() {
            for (a, b) in zip(pts, pts.dropFirst()) where a != b {
                let e = Int32(line.count)
                line.append(Int32(l)); ax.append(a.x); ay.append(a.y); bx.append(b.x); by.append(b.y)
                let x0 = cellIndex(min(a.x, b.x)), x1 = cellIndex(max(a.x, b.x))
                let y0 = cellIndex(min(a.y, b.y)), y1 = cellIndex(max(a.y, b.y))
                for cx in x0 ... x1 { for cy in y0 ... y1 { cells[Cell(x: cx, y: cy), default: []].append(e) } }
            }
        }
    }

    private func cellIndex(_ v: Double) -> Int { Int((v / cellMeters).rounded(.down)) }

    /// Number of edges.
    public var edgeCount: Int { line.count }

    /// The end points of edge `e`.
    public func endpoints(ofEdge e: Int) -> (PlanarPoint, PlanarPoint) {
        (PlanarPoint(x: ax[e], y: ay[e]), PlanarPoint(x: bx[e], y: by[e]))
    }

    /// Distance from `p` to edge `e`, metres.
    public func distance(_ p: PlanarPoint, toEdge e: Int) -> Double {
        let dx = bx[e] - ax[e], dy = by[e] - ay[e]
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((p.x - ax[e]) * dx + (p.y - ay[e]) * dy) / len2 : 0
        t = min(1, max(0, t))
        let qx = ax[e] + t * dx - p.x, qy = ay[e] + t * dy - p.y
        return (qx * qx + qy * qy).squareRoot()
    }

    /// Edges listed in the cells within `radius` of `p` (a superset of the edges within
    /// `radius`), sorted and unique.
    public func edges(near p: PlanarPoint, radius: Double) -> [Int] {
        var found = Set<Int32>()
        for cx in cellIndex(p.x - radius) ... cellIndex(p.x + radius) {
            for cy in cellIndex(p.y - radius) ... cellIndex(p.y + radius) {
                if let list = cells[Cell(x: cx, y: cy)] { found.formUnion(list) }
            }
        }
        return found.map { Int($0) }.sorted()
    }

    /// The line nearest to `p` within `radius` (ties: the lower line index), if any.
    public func nearestLine(to p: PlanarPoint, within radius: Double) -> Int? {
        var best: Int?
        var bestD = Double.infinity
        for e in edges(near: p, radius: radius) {
            let d = distance(p, toEdge: e)
            if d <= radius, d < bestD || (d == bestD && Int(line[e]) < best ?? .max) { bestD = d; best = Int(line[e]) }
        }
        return best
    }
}
