@testable import Coverage
import Foundation
import GeoKit
import Optimizer
import SeededRandom
import Testing

private func randomInstance(seed: UInt64, demand n: Int, sites s: Int, buildings b: Int)
    throws -> (DemandSet, [CandidateSite], ObstacleIndex) {
    var rng = SplitMix64(seed: seed)
    var pts = PlanarPointSet()
    var w: [Double] = []
    for _ in 0 ..< n {
        pts.append(PlanarPoint(x: rng.unit() * 300, y: rng.unit() * 300))
        w.append(Double(1 + rng.next() % 3))
    }
    let sites = (0 ..< s).map { CandidateSite(id: "c\($0)", location: PlanarPoint(x: rng.unit() * 300, y: rng.unit() * 300), source: .given) }
    var polys: [Polygon<PlanarPoint>] = []
    for _ in 0 ..< b {
        let cx = rng.unit() * 300, cy = rng.unit() * 300, h = 2 + rng.unit() * 6
        polys.append(Polygon(exterior: [PlanarPoint(x: cx - h, y: cy - h), PlanarPoint(x: cx + h, y: cy - h),
                                        PlanarPoint(x: cx + h, y: cy + h), PlanarPoint(x: cx - h, y: cy + h)]))
    }
    return (try DemandSet(points: pts, weights: w), sites, try ObstacleIndex(buildings: polys, cellSizeMeters: 30))
}

@Test func matrixEqualsBruteForceFootprintPredicate() throws {
    let (demand, sites, obstacles) = try randomInstance(seed: 11, demand: 3000, sites: 60, buildings: 80)
    let cams = [try CameraSpec(radiusMeters: 45, fovDegrees: 90, costMillionVND: 3, typeId: "a"),
                try CameraSpec(radiusMeters: 25, fovDegrees: 360, costMillionVND: 5, typeId: "disc")]
    let existing = [ExistingCamera(site: CandidateSite(id: "old1", location: PlanarPoint(x: 150, y: 150), source: .given),
                                   camera: cams[0], headingDegrees: 100)]
    let builder = try CoverageBuilder(sites: sites, cameras: cams, headingCount: 8, existing: existing, obstacles: obstacles)
    let result = try builder.build(demand: demand, chunkSize: 7)
    #expect(result.matrix.facilityCount == 60 * 9 + 1)
    #expect(builder.facilityCount == result.matrix.facilityCount)
    #expect(result.facilities.count == result.matrix.facilityCount)
    let hosts = (0 ..< demand.count).map { builder.transparentBuilding(forDemand: demand.points[$0]) }
    #expect(hosts.contains { $0 >= 0 })   // some demand lies inside a building
    var total = 0
    for j in 0 ..< result.matrix.facilityCount {
        let fp = builder.footprint(of: j, in: result)
        let expected = (0 ..< demand.count).filter {
            fp.contains(demand.points[$0], transparentBuilding: hosts[$0])
        }.map(Int32.init)
        #expect(Array(result.matrix.covered(by: j)) == expected, "facility \(j)")
        total += expected.count
    }
    #expect(total > 1000)
    // Layout: site-major, camera, heading; existing last and fixed.
    #expect(result.facilities.headingDegrees[0 ..< 9] == [0, 45, 90, 135, 180, 225, 270, 315, 0])
    #expect(result.facilities.cameraTypeId[8] == "disc" && result.facilities.fovDegrees[8] == 360)
    #expect(result.facilities.siteId[9] == "c1" && result.facilities.siteIndex[9] == 1)
    let last = result.facilities.count - 1
    #expect(result.facilities.fixedIndices == [last])
    #expect(result.facilities.siteId[last] == "old1" && result.sites[Int(result.facilities.siteIndex[last])].source == .existing)
    #expect(result.facilities.headingDegrees[last] == 100 && result.facilities.costMillionVND[last] == 3)
}

@Test func interiorDemandRule() throws {
    func sq(_ cx: Double, _ cy: Double, _ h: Double) -> Polygon<PlanarPoint> {
        Polygon(exterior: [PlanarPoint(x: cx - h, y: cy - h), PlanarPoint(x: cx + h, y: cy - h),
                           PlanarPoint(x: cx + h, y: cy + h), PlanarPoint(x: cx - h, y: cy + h)])
    }
    // House B at (0, 20) seen from the camera at the origin; house C at (0, 45) behind house A at (0, 35).
    let obstacles = try ObstacleIndex(buildings: [sq(0, 20, 4), sq(0, 35, 3), sq(0, 45, 2)])
    let demand = DemandSet(unweighted: PlanarPointSet([PlanarPoint(x: 0, y: 20), PlanarPoint(x: 0, y: 45), PlanarPoint(x: 10, y: 10)]))
    let site = CandidateSite(id: "s", location: PlanarPoint(x: 0, y: 0), source: .given)
    let cam = try CameraSpec(radiusMeters: 60, fovDegrees: 90)
    let open = try CoverageBuilder(sites: [site], cameras: [cam], headingCount: 1, obstacles: obstacles).build(demand: demand)
    #expect(Array(open.matrix.covered(by: 0)) == [0, 2])
    let strict = try CoverageBuilder(sites: [site], cameras: [cam], headingCount: 1, obstacles: obstacles,
                                     interiorDemand: .hidden).build(demand: demand)
    #expect(Array(strict.matrix.covered(by: 0)) == [2])
}

