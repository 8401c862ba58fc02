import Coverage
import Dispatch
import Foundation
import GeoKit
import Optimizer
import SeededRandom

/// A deterministic synthetic instance and the time to build its coverage matrix, for
/// `scripts/bench` and BENCHMARKS.md (no timing lives in the tests).
///
/// The instance: a square study area; demand drawn around `clusterCount` centres (normal,
/// σ = 300 m; 20% spread uniformly); sites 70% around the same centres (σ = 500 m), 30%
/// uniform; optional square buildings (8–20 m) around the centres as obstacles. The same
/// seed gives the same instance.
public enum CoverageBenchmark {
    /// What a run measured.
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        public var demandCount: Int
        public var siteCount: Int
        public var facilityCount: Int
        public var buildingCount: Int
        /// Non-zeros of the coverage matrix (facility–demand pairs).
        public var nonZeros: Int
        /// Demand points after merging identical coverage sets.
        public var mergedDemandCount: Int
        /// Wall time of the matrix build (grid index, visibility, CSR), seconds.
        public var buildSeconds: Double
        /// Wall time of the demand merge, seconds.
        public var mergeSeconds: Double

        public var description: String {
            "demand=\(demandCount) sites=\(siteCount) facilities=\(facilityCount) buildings=\(buildingCount) "
                + "nnz=\(nonZeros) merged_demand=\(mergedDemandCount) "
                + String(format: "build_s=%.3f merge_s=%.3f", buildSeconds, mergeSeconds)
        }
    }

    /// Generates the instance and times the build.
    /// - Throws: coverage errors for invalid parameters (range or FOV out of bounds).
    public static func run(demandCount: Int = 100_000, siteCount: Int = 20_000, headingCount: Int = 8,
                           rangeMeters: Double = 50, fovDegrees: Double = 90, areaSizeMeters: Double = 20_000,
                           clusterCount: Int = 60, buildingCount: Int = 0, seed: UInt64 = 42) throws -> Report {
        var rng = SplitMix64(seed: seed)
        let centres = (0 ..< max(1, clusterCount)).map { _ in
            PlanarPoint(x: rng.uniform() * areaSizeMeters, y: rng.uniform() * areaSizeMeters)
        }
        func around(_ sigma: Double, uniformShare: Double) -> PlanarPoint {
            if rng.uniform() < uniformShare {
                return PlanarPoint(x: rng.uniform() * areaSizeMeters, y: rng.uniform() * areaSizeMeters)
            }
            let c = centres[Int(rng.next() % UInt64(centres.count))]
            let (gx, gy) = rng.gaussianPair()
            return PlanarPoint(x: c.x + sigma * gx, y: c.y + sigma * gy)
        }
        var demand = PlanarPointSet()
        for _ in 0 ..< demandCount { demand.append(around(300, uniformShare: 0.2)) }
        let sites = (0 ..< siteCount).map { CandidateSite(id: "s\($0)", location: around(500, uniformShare: 0.3), source: .given) }
        var buildings: [Polygon<PlanarPoint>] = []
        for _ in 0 ..< buildingCount {
            let c = around(400, uniformShare: 0.1)
            let h = 4 + rng.uniform() * 6
            buildings.append(Polygon(exterior: [
                PlanarPoint(x: c.x - h, y: c.y - h), PlanarPoint(x: c.x + h, y: c.y - h),
                PlanarPoint(x: c.x + h, y: c.y + h), PlanarPoint(x: c.x - h, y: c.y + h),
            ]))
        }
        let obstacles = buildings.isEmpty ? nil : try ObstacleIndex(buildings: buildings, cellSizeMeters: rangeMeters)
        let camera = try CameraSpec(radiusMeters: rangeMeters, fovDegrees: fovDegrees)
        let builder = try CoverageBuilder(sites: sites, cameras: [camera], headingCount: headingCount, obstacles: obstacles)
        let weights = DemandSet(unweighted: demand)

        let t0 = DispatchTime.now().uptimeNanoseconds
        let result = try builder.build(demand: weights)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let merged = try MergedDemand(matrix: result.matrix, weights: weights.weights)
        let t2 = DispatchTime.now().uptimeNanoseconds
        return Report(demandCount: demandCount, siteCount: siteCount, facilityCount: result.matrix.facilityCount,
                      buildingCount: buildingCount, nonZeros: result.matrix.indices.count,
                      mergedDemandCount: merged.weights.count,
                      buildSeconds: Double(t1 - t0) / 1e9, mergeSeconds: Double(t2 - t1) / 1e9)
    }
}

