import Foundation
import GeoKit
import Optimizer
import Testing
@testable import Coverage

/// Roads: a straight road at bearing 30°, a road at 120° crossing it at the origin, and a
/// bent road (east then north-east) meeting the first one at (−200, −346).
private let roads: [LineString<PlanarPoint>] = [
    LineString([PlanarPoint(x: -500 * sin(.pi / 6), y: -500 * cos(.pi / 6)), PlanarPoint(x: 500 * sin(.pi / 6), y: 500 * cos(.pi / 6))]),
    LineString([PlanarPoint(x: -400 * sin(2 * .pi / 3), y: -400 * cos(2 * .pi / 3)), PlanarPoint(x: 400 * sin(2 * .pi / 3), y: 400 * cos(2 * .pi / 3))]),
    LineString([PlanarPoint(x: -250 * sin(.pi / 6), y: -250 * cos(.pi / 6)), PlanarPoint(x: 100, y: -216.5),
                PlanarPoint(x: 300, y: 0)]),
]

/// Bearing (0–180, undirected) of the road edges passing within 3 m of `p`, by brute force.
private func roadBearings(at p: PlanarPoint) -> [Double] {
    var out: [Double] = []
    for r in roads {
        for (a, b) in zip(r.points, r.points.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
            let qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y
            if (qx * qx + qy * qy).squareRoot() <= 3 { out.append(Footprint.bearing(from: a, to: b)) }
        }
    }
    return out
}

@Test func everyRoadCameraHeadingFollowsTheRoadAtItsSite() throws {
    let sites = try CandidateSiteGenerator.fromRoads(roads, spacingMeters: 40)
    let catalog = try CameraCatalog.builtIn()
    let lpr = try CameraSpec(type: catalog.type(id: "lpr_2mp"), level: .observe)
    let traffic = try CameraSpec(radiusMeters: 60, fovDegrees: 40, costMillionVND: 40, typeId: "traffic")
    let cov = try RoadAlignedCoverage(sites: sites, cameras: [lpr, traffic], roads: roads, halfWidthMeters: [6, 6, 4])
    let table = cov.facilityTable()
    #expect(table.count > 2 * sites.count)   // at least both ways of the road at every site
    for j in 0 ..< table.count {
        let site = sites[Int(table.siteIndex[j])].location
        let bearings = roadBearings(at: site)
        let best = bearings.map { Footprint.lineAngleDegrees($0, table.headingDegrees[j]) }.min() ?? 180
        #expect(best < 10, "facility \(j) at \(site) heading \(table.headingDegrees[j]) vs roads \(bearings)")
    }
    // The junction at the origin has the four arms of the two roads.
    let origin = try #require(sites.firstIndex { $0.location.distance(to: PlanarPoint(x: 0, y: 0)) < 1e-6 })
    #expect(cov.headings(atSite: origin).map { ($0 * 1e6).rounded() / 1e6 } == [30, 120, 210, 300])
}

@Test func roadCameraCoversTheCarriagewayNotTheRoadside() throws {
    let site = CandidateSite(id: "s", location: PlanarPoint(x: 0, y: 0), source: .given)
    let cam = try CameraSpec(radiusMeters: 60, fovDegrees: 40, costMillionVND: 40, typeId: "traffic")
    let straight = [LineString([PlanarPoint(x: 0, y: -200), PlanarPoint(x: 0, y: 200)])]   // a north-south road
    let cov = try RoadAlignedCoverage(sites: [site], cameras: [cam], roads: straight, halfWidthMeters: [5])
    #expect(cov.headings(atSite: 0) == [0, 180])
    let demand = DemandSet(unweighted: PlanarPointSet([
        PlanarPoint(x: 0, y: 50),    // on the road ahead: covered looking north
        PlanarPoint(x: 4, y: 30),    // on the carriageway edge: covered looking north
        PlanarPoint(x: 15, y: 50),   // in the sector but off the road: never
        PlanarPoint(x: 0, y: -40),   // behind: covered looking south
        PlanarPoint(x: 0, y: 70),    // beyond range: never
    ]))
    let m = try cov.build(demand: demand)
    #expect(Array(m.covered(by: 0)) == [0, 1])
    #expect(Array(m.covered(by: 1)) == [3])
    let poly = try cov.footprint(site: site.location, headingDegrees: 0, camera: cam)
    let area = try GeometryOps.area(poly)
    // The 10 m carriageway over the 60 m range, less the two triangles beside the apex of the
    // 40° sector (it is 10 m wide at 5 / tan 20° = 13.74 m).
    let apex = 5 / tan(20 * Double.pi / 180)
    #expect(abs(area - (10 * 60 - 10 * apex / 2)) < 3)
}
