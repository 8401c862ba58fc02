import ArgumentParser
import Coverage
import Foundation
import GeoKit
import Optimizer

/// The cases behind `camplan bench`: each builds its synthetic instance (or reads a reference
/// instance), times the stages and returns one record. Timings are wall-clock seconds.
enum BenchCases {
    /// 10^(2..6) incidents through aggregation, distance band, Gi* (+ FDR bins) and quartic KDE.
    static func hotspots(size: BenchSize, seed: UInt64) throws -> BenchRecord {
        let (incidents, cells) = switch size {
        case .small: (10_000, 1_000)
        case .medium: (100_000, 10_000)
        case .large: (1_000_000, 100_000)
        }
        let t = try HotSpotBenchmark.run(incidents: incidents, cells: cells, seed: seed)
        var r = BenchRecord(area: "hotspots", case: "gi+kde \(incidents)x\(cells)")
        r.add("incidents", t.incidents)
        r.add("cells", t.cells)
        r.add("band_m", t.bandMeters)
        r.add("bandwidth_m", t.bandwidthMeters)
        r.add("neighbor_pairs", t.neighborPairs)
        r.add("generate_s", t.generateSeconds)
        r.add("lattice_s", t.latticeSeconds)
        r.add("aggregate_s", t.aggregateSeconds)
        r.add("neighbors_s", t.neighborsSeconds)
        r.add("gi_star_s", t.giStarSeconds)
        r.add("kde_s", t.kdeSeconds)
        r.add("total_s", t.totalSeconds)
        return r
    }

    /// Coverage matrix build (grid index, sector test, CSR) and demand merge, no obstacles.
    static func coverage(size: BenchSize, seed: UInt64) throws -> BenchRecord {
        let (demand, sites, area, clusters) = switch size {
        case .small: (10_000, 2_000, 6_000.0, 10)
        case .medium: (100_000, 20_000, 20_000.0, 60)
        case .large: (1_000_000, 100_000, 40_000.0, 200)
        }
        let c = try CoverageBenchmark.run(demandCount: demand, siteCount: sites, areaSizeMeters: area,
                                          clusterCount: clusters, seed: seed)
        var r = BenchRecord(area: "coverage", case: "build \(demand)x\(sites)x8")
        r.add("demand", c.demandCount)
        r.add("sites", c.siteCount)
        r.add("facilities", c.facilityCount)
        r.add("nnz", c.nonZeros)
        r.add("merged_demand", c.mergedDemandCount)
        r.add("build_s", c.buildSeconds)
        r.add("merge_s", c.mergeSeconds)
        r.add("total_s", c.buildSeconds + c.mergeSeconds)
        return r
    }

    /// (demand, sites, cameras) of the placement sizes; medium and large are issue 4's cases.
    static func placementSizes(_ size: BenchSize) -> (Int, Int, Int) {
        switch size {
        case .small: (10_000, 2_000, 50)
        case .medium: (100_000, 20_000, 500)
        case .large: (1_000_000, 100_000, 5_000)
        }
    }

    /// OptimizerBenchmark: plain-vector sector coverage (100 m, 100°) and the MCLP solve.
    static func optimizer(size: BenchSize, seed: UInt64, options: SolverOptions) throws -> BenchRecord {
        let (demand, sites, cameras) = placementSizes(size)
        let rep = try OptimizerBenchmark.run(demandCount: demand, siteCount: sites, cameras: cameras, seed: seed, options: options)
        var r = BenchRecord(area: "optimizer", case: "mclp \(demand)x\(sites)x8 p=\(cameras)")
        r.add("demand", rep.demandCount)
        r.add("facilities", rep.facilityCount)
        r.add("cameras", rep.cameras)
        r.add("nnz", rep.nonZeros)
        r.add("build_s", rep.buildSeconds)
        r.add("solve_s", rep.solveSeconds)
        r.add("total_s", rep.buildSeconds + rep.solveSeconds)
        addResult(rep.result, to: &r)
        return r
    }

    /// The product path: sites and demand through `CoverageBuilder` (sectors of 100 m, 100°,
    /// 8 headings), then `MCLPSolver` with one heading per site. The instance follows
    /// OptimizerBenchmark's description (demand density 10⁻³ per m², 80% in clusters of
    /// σ 150 m, weights 1 + ⌊−3 ln u⌋; sites 70% within ±60 m of a demand point).
    /// With `writeInstance`, the solved instance is also written (after timing) for the CBC run.
    static func placement(size: BenchSize, seed: UInt64, options: SolverOptions, writeInstance: String? = nil) throws -> BenchRecord {
        let (demandCount, siteCount, cameras) = placementSizes(size)
        let clock = ContinuousClock()
        var t0 = clock.now
        let (demand, sites) = try placementInstance(demandCount: demandCount, siteCount: siteCount, seed: seed)
        let generate = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        let camera = try CameraSpec(radiusMeters: 100, fovDegrees: 100)
        let builder = try CoverageBuilder(sites: sites, cameras: [camera], headingCount: 8)
        let built = try builder.build(demand: demand)
        let coverage = t0.duration(to: clock.now) / .seconds(1)

        t0 = clock.now
        let problem = try PlacementProblem(matrix: built.matrix, demandWeights: demand.weights,
                                           siteOfFacility: built.facilities.siteIndex.map(Int.init), budget: .count(cameras))
        let result = try MCLPSolver(options: options).solve(problem)
        let solve = t0.duration(to: clock.now) / .seconds(1)

        var r = BenchRecord(area: "placement", case: "coverage+mclp \(demandCount)x\(siteCount)x8 p=\(cameras)")
        r.add("demand", demandCount)
        r.add("facilities", built.matrix.facilityCount)
        r.add("cameras", cameras)
        r.add("nnz", built.matrix.indices.count)
        r.add("generate_s", generate)
        r.add("coverage_s", coverage)
        r.add("solve_s", solve)
        r.add("total_s", coverage + solve)
        addResult(result, to: &r)
        if let path = writeInstance {
            try writeCSR(name: "placement-\(size.rawValue)-seed\(seed)", matrix: built.matrix, weights: demand.weights,
                         siteOfFacility: built.facilities.siteIndex, cameras: cameras, objective: result.objective,
                         upperBound: result.upperBound, to: path)
        }
        return r
    }

