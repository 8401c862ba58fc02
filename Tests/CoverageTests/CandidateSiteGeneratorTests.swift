import GeoKit
import Testing
@testable import Coverage

private func line(_ pts: (Double, Double)...) -> LineString<PlanarPoint> {
    LineString(pts.map { PlanarPoint(x: $0.0, y: $0.1) })
}

@Test func junctionsNeedThreeSegmentEnds() throws {
    let roads = [
        line((0, 0), (100, 0), (200, 0)),          // passes through (100, 0)
        line((100.4, 0.3), (100, 100)),            // ends at (100, 0) within the snap tolerance: T junction
        line((200, 0), (300, 0)),                  // continues road 0 end to end: not a junction
        line((0, 50), (50, 50)), line((50, 50), (50, 100)), line((50, 50), (100, 50)),   // three ends meet
    ]
    let x = try CandidateSiteGenerator.roadIntersections(roads, snapToleranceMeters: 1)
    #expect(x.count == 2)
    #expect(x.allSatisfy { $0.source == .roadIntersection })
    #expect(x.contains { $0.location.distance(to: PlanarPoint(x: 100.2, y: 0.15)) < 1e-9 })
    #expect(x.contains { $0.location == PlanarPoint(x: 50, y: 50) })
    #expect(Set(x.map(\.id)) == ["x0", "x1"])
}

@Test func samplesAlongRoadsAndDedup() throws {
    let roads = [line((0, 0), (30, 0), (30, 25))]
    let s = try CandidateSiteGenerator.alongRoads(roads, spacingMeters: 20)
    #expect(s.map(\.location) == [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 20, y: 0), PlanarPoint(x: 30, y: 10)])
    #expect(s.map(\.id) == ["r0_0", "r0_1", "r0_2"])
    let d = try CandidateSiteGenerator.deduplicated(s + [CandidateSite(id: "near", location: PlanarPoint(x: 20.5, y: 0.5), source: .given)],
                                                    toleranceMeters: 1)
    #expect(d.count == 3)
    let kept = try CandidateSiteGenerator.deduplicated(s + [CandidateSite(id: "far", location: PlanarPoint(x: 22, y: 0), source: .given)],
                                                       toleranceMeters: 1)
    #expect(kept.count == 4)
    #expect(throws: CoverageError.invalidSpacing(field: "road sample spacing", value: 0)) {
        try CandidateSiteGenerator.alongRoads(roads, spacingMeters: 0)
    }
}

@Test func gridInsideAreaAndExclusion() throws {
    let box = BoundingBox<PlanarPoint>(minX: 0, minY: 0, maxX: 100, maxY: 100)
    let g = try CandidateSiteGenerator.grid(in: box, spacingMeters: 10) { $0.x < 50 }
    #expect(g.count == 50 && g.first?.location == PlanarPoint(x: 5, y: 5) && g.first?.id == "g0_0")
    let kept = CandidateSiteGenerator.excluding(g) { $0.y > 50 }
    #expect(kept.count == 25)
    #expect(throws: CoverageError.noCandidateInsideArea) {
        try CandidateSiteGenerator.grid(in: box, spacingMeters: 10) { _ in false }
    }
}

@Test func fromPointsAndRoads() throws {
    let sites = try CandidateSiteGenerator.fromPoints([PlanarPoint(x: 1, y: 2)], ids: ["cam-7"])
    #expect(sites == [CandidateSite(id: "cam-7", location: PlanarPoint(x: 1, y: 2), source: .given)])
    #expect(throws: CoverageError.siteIdCountMismatch(points: 1, ids: 0)) {
        try CandidateSiteGenerator.fromPoints([PlanarPoint(x: 1, y: 2)], ids: [])
    }
    let roads = [line((0, 0), (50, 0), (100, 0)), line((50, -50), (50, 0), (50, 50))]
    let all = try CandidateSiteGenerator.fromRoads(roads, spacingMeters: 25, dedupToleranceMeters: 5)
    #expect(all.first?.source == .roadIntersection && all.first?.location == PlanarPoint(x: 50, y: 0))
    // 1 junction + road 0 samples at 0, 25, 75, 100 (50 merged) + road 1 at -50, -25, 25, 50 (0 merged).
    #expect(all.count == 9)
    #expect(throws: CoverageError.noCandidateInsideArea) {
        try CandidateSiteGenerator.fromRoads(roads, spacingMeters: 25) { _ in false }
    }
}