@Test func buildIsIndependentOfChunking() throws {
    let (demand, sites, obstacles) = try randomInstance(seed: 3, demand: 2000, sites: 300, buildings: 50)
    let cams = [try CameraSpec(radiusMeters: 40, fovDegrees: 60)]
    let builder = try CoverageBuilder(sites: sites, cameras: cams, headingCount: 6, obstacles: obstacles)
    let a = try builder.build(demand: demand, chunkSize: 1)
    let b = try builder.build(demand: demand, chunkSize: 1000)
    let c = try builder.build(demand: demand, chunkSize: 13)
    #expect(a.matrix == b.matrix && b.matrix == c.matrix)
}

@Test func mergerKeepsWeightsAndCoverage() throws {
    let (demand, sites, obstacles) = try randomInstance(seed: 5, demand: 4000, sites: 40, buildings: 30)
    let builder = try CoverageBuilder(sites: sites, cameras: [try CameraSpec(radiusMeters: 50, fovDegrees: 120)],
                                      headingCount: 4, obstacles: obstacles)
    let r = try builder.build(demand: demand)
    let m = try MergedDemand(matrix: r.matrix, weights: demand.weights)
    #expect(m.weights.count < demand.count)
    #expect(abs(m.weights.reduce(0, +) - demand.totalWeight) < 1e-9)
    // Every facility covers the same weight before and after merging.
    for j in 0 ..< r.matrix.facilityCount {
        let before = r.matrix.covered(by: j).reduce(0.0) { $0 + demand.weights[Int($1)] }
        let after = m.matrix.covered(by: j).reduce(0.0) { $0 + m.weights[Int($1)] }
        #expect(abs(before - after) < 1e-9)
    }
    // Members of one group have identical coverage sets.
    var sets = [Set<Int>](repeating: [], count: demand.count)
    for j in 0 ..< r.matrix.facilityCount { for d in r.matrix.covered(by: j) { sets[Int(d)].insert(j) } }
    var representative = [Int](repeating: -1, count: m.weights.count)
    for d in (0 ..< demand.count).reversed() { representative[Int(m.mergedIndexOfDemand[d])] = d }
    for d in 0 ..< demand.count { #expect(sets[d] == sets[representative[Int(m.mergedIndexOfDemand[d])]]) }
    #expect(Set(representative.map { sets[$0] }).count == m.weights.count)
}

@Test func footprintPolygonsForSelectedFacilities() throws {
    let sites = [CandidateSite(id: "a", location: PlanarPoint(x: 0, y: 0), source: .given)]
    let builder = try CoverageBuilder(sites: sites, cameras: [try CameraSpec(radiusMeters: 10, fovDegrees: 90)], headingCount: 4)
    let r = try builder.build(demand: DemandSet(unweighted: PlanarPointSet([PlanarPoint(x: 0, y: 5), PlanarPoint(x: 5, y: 0)])))
    #expect(Array(r.matrix.covered(by: 0)) == [0] && Array(r.matrix.covered(by: 1)) == [1])
    let polys = builder.footprintPolygons(for: [0, 1], in: r)
    #expect(polys.count == 2)
    #expect(polys[0].exterior.first == PlanarPoint(x: 0, y: 0))
    #expect(polys[1].exterior.allSatisfy { $0.x >= -1e-9 })   // heading east
}

@Test func builderErrors() throws {
    let cam = try CameraSpec(radiusMeters: 10, fovDegrees: 90)
    let site = CandidateSite(id: "a", location: PlanarPoint(x: 0, y: 0), source: .given)
    #expect(throws: CoverageError.noCameraTypes) { try CoverageBuilder(sites: [site], cameras: []) }
    #expect(throws: CoverageError.invalidHeadingCount(0)) { try CoverageBuilder(sites: [site], cameras: [cam], headingCount: 0) }
    #expect(throws: CoverageError.noCandidateInsideArea) { try CoverageBuilder(sites: [], cameras: [cam]) }
    #expect(throws: CoverageError.weightCountMismatch(points: 1, weights: 2)) {
        try DemandSet(points: PlanarPointSet([PlanarPoint(x: 0, y: 0)]), weights: [1, 2])
    }
    #expect(throws: CoverageError.invalidWeight(index: 1, value: -1)) {
        try DemandSet(points: PlanarPointSet([PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0)]), weights: [1, -1])
    }
}

@Test func demandBuilders() throws {
    let pts = PlanarPointSet([PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 0), PlanarPoint(x: 2, y: 0)])
    let road = try DemandSet.alongRoads([LineString([PlanarPoint(x: 0, y: 0), PlanarPoint(x: 25, y: 0)])], spacingMeters: 10)
    #expect(road.points.xs == [0, 10, 20] && road.totalWeight == 3)
    let cells = try DemandSet.cells(centres: pts, scores: [2.5, -1, 0])
    #expect(cells.count == 1 && cells.weights == [2.5])
}
