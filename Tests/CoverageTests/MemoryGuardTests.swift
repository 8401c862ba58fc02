import Foundation
import GeoKit
import Optimizer
import SeededRandom
import Testing
@testable import Coverage

/// Issue 12 row 6 for placement: `--headings 100000`, `--headings 360` and a 10 m site grid
/// are refused from an estimate made before the allocation.
@Suite("Memory guard of the coverage builder and site generator")
struct CoverageMemoryGuardTests {
    func demand(_ n: Int) throws -> DemandSet {
        var pts = PlanarPointSet()
        var rng = SplitMix64(seed: 5)
        for _ in 0 ..< n { pts.append(PlanarPoint(x: rng.unit() * 2000, y: rng.unit() * 2000)) }
        return try DemandSet(points: pts, weights: [Double](repeating: 1, count: n))
    }

    func sites(_ n: Int) -> [CandidateSite] {
        (0 ..< n).map { CandidateSite(id: "s\($0)", location: PlanarPoint(x: Double($0 % 40) * 50, y: Double($0 / 40) * 50), source: .given) }
    }

    @Test func theNonZeroEstimateIsCloseToTheBuiltMatrix() throws {
        let d = try demand(20_000)
        let cams = [try CameraSpec(radiusMeters: 60, fovDegrees: 70, costMillionVND: 3, typeId: "a"),
                    try CameraSpec(radiusMeters: 30, fovDegrees: 360, costMillionVND: 5, typeId: "disc")]
        let builder = try CoverageBuilder(sites: sites(800), cameras: cams, headingCount: 12)
        let built = try builder.build(demand: d, memoryBudget: .unlimited)
        let exact = Double(built.matrix.indices.count)
        // The same estimate the guard uses: refused just below it, accepted just above.
        let limit = CoverageBuilder.peakBytesPerNonZero * exact
        #expect(throws: GeoError.self) { try builder.build(demand: d, memoryBudget: try MemoryBudget(bytes: limit * 0.8)) }
        #expect(throws: Never.self) { try builder.build(demand: d, memoryBudget: try MemoryBudget(bytes: limit * 1.25)) }
    }

    @Test func facilitiesAreCountedBeforeAnyFootprint() throws {
        let cams = [try CameraSpec(radiusMeters: 60, fovDegrees: 70, costMillionVND: 3, typeId: "a"),
                    try CameraSpec(radiusMeters: 60, fovDegrees: 90, costMillionVND: 3, typeId: "b")]
        // 5,000 sites × 100,000 headings × 2 types = 1 billion facilities.
        let builder = try CoverageBuilder(sites: sites(5000), cameras: cams, headingCount: 100_000)
        do {
            _ = try builder.build(demand: try demand(100), memoryBudget: try MemoryBudget(parsing: "16GB"))
            Issue.record("not refused")
        } catch let GeoError.overMemoryBudget(what, count, _, _, change) {
            #expect(count == 1e9)
            #expect(what.contains("5000 sites × 200000 camera type-heading pairs"))
            #expect(change.contains("--headings") && change.contains("--site-spacing"))
        }
    }

    @Test func aTenMetreGridIsRefused() throws {
        // Tiền Giang's bounding box is about 105 km × 55 km: 58 million nodes at 10 m.
        let box = BoundingBox<PlanarPoint>(minX: 0, minY: 0, maxX: 105_000, maxY: 55_000)
        #expect(throws: GeoError.self) {
            try CandidateSiteGenerator.grid(in: box, spacingMeters: 10, memoryBudget: try MemoryBudget(parsing: "4GB"), inside: { _ in true })
        }
        let ok = try CandidateSiteGenerator.grid(in: box, spacingMeters: 1000, memoryBudget: try MemoryBudget(parsing: "4GB"), inside: { _ in true })
        #expect(ok.count == 105 * 55)
    }
}
