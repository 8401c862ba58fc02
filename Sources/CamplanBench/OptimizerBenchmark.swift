import Foundation
import GeoKit
import Optimizer
import SeededRandom

/// A deterministic synthetic camera-placement instance and its timed solve, for
/// `scripts/bench` (no geometry library: sectors are tested with plain vector maths).
///
/// Demand: `demandCount` points, 80% in Gaussian clusters (σ 150 m, about 200 points each),
/// 20% uniform, in a square sized for 10⁻³ points per m²; weights `1 + ⌊−3 ln u⌋`. Sites:
/// 70% near a demand point (±60 m), 30% uniform. Facility = site × heading: a sector of
/// `rangeMeters` radius and `fovDegrees` opening centred on heading `k·360/headings`.
/// Coverage is found through a ``PointGrid`` of cell size `rangeMeters` (never a dense matrix).
public enum OptimizerBenchmark {
    /// Timings and figures of one benchmark run.
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        public let demandCount: Int
        public let siteCount: Int
        public let facilityCount: Int
        public let cameras: Int
        public let nonZeros: Int
        public let buildSeconds: Double
        public let solveSeconds: Double
        public let result: PlacementResult

        public var description: String {
            "demand \(demandCount), sites \(siteCount), facilities \(facilityCount), nnz \(nonZeros), cameras \(cameras): "
                + "build \(fmt(buildSeconds)) s, solve \(fmt(solveSeconds)) s, objective \(fmt(result.objective)), "
                + "bound \(fmt(result.upperBound)) (\(result.boundSource.rawValue)), gap \(fmt(result.gap * 100))%, "
                + "coverage \(fmt(result.coverageRatio * 100))%, greedy evals \(result.iterations.greedyEvaluations), "
                + "swaps \(result.iterations.swaps), subgradient \(result.iterations.subgradient), "
                + "stop \(result.stopReason.rawValue)"
        }

