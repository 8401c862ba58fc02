import Coverage
import Foundation
import GeoKit
import Optimizer

/// A cordon: plate cameras watching the gateways of chosen groups.
///
/// Candidate sites are the crossing points and points `siteOffsetsMeters` along the road on
/// either side; each takes the road-aligned headings of the sites (``RoadAlignedCoverage``).
/// A gateway is watched when a camera's footprint (range ∩ field of view ∩ carriageway)
/// holds its crossing point. Without a budget the cordon is a set cover: the fewest cameras
/// that watch every gateway (LSCP, Toregas et al. 1971, with its certified lower bound);
/// with a budget, the most gateways that budget can watch (MCLP with its certified gap).
/// With one camera type, fewest cameras is least cost.
public struct Cordon: Sendable {
    /// What the cordon chose.
    public struct Result: Sendable {
        public let gateways: [Gateway]
        /// Candidate sites of the cordon (crossings and offsets).
        public let sites: [CandidateSite]
        public let coverage: RoadAlignedCoverage
        public let facilities: FacilityTable
        /// Selected facilities (rows of ``facilities``), in the solver's order.
        public let selected: [Int]
        /// For each gateway, the first selected facility that watches it.
        public let watcher: [Int?]
        /// No solution with fewer new cameras watches as many gateways (set-cover form), or
        /// the MCLP upper bound on watched gateways (budget form).
        public let lowerBoundCameras: Int?
        /// Certified gap of the budget form (0 in the set-cover form when the lower bound is met).
        public let gap: Double
        public var watchedCount: Int { watcher.filter { $0 != nil }.count }
    }

    /// Offsets (metres) of the extra candidate sites along the road from each crossing.
    public var siteOffsetsMeters: [Double] = [-15, 15]
    /// Half width of the carriageway around each road line, metres.
    public var halfWidthMeters: Double = 6
    /// New-camera budget; `nil`: watch every gateway with the fewest cameras.
    public var budget: PlacementProblem.Budget?
    public var timeLimitSeconds: Double? = 60

    public init() {}

    /// Plans the cordon of `gateways` with `camera` (a road-aligned camera, usually `lpr`).
    /// - Parameter roads: the road lines the cameras align to.
    /// - Throws: coverage and solver errors.
    public func plan(gateways: [Gateway], camera: CameraSpec, roads: [RoadLine]) throws -> Result {
        var sites: [CandidateSite] = []
        for g in gateways {
            sites.append(CandidateSite(id: "gw\(g.id)", location: g.location, source: .given))
            for (k, off) in siteOffsetsMeters.enumerated() {
                let rad = g.roadBearingDegrees * .pi / 180
                let p = PlanarPoint(x: g.location.x + off * sin(rad), y: g.location.y + off * cos(rad))
                sites.append(CandidateSite(id: "gw\(g.id)_\(k + 1)", location: p, source: .given))
            }
        }
        let lines = roads.map(\.line)
        let coverage = try RoadAlignedCoverage(sites: sites, cameras: [camera], roads: lines,
                                               halfWidthMeters: [Double](repeating: halfWidthMeters, count: lines.count))
        let demand = DemandSet(unweighted: PlanarPointSet(gateways.map(\.location)))
        let matrix = try coverage.build(demand: demand)
        let table = coverage.facilityTable()
        guard table.count > 0, !gateways.isEmpty else {
            return Result(gateways: gateways, sites: sites, coverage: coverage, facilities: table, selected: [],
                          watcher: [Int?](repeating: nil, count: gateways.count), lowerBoundCameras: gateways.isEmpty ? 0 : nil, gap: 0)
        }
        var options = SolverOptions()
        options.timeLimitSeconds = timeLimitSeconds
        let selected: [Int]
        let lower: Int?
        let gap: Double
        if let budget {
            let problem = try PlacementProblem(matrix: matrix, demandWeights: demand.weights, facilityCosts: table.costMillionVND,
                                               siteOfFacility: table.siteIndex.map { Int($0) }, perSite: 1, budget: budget)
            let r = try MCLPSolver(options: options).solve(problem)
            selected = r.newFacilities
            lower = nil
            gap = r.gap
        } else {
            let problem = try PlacementProblem(matrix: matrix, demandWeights: demand.weights, facilityCosts: table.costMillionVND,
                                               siteOfFacility: table.siteIndex.map { Int($0) }, perSite: 1,
                                               budget: .count(gateways.count))
            let r = try LSCPSolver(options: options).solve(problem, targetShare: 1)
            selected = r.newFacilities
            lower = r.cameraLowerBound
            gap = r.gap
        }
        var watcher = [Int?](repeating: nil, count: gateways.count)
        for j in selected { for i in matrix.covered(by: j) where watcher[Int(i)] == nil { watcher[Int(i)] = j } }
        return Result(gateways: gateways, sites: sites, coverage: coverage, facilities: table, selected: selected,
                      watcher: watcher, lowerBoundCameras: lower, gap: gap)
    }
}
