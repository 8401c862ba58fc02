import GeoKit

/// Small pure-Swift planar geometry used where GEOS is not wanted in the numeric core:
/// shoelace areas and the segment tests of lattice clipping. Coordinates in metres. (Point in
/// polygon is GeoKit's ``PolygonIndex``/``PreparedArea``, boundary included.)
public enum PlanarGeometry {
    /// Area of a multipolygon (exteriors minus holes), square metres (shoelace formula).
    public static func area(_ m: MultiPolygon<PlanarPoint>) -> Double {
        m.polygons.reduce(0) { acc, p in
            acc + abs(ringArea(p.exterior)) - p.holes.reduce(0) { $0 + abs(ringArea($1)) }
        }
    }

    /// Signed shoelace area of a ring (positive when counter-clockwise).
    public static func ringArea(_ ring: [PlanarPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var s = 0.0
        for k in 0..<ring.count {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            s += a.x * b.y - b.x * a.y
        }
        return s / 2
    }

    @inline(__always)
    static func orient(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// Whether segments `ab` and `cd` intersect (touching counts).
    static func segmentsIntersect(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> Bool {
        let d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        func onSeg(_ p: PlanarPoint, _ q: PlanarPoint, _ r: PlanarPoint) -> Bool {
            min(p.x, q.x) <= r.x && r.x <= max(p.x, q.x) && min(p.y, q.y) <= r.y && r.y <= max(p.y, q.y)
        }
        return (d1 == 0 && onSeg(c, d, a)) || (d2 == 0 && onSeg(c, d, b)) || (d3 == 0 && onSeg(a, b, c)) || (d4 == 0 && onSeg(a, b, d))
    }

    /// Whether segment `ab` meets the convex closed ring `cell` (an endpoint inside, or an
    /// edge crossing).
    static func segmentMeetsConvex(_ a: PlanarPoint, _ b: PlanarPoint, cell: [PlanarPoint]) -> Bool {
        if convexContains(cell, a) || convexContains(cell, b) { return true }
        for k in 0..<(cell.count - 1) where segmentsIntersect(a, b, cell[k], cell[k + 1]) { return true }
        return false
    }

    /// Point in a convex counter-clockwise closed ring (boundary included).
    static func convexContains(_ ring: [PlanarPoint], _ p: PlanarPoint) -> Bool {
        for k in 0..<(ring.count - 1) where orient(ring[k], ring[k + 1], p) < 0 { return false }
        return true
    }
}
