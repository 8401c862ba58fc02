import Foundation
import GeoKit
import Optimizer

/// Coverage of cameras aimed along the road (catalog kinds `traffic` and `lpr`).
///
/// Headings: at each site, the bearings of the road lines that pass within
/// `siteToleranceMeters` of it, both ways (a site in the middle of a road gets the two
/// directions of the road; a junction the directions of its arms and their reverses),
/// merged when closer than `mergeDegrees` (the first in bearing order is kept, so every
/// heading is exactly the bearing of a road edge at the site). A site with no road near it
/// gets no facility.
///
/// Footprint: the carriageway (each road line buffered by its half width) within the
/// camera's ground range and field of view. Demand point `p` is covered by a facility when
/// it is within range, within the sector, and within the half width of some road line.
/// Buildings are not used: along its own carriageway a road camera's view is open.
///
/// Facilities, in this order: for each site (input order), each camera (input order), each
/// heading (bearing order). O(S·(E_s + q·k)) for S sites, E_s road edges near a site, q
/// demand points within range and k edges near a point.
public struct RoadAlignedCoverage: Sendable {
    public let sites: [CandidateSite]
    public let cameras: [CameraSpec]
    public let roads: [LineString<PlanarPoint>]
    /// Half width of the carriageway of each road, metres.
    public let halfWidthMeters: [Double]
    public let siteToleranceMeters: Double
    public let mergeDegrees: Double
    let index: LineEdgeIndex
    /// Per site, its headings and the road each follows.
    public let headings: [[Double]]

    /// - Throws: ``CoverageError/noCameraTypes``, ``CoverageError/invalidRadius(_:)`` for a
    ///   half width or tolerance that is not > 0,
    ///   ``CoverageError/weightCountMismatch(points:weights:)`` when `halfWidthMeters` and
    ///   `roads` differ in length.
    public init(sites: [CandidateSite], cameras: [CameraSpec], roads: [LineString<PlanarPoint>], halfWidthMeters: [Double],
                siteToleranceMeters: Double = 3, mergeDegrees: Double = 10) throws {
        guard !cameras.isEmpty else { throw CoverageError.noCameraTypes }
        guard halfWidthMeters.count == roads.count else {
            throw CoverageError.weightCountMismatch(points: roads.count, weights: halfWidthMeters.count)
        }
        for w in halfWidthMeters + [siteToleranceMeters] where !(w.isFinite && w > 0) { throw CoverageError.invalidRadius(w) }
        self.sites = sites
        self.cameras = cameras
        self.roads = roads
        self.halfWidthMeters = halfWidthMeters
        self.siteToleranceMeters = siteToleranceMeters
        self.mergeDegrees = mergeDegrees
        let maxRange = cameras.map(\.rangeMeters).max() ?? 50
        let index = LineEdgeIndex(lines: roads.map(\.points), cellMeters: max(25, maxRange / 2))
        self.index = index
        headings = sites.map { Self.roadHeadings(at: $0.location, index: index, tolerance: siteToleranceMeters, merge: mergeDegrees) }
    }

    /// The road bearings at `site` (degrees clockwise from north, ascending), both ways.
    static func roadHeadings(at site: PlanarPoint, index: LineEdgeIndex, tolerance: Double, merge: Double) -> [Double] {
        var bearings: [Double] = []
        for e in index.edges(near: site, radius: tolerance) where index.distance(site, toEdge: e) <= tolerance {
            let (a, b) = index.endpoints(ofEdge: e)
            let forward = Footprint.bearingDegrees(b.x - a.x, b.y - a.y)
            bearings.append(forward)
            bearings.append(Footprint.normalizedDegrees(forward + 180))
        }
        bearings.sort()
        var kept: [Double] = []
        for b in bearings {
            if let last = kept.last, b - last < merge { continue }
            if let first = kept.first, first + 360 - b < merge { continue }
            kept.append(b)
        }
        return kept
    }

    /// The headings tried at site `s`.
    public func headings(atSite s: Int) -> [Double] { headings[s] }

