import Coverage
import GeoKit

/// A road entering a group (cửa ngõ): where a road of a chosen class crosses the group's
/// outer boundary. A plate camera watching that road near the crossing sees every vehicle
/// entering or leaving on it.
public struct Gateway: Sendable, Hashable {
    /// `<group index>-<k>`, 1-based, in the order found.
    public var id: String
    public var group: String
    public var roadName: String
    public var roadClass: String
    /// The crossing point, metres in the working CRS.
    public var location: PlanarPoint
    /// Bearing of the road at the crossing, degrees clockwise from north.
    public var roadBearingDegrees: Double
}

/// Finds the gateways of groups of wards.
public enum GatewayDetector {
    /// Default road classes for gateways: the roads a town is entered by.
    public static let defaultClasses = ["motorway", "trunk", "primary", "secondary", "tertiary"]

    /// The gateways of one group: every crossing of a road of `classes` with the outer
    /// boundary of the union of `area` (holes ignored, so an enclave is not a gateway).
    /// Crossings of the same road line closer than `mergeMeters` are one gateway (a road that
    /// runs along the boundary and crosses it back and forth).
    /// - Parameters:
    ///   - groupIndex: used in the ids.
    /// - Throws: ``GeoError/geometry(_:)`` when GEOS fails to dissolve the area.
    /// - Complexity: O(E_r · k) for E_r road edges and k boundary edges near one.
    public static func gateways(group: String, groupIndex: Int, area: [MultiPolygon<PlanarPoint>], roads: [RoadLine],
                                classes: [String] = defaultClasses, mergeMeters: Double = 30) throws -> [Gateway] {
        let dissolved = area.count == 1 ? area[0] : try GeometryOps.union(area)
        let rings = dissolved.polygons.map(\.exterior)
        let ringIndex = LineEdgeIndex(lines: rings, cellMeters: 200)
        let wanted = Set(classes.map { $0.lowercased() })
        var out: [Gateway] = []
        for road in roads where wanted.isEmpty || wanted.contains(road.roadClass.lowercased()) {
            var found: [PlanarPoint] = []
            for (a, b) in zip(road.line.points, road.line.points.dropFirst()) where a != b {
                let mid = PlanarPoint(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
                var hits: [(t: Double, p: PlanarPoint)] = []
                for e in ringIndex.edges(near: mid, radius: a.distance(to: b) / 2 + 1) {
                    let (c, d) = ringIndex.endpoints(ofEdge: e)
                    if let hit = intersection(a, b, c, d) { hits.append(hit) }
                }
                for h in hits.sorted(by: { $0.t < $1.t }) {
                    guard !found.contains(where: { $0.distance(to: h.p) < mergeMeters }) else { continue }
                    found.append(h.p)
                    out.append(Gateway(id: "\(groupIndex + 1)-\(out.count + 1)", group: group, roadName: road.name,
                                       roadClass: road.roadClass, location: h.p,
                                       roadBearingDegrees: Footprint.bearing(from: a, to: b)))
                }
            }
        }
        return out
    }

    /// The crossing of segments ab and cd (parameter t along ab), or nil when they do not cross.
    static func intersection(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> (t: Double, p: PlanarPoint)? {
        let rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y
        let den = rx * sy - ry * sx
        guard abs(den) > 1e-12 else { return nil }
        let qx = c.x - a.x, qy = c.y - a.y
        let t = (qx * sy - qy * sx) / den
        let u = (qx * ry - qy * rx) / den
        // Half-open on ab so that a crossing at a shared vertex of two road edges counts once.
        guard t >= 0, t < 1, u >= 0, u <= 1 else { return nil }
        return (t, PlanarPoint(x: a.x + t * rx, y: a.y + t * ry))
    }
}
