import Foundation
import GeoKit
import HotSpots
import SeededRandom

/// A synthetic benchmark of the Gi* + KDE path (scripts/bench runs it in release
/// mode and compares with esda on the same sizes). Not used by the analysis itself.
public enum HotSpotBenchmark {
    /// Wall-clock seconds per stage.
    public struct Timings: Sendable, Equatable {
        public let incidents: Int
        public let cells: Int
        public let bandMeters: Double
        public let bandwidthMeters: Double
        public let neighborPairs: Int
        public let generateSeconds: Double
        public let latticeSeconds: Double
        public let aggregateSeconds: Double
        public let neighborsSeconds: Double
        public let giStarSeconds: Double
        public let kdeSeconds: Double
        /// Lattice + aggregation + neighbours + Gi* + KDE (generation excluded).
        public let totalSeconds: Double
        /// Sum of Gi* z-scores, so the work cannot be optimised away and runs can be compared.
        public let checksum: Double
    }

    /// Runs the benchmark: a square study area of `ceil(sqrt(cells))^2` square cells of
    /// 100 m, `incidents` points (half uniform, half in 50 Gaussian clusters of sd 300 m)
    /// from ``SplitMix64``(`seed`), Gi* with a 300 m band and quartic KDE with 500 m.
    /// - Throws: what the analysis steps throw (not expected for valid sizes).
    public static func run(incidents: Int, cells: Int, seed: UInt64) throws -> Timings {
        let clock = ContinuousClock()
        let side = max(6, Int(Double(cells).squareRoot().rounded(.up)))
        let cellSize = 100.0, extent = Double(side) * cellSize
        let band = 300.0, bandwidth = 500.0

        var t0 = clock.now
        var rng = SplitMix64(seed: seed)
        var xs = [Double](repeating: 0, count: incidents), ys = [Double](repeating: 0, count: incidents)
        let centres = (0..<50).map { _ in (rng.unit() * extent, rng.unit() * extent) }
        for i in 0..<incidents {
            if i % 2 == 0 {
                xs[i] = rng.unit() * extent; ys[i] = rng.unit() * extent
            } else {
                let c = centres[rng.below(50)]
                let u1 = max(rng.unit(), 1e-300), u2 = rng.unit()
                let r = 300 * (-2 * log(u1)).squareRoot()
                xs[i] = min(max(c.0 + r * cos(2 * .pi * u2), 0), extent - 1e-6)
                ys[i] = min(max(c.1 + r * sin(2 * .pi * u2), 0), extent - 1e-6)
            }
        }
        let points = PlanarPointSet(xs: xs, ys: ys)
        let generate = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        let area = MultiPolygon([Polygon(exterior: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: extent, y: 0),
                                                    PlanarPoint(x: extent, y: extent), PlanarPoint(x: 0, y: extent)])])
        let grid = try CellGrid.lattice(shape: .square, cellSizeMeters: cellSize, studyArea: area)
        let lattice = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        var field = [Double](repeating: 0, count: grid.count)
        for i in 0..<incidents {
            if let c = grid.cellIndex(x: xs[i], y: ys[i]) { field[c] += 1 }
        }
        let aggregate = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        let graph = try NeighborGraph(centers: grid.centers, bandMeters: band)
        let neighbors = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        let gi = try GetisOrdGiStar(values: field, graph: graph)
        _ = FalseDiscoveryRate.confidenceBins(z: gi.z, p: gi.p, fdr: true)
        let giTime = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        let kde = try KernelDensity.quartic(points: points, weights: [Double](repeating: 1, count: incidents),
                                            centers: grid.centers, bandwidthMeters: bandwidth)
        let kdeTime = t0.duration(to: clock.now) / .seconds(1)

        return Timings(incidents: incidents, cells: grid.count, bandMeters: band, bandwidthMeters: bandwidth,
                       neighborPairs: graph.indices.count, generateSeconds: generate, latticeSeconds: lattice,
                       aggregateSeconds: aggregate, neighborsSeconds: neighbors, giStarSeconds: giTime, kdeSeconds: kdeTime,
                       totalSeconds: lattice + aggregate + neighbors + giTime + kdeTime,
                       checksum: gi.z.reduce(0, +) + kde.reduce(0, +) * 1e-9)
    }
}