    /// Writes an instance as JSON: name, demand_count, facility_count, p, weights, offsets,
    /// indices (CSR by facility), site_of_facility (at most one facility per site) and our result.
    private static func writeCSR(name: String, matrix: CoverageMatrix, weights: [Double], siteOfFacility: [Int32],
                                 cameras: Int, objective: Double, upperBound: Double, to path: String) throws {
        func list<T>(_ values: some Sequence<T>, _ render: (T) -> String) -> String {
            "[" + values.map(render).joined(separator: ",") + "]"
        }
        let text = "{\"name\":\"\(name)\",\"demand_count\":\(matrix.demandCount),\"facility_count\":\(matrix.facilityCount),"
            + "\"p\":\(cameras),\"weights\":\(list(weights) { String(Int($0)) }),"
            + "\"offsets\":\(list(matrix.offsets) { String($0) }),\"indices\":\(list(matrix.indices) { String($0) }),"
            + "\"site_of_facility\":\(list(siteOfFacility) { String($0) }),"
            + "\"camplan\":{\"objective\":\(objective),\"upper_bound\":\(upperBound)}}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// File names of the reference instances (`*.json`), sorted.
    static func mclpInstances(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw ValidationError("no *.json instance in \(directory)") }
        return names
    }

    /// One spopt/CBC reference instance (scripts/reference/spopt_mclp.py) solved by `MCLPSolver`.
    static func mclp(path: String, options: SolverOptions) throws -> BenchRecord {
        let ref = try MCLPReferenceInstance(contentsOf: URL(fileURLWithPath: path))
        let clock = ContinuousClock()
        let t0 = clock.now
        let matrix = try ref.matrix()
        let problem = try PlacementProblem(matrix: matrix, demandWeights: ref.weights, budget: .count(ref.p))
        let result = try MCLPSolver(options: options).solve(problem)
        let solve = t0.duration(to: clock.now) / .seconds(1)
        var r = BenchRecord(area: "mclp", case: ref.name)
        r.add("demand", ref.demandCount)
        r.add("facilities", ref.facilityCount)
        r.add("cameras", ref.p)
        r.add("nnz", ref.indices.count)
        r.add("solve_s", solve)
        r.add("total_s", solve)
        addResult(result, to: &r)
        r.add("cbc_objective", ref.cbc.objective)
        r.add("cbc_status", ref.cbc.status)
        r.add("below_cbc", ref.cbc.objective > 0 ? (ref.cbc.objective - result.objective) / ref.cbc.objective : 0)
        return r
    }

    private static func addResult(_ result: PlacementResult, to r: inout BenchRecord) {
        r.add("objective", result.objective)
        r.add("upper_bound", result.upperBound)
        r.add("gap", result.gap)
        r.add("bound_source", result.boundSource.rawValue)
        r.add("coverage_ratio", result.coverageRatio)
        r.add("stop", result.stopReason.rawValue)
        r.add("selected", result.newFacilities.count)
        r.add("work", result.work)
        r.add("subgradient", result.iterations.subgradient)
        // Time to gap: the solver's progress points.
        r.addJSON("progress", "[" + result.progress.map { p in
            "{\"phase\": \"\(p.phase)\", \"work\": \(p.work), \"seconds\": \(BenchRecord.number(p.seconds)), "
                + "\"objective\": \(BenchRecord.number(p.objective)), \"upper_bound\": \(BenchRecord.number(p.upperBound)), "
                + "\"gap\": \(BenchRecord.number(p.gap))}"
        }.joined(separator: ", ") + "]")
    }

    /// Demand (weighted points) and candidate sites of the placement case, deterministic for a
    /// seed: the points of ``OptimizerBenchmark/syntheticPoints(demandCount:siteCount:seed:)``.
    private static func placementInstance(demandCount: Int, siteCount: Int, seed: UInt64) throws -> (DemandSet, [CandidateSite]) {
        let p = OptimizerBenchmark.syntheticPoints(demandCount: demandCount, siteCount: siteCount, seed: seed)
        let sites = (0 ..< siteCount).map {
            CandidateSite(id: "s\($0)", location: PlanarPoint(x: p.siteXs[$0], y: p.siteYs[$0]), source: .given)
        }
        return (try DemandSet(points: PlanarPointSet(xs: p.xs, ys: p.ys), weights: p.weights), sites)
    }
}