    /// Facility metadata: for each site, camera, heading.
    public func facilityTable() -> FacilityTable {
        var t = FacilityTable()
        for (s, site) in sites.enumerated() {
            for cam in cameras {
                for h in headings[s] { t.append(site: s, siteId: site.id, camera: cam, heading: h, fixed: false) }
            }
        }
        return t
    }

    /// Whether `p` lies on a carriageway (within the half width of a road line).
    public func onCarriageway(_ p: PlanarPoint) -> Bool {
        let maxHalf = halfWidthMeters.max() ?? 0
        for e in index.edges(near: p, radius: maxHalf) where index.distance(p, toEdge: e) <= halfWidthMeters[Int(index.line[e])] {
            return true
        }
        return false
    }

    /// The coverage matrix over `demand`, rows as ``facilityTable()``.
    /// - Throws: ``OptimizerError`` only if the CSR arrays were malformed (an internal bug).
    public func build(demand: DemandSet) throws -> CoverageMatrix {
        let maxRange = cameras.map(\.rangeMeters).max() ?? 0
        let grid = PointGrid(points: demand.points, cellSizeMeters: max(1, maxRange / 2))
        // Demand on a carriageway, decided once per point.
        var onRoad = [Bool](repeating: false, count: demand.count)
        for i in 0 ..< demand.count { onRoad[i] = onCarriageway(demand.points[i]) }
        var offsets = [0]
        var indices: [Int32] = []
        var near: [(id: Int32, d2: Double, bearing: Double)] = []
        for (s, site) in sites.enumerated() {
            near.removeAll(keepingCapacity: true)
            let sx = site.location.x, sy = site.location.y
            if !headings[s].isEmpty {
                grid.forEachSlot(near: sx, sy, radius: maxRange) { slot in
                    let id = grid.ids[slot]
                    guard onRoad[Int(id)] else { return }
                    let dx = grid.xs[slot] - sx, dy = grid.ys[slot] - sy
                    let d2 = dx * dx + dy * dy
                    guard d2 <= maxRange * maxRange else { return }
                    near.append((id, d2, d2 > 0 ? Footprint.bearingDegrees(dx, dy) : 0))
                }
                near.sort { $0.id < $1.id }
            }
            for cam in cameras {
                let rr = cam.rangeMeters * cam.rangeMeters
                for h in headings[s] {
                    for q in near where q.d2 <= rr
                        && (q.d2 == 0 || Footprint.withinSector(bearing: q.bearing, heading: h, halfFovDegrees: cam.fovDegrees / 2)) {
                        indices.append(q.id)
                    }
                    offsets.append(indices.count)
                }
            }
        }
        return try CoverageMatrix(demandCount: demand.count, offsets: offsets, indices: indices)
    }

    /// The footprint of a camera at `site` with `headingDegrees`: the carriageway buffer of
    /// the road lines within range, clipped to the range disc and the field of view.
    /// - Throws: ``GeoError/geometry(_:)`` when GEOS fails.
    public func footprint(site: PlanarPoint, headingDegrees: Double, camera: CameraSpec,
                          maxArcStepDegrees: Double = 2) throws -> MultiPolygon<PlanarPoint> {
        let sector = Footprint(site: site, headingDegrees: headingDegrees, camera: camera).polygon(maxArcStepDegrees: maxArcStepDegrees)
        var byWidth: [Double: [LineString<PlanarPoint>]] = [:]
        for e in index.edges(near: site, radius: camera.rangeMeters) {
            let (a, b) = index.endpoints(ofEdge: e)
            byWidth[halfWidthMeters[Int(index.line[e])], default: []].append(LineString([a, b]))
        }
        var parts: [MultiPolygon<PlanarPoint>] = []
        for (w, lines) in byWidth.sorted(by: { $0.key < $1.key }) {
            parts.append(try GeometryOps.buffer(Geometry.multiLineString(lines), distance: w))
        }
        guard !parts.isEmpty else { return MultiPolygon([]) }
        let corridor = parts.count == 1 ? parts[0] : try GeometryOps.union(parts)
        return try GeometryOps.intersection(corridor, MultiPolygon([sector]))
    }
}
