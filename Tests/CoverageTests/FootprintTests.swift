@testable import Coverage
import Foundation
import GeoKit
import Optimizer
import SeededRandom
import Testing

private func at(_ bearingDegrees: Double, _ distance: Double, from o: PlanarPoint = PlanarPoint(x: 0, y: 0)) -> PlanarPoint {
    let b = bearingDegrees * .pi / 180
    return PlanarPoint(x: o.x + distance * sin(b), y: o.y + distance * cos(b))
}

private func square(cx: Double, cy: Double, half: Double) -> Polygon<PlanarPoint> {
    Polygon(exterior: [PlanarPoint(x: cx - half, y: cy - half), PlanarPoint(x: cx + half, y: cy - half),
                       PlanarPoint(x: cx + half, y: cy + half), PlanarPoint(x: cx - half, y: cy + half)])
}

/// Signed shoelace area, m² (positive for a counter-clockwise ring).
private func signedArea(_ p: Polygon<PlanarPoint>) -> Double {
    let r = p.exterior
    var s = 0.0
    for k in r.indices.dropFirst() { s += r[k - 1].x * r[k].y - r[k].x * r[k - 1].y }
    return s / 2
}

private func area(_ p: Polygon<PlanarPoint>) -> Double { abs(signedArea(p)) }

/// Even-odd point in polygon (exterior only).
private func inside(_ p: PlanarPoint, _ poly: Polygon<PlanarPoint>) -> Bool {
    let r = poly.exterior
    var c = false
    for k in r.indices.dropFirst() {
        let a = r[k - 1], b = r[k]
        if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x) { c.toggle() }
    }
    return c
}

@Test func handComputedSector() throws {
    let f = try Footprint(site: PlanarPoint(x: 0, y: 0), headingDegrees: 0, fovDegrees: 90, rangeMeters: 20)
    #expect(f.contains(at(45, 10)))           // on the sector edge: inside (inclusive)
    #expect(!f.contains(at(50, 10)))          // 5° outside the sector
    #expect(f.contains(at(-44, 10)))
    #expect(!f.contains(at(180, 5)))          // behind the camera
    #expect(f.contains(at(0, 20)))            // range boundary, inclusive
    #expect(!f.contains(at(0, 20.001)))
    #expect(f.contains(PlanarPoint(x: 0, y: 0)))
    // Heading east with a 60° FOV wraps nothing; heading 350° with 40° wraps north.
    let g = try Footprint(site: PlanarPoint(x: 100, y: 100), headingDegrees: 350, fovDegrees: 40, rangeMeters: 30)
    #expect(g.contains(at(5, 10, from: g.site)))
    #expect(g.contains(at(331, 10, from: g.site)))
    #expect(!g.contains(at(11, 10, from: g.site)))
}

@Test func unoccludedSectorAreaIsRSquaredThetaOverTwo() throws {
    for (fov, step) in [(90.0, 2.0), (55.0, 5.0), (360.0, 2.0), (30.0, 1.0)] {
        let r = 40.0
        let f = try Footprint(site: PlanarPoint(x: 500, y: -200), headingDegrees: 123, fovDegrees: fov, rangeMeters: r)
        let poly = f.polygon(maxArcStepDegrees: step)
        #expect(signedArea(poly) > 0)   // counter-clockwise exterior (RFC 7946)
        #expect(poly.exterior.first == poly.exterior.last)
        let theta = fov * .pi / 180
        let exact = r * r * theta / 2
        let n = (fov / step).rounded(.up)
        let chordArea = r * r / 2 * n * sin(theta / n)
        #expect(abs(area(poly) - chordArea) < 1e-6 * exact)
        #expect(abs(area(poly) - exact) / exact < 1 - sin(step * .pi / 180) / (step * .pi / 180) + 1e-9)
    }
}