        private func fmt(_ v: Double) -> String {
            let r = (v * 10_000).rounded() / 10_000
            return "\(r)"
        }
    }

    /// A synthetic instance: coverage, weights and the site of each facility.
    public struct Instance: Sendable {
        public let matrix: CoverageMatrix
        public let weights: [Double]
        public let siteOfFacility: [Int]
    }

    /// The points of the synthetic benchmark: clustered demand (80% in Gaussian clusters of
    /// 150 m, 20% uniform, about 1,000 points per km²) with integer weights, and candidate
    /// sites (70% near a demand point, the rest uniform), all in `0...side` metres.
    public struct SyntheticPoints: Sendable {
        public let side: Double
        public let xs: [Double]
        public let ys: [Double]
        public let weights: [Double]
        public let siteXs: [Double]
        public let siteYs: [Double]
    }

    /// Generates the benchmark points (deterministic for a seed); shared by this benchmark's
    /// plain sector maths and the CLI's run through the real coverage builder.
    public static func syntheticPoints(demandCount: Int, siteCount: Int, seed: UInt64) -> SyntheticPoints {
        var rng = SplitMix64(seed: seed)
        let side = (Double(demandCount) / 1e-3).squareRoot()
        var xs = [Double](repeating: 0, count: demandCount)
        var ys = [Double](repeating: 0, count: demandCount)
        var weights = [Double](repeating: 0, count: demandCount)
        let clusterCount = max(1, demandCount / 200)
        let centres = (0 ..< clusterCount).map { _ in (rng.uniform() * side, rng.uniform() * side) }
        for i in 0 ..< demandCount {
            if rng.uniform() < 0.8 {
                let c = centres[Int(rng.next() % UInt64(clusterCount))]
                let (gx, gy) = rng.gaussianPair()
                xs[i] = min(max(c.0 + 150 * gx, 0), side)
                ys[i] = min(max(c.1 + 150 * gy, 0), side)
            } else {
                xs[i] = rng.uniform() * side
                ys[i] = rng.uniform() * side
            }
            weights[i] = 1 + (-3 * log(max(rng.uniform(), 1e-12))).rounded(.down)
        }
        var siteXs = [Double](repeating: 0, count: siteCount), siteYs = siteXs
        for s in 0 ..< siteCount {
            var sx: Double, sy: Double
            if rng.uniform() < 0.7 && demandCount > 0 {
                let i = Int(rng.next() % UInt64(demandCount))
                sx = xs[i] + (rng.uniform() - 0.5) * 120
                sy = ys[i] + (rng.uniform() - 0.5) * 120
            } else {
                sx = rng.uniform() * side
                sy = rng.uniform() * side
            }
            siteXs[s] = min(max(sx, 0), side)
            siteYs[s] = min(max(sy, 0), side)
        }
        return SyntheticPoints(side: side, xs: xs, ys: ys, weights: weights, siteXs: siteXs, siteYs: siteYs)
    }

    /// Builds the synthetic instance (deterministic for a seed).
    /// - Complexity: O(sites · points within range · headings) after an O(n) grid build.
    public static func makeInstance(
        demandCount: Int, siteCount: Int, headings: Int = 8, rangeMeters: Double = 100,
        fovDegrees: Double = 100, seed: UInt64 = 42
    ) throws -> Instance {
        let points = syntheticPoints(demandCount: demandCount, siteCount: siteCount, seed: seed)
        let xs = points.xs, ys = points.ys, weights = points.weights
        let grid = PointGrid(xs: xs, ys: ys, cellSizeMeters: rangeMeters)
        let cosHalf = cos(fovDegrees / 2 * Double.pi / 180)
        let dirs = (0 ..< headings).map { k -> (Double, Double) in
            let a = Double(k) * 2 * Double.pi / Double(headings)
            return (sin(a), cos(a))  // heading 0 = north, clockwise
        }
        var offsets = [0]
        offsets.reserveCapacity(siteCount * headings + 1)
        var indices: [Int32] = []
        var siteOf: [Int] = []
        siteOf.reserveCapacity(siteCount * headings)
        var near: [(Int32, Double, Double, Double)] = []
        var list: [Int32] = []
        for s in 0 ..< siteCount {
            let sx = points.siteXs[s], sy = points.siteYs[s]
            near.removeAll(keepingCapacity: true)
            grid.forEachSlot(near: sx, sy, radius: rangeMeters) { k in
                let dx = grid.xs[k] - sx, dy = grid.ys[k] - sy
                let d2 = dx * dx + dy * dy
                if d2 <= rangeMeters * rangeMeters { near.append((grid.ids[k], dx, dy, d2.squareRoot())) }
            }
            near.sort { $0.0 < $1.0 }
            for (hx, hy) in dirs {
                list.removeAll(keepingCapacity: true)
                for (i, dx, dy, d) in near where d == 0 || (dx * hx + dy * hy) >= d * cosHalf { list.append(i) }
                indices.append(contentsOf: list)
                offsets.append(indices.count)
                siteOf.append(s)
            }
        }
        let matrix = try CoverageMatrix(demandCount: demandCount, offsets: offsets, indices: indices)
        return Instance(matrix: matrix, weights: weights, siteOfFacility: siteOf)
    }

    /// Builds the instance and solves MCLP with `cameras` new cameras, one heading per site.
    public static func run(
        demandCount: Int, siteCount: Int, headings: Int = 8, cameras: Int, seed: UInt64 = 42,
        options: SolverOptions = SolverOptions()
    ) throws -> Report {
        let clock = ContinuousClock()
        let t0 = clock.now
        let instance = try makeInstance(demandCount: demandCount, siteCount: siteCount, headings: headings, seed: seed)
        let t1 = clock.now
        let problem = try PlacementProblem(
            matrix: instance.matrix, demandWeights: instance.weights, siteOfFacility: instance.siteOfFacility,
            budget: .count(cameras))
        let result = try MCLPSolver(options: options).solve(problem)
        let t2 = clock.now
        return Report(
            demandCount: demandCount, siteCount: siteCount, facilityCount: instance.matrix.facilityCount,
            cameras: cameras, nonZeros: instance.matrix.indices.count,
            buildSeconds: (t1 - t0) / .seconds(1), solveSeconds: (t2 - t1) / .seconds(1), result: result)
    }
}

extension SplitMix64 {
    /// Uniform in [0, 1) (the name the benchmark instances were written with; ``unit()``).
    mutating func uniform() -> Double { unit() }

    /// Two standard normal deviates (Box–Muller).
    mutating func gaussianPair() -> (Double, Double) {
        let u = max(unit(), 1e-300), v = unit()
        let r = (-2 * log(u)).squareRoot()
        return (r * cos(2 * Double.pi * v), r * sin(2 * Double.pi * v))
    }
}