@Test func occludedCorner() throws {
    // A 10 m square building centred 20 m north of the camera hides the point 40 m north.
    let obstacles = try ObstacleIndex(buildings: [square(cx: 0, cy: 20, half: 5)], cellSizeMeters: 25)
    let f = try Footprint(site: PlanarPoint(x: 0, y: 0), headingDegrees: 0, fovDegrees: 90, rangeMeters: 50, obstacles: obstacles)
    #expect(!f.contains(PlanarPoint(x: 0, y: 40)))
    #expect(!f.contains(PlanarPoint(x: 2, y: 30)))      // in the shadow, behind the back wall
    #expect(f.contains(PlanarPoint(x: 0, y: 14)))       // in front of the building
    #expect(f.contains(PlanarPoint(x: 15, y: 30)))      // beside it
    #expect(f.contains(PlanarPoint(x: -15, y: 30)))
    let poly = f.polygon()
    #expect(!inside(PlanarPoint(x: 0, y: 40), poly))
    #expect(inside(PlanarPoint(x: 15, y: 30), poly))
    #expect(inside(PlanarPoint(x: 0, y: 14), poly))
    // The shadow: the wedge between bearings ±atan(5/15) beyond the front wall is lost.
    let unoccluded = try Footprint(site: PlanarPoint(x: 0, y: 0), headingDegrees: 0, fovDegrees: 90, rangeMeters: 50).polygon()
    let half = atan(5.0 / 15.0)
    let lost = 50.0 * 50.0 * half - 15.0 * 5.0   // sector of the shadow minus the triangle in front of the wall
    #expect(abs((area(unoccluded) - area(poly)) - lost) < 0.01 * lost)
}

@Test func cameraOnAFacadeSeesOutward() throws {
    // Site on the south wall of a building, looking south: the host building is ignored.
    let obstacles = try ObstacleIndex(buildings: [square(cx: 0, cy: 10, half: 10), square(cx: 0, cy: -30, half: 3)])
    #expect(obstacles.hostBuildings(of: PlanarPoint(x: 0, y: 0)) == [0])
    #expect(obstacles.hostBuildings(of: PlanarPoint(x: 0, y: 5)) == [0])
    #expect(obstacles.hostBuildings(of: PlanarPoint(x: 0, y: -5)).isEmpty)
    let f = Footprint(site: PlanarPoint(x: 0, y: 0), headingDegrees: 180, camera: try CameraSpec(radiusMeters: 50, fovDegrees: 90),
                      obstacles: obstacles)
    #expect(f.contains(PlanarPoint(x: 0, y: -20)))
    #expect(!f.contains(PlanarPoint(x: 0, y: -40)))      // behind the other building
    #expect(f.contains(PlanarPoint(x: 10, y: -40)))
    #expect(area(f.polygon()) > 0.8 * 50 * 50 * .pi / 4)
}

/// Origins at 0 and at UTM 48N magnitudes (Tiền Giang lies near E 600 km, N 1 150 km).
@Test(arguments: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 604_321.5, y: 1_152_345.25)])
func predicateAgreesWithPolygonOnRandomSamples(origin: PlanarPoint) throws {
    var rng = SplitMix64(seed: 7)
    func square(cx: Double, cy: Double, half: Double) -> Polygon<PlanarPoint> {
        Polygon(exterior: [PlanarPoint(x: origin.x + cx - half, y: origin.y + cy - half),
                           PlanarPoint(x: origin.x + cx + half, y: origin.y + cy - half),
                           PlanarPoint(x: origin.x + cx + half, y: origin.y + cy + half),
                           PlanarPoint(x: origin.x + cx - half, y: origin.y + cy + half)])
    }
    var buildings: [Polygon<PlanarPoint>] = []
    for _ in 0 ..< 40 {
        let cx = rng.unit() * 160 - 80, cy = rng.unit() * 160 - 80
        if abs(cx) < 8 && abs(cy) < 8 { continue }
        // Non-overlapping by construction is not needed for the test of one building each.
        let b = square(cx: cx, cy: cy, half: 1 + rng.unit() * 4)
        if !buildings.contains(where: { o in
            let ob = o.bounds!, bb = b.bounds!
            return ob.intersects(BoundingBox(minX: bb.minX - 0.5, minY: bb.minY - 0.5, maxX: bb.maxX + 0.5, maxY: bb.maxY + 0.5))
        }) { buildings.append(b) }
    }
    let obstacles = try ObstacleIndex(buildings: buildings, cellSizeMeters: 20)
    var checked = 0, disagreements = 0
    for (heading, fov) in [(30.0, 90.0), (200.0, 55.0), (0.0, 360.0), (300.0, 120.0)] {
        let f = try Footprint(site: origin, headingDegrees: heading, fovDegrees: fov, rangeMeters: 60, obstacles: obstacles)
        let poly = f.polygon(maxArcStepDegrees: 2)
        for _ in 0 ..< 4000 {
            let p = PlanarPoint(x: origin.x + rng.unit() * 140 - 70, y: origin.y + rng.unit() * 140 - 70)
            let d = p.distance(to: f.site)
            if d > 60 * cos(Double.pi / 180) && d < 60 { continue }   // chord-vs-arc band
            checked += 1
            if f.contains(p) != inside(p, poly) { disagreements += 1 }
        }
    }
    #expect(checked > 10_000)
    #expect(disagreements == 0)
}
