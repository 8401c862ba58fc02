import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// Builds demand, coverage and the optimisation problem for one scenario and solves it.
public enum PlacementStage {
    /// - Parameters:
    ///   - hot: the hot-spot outcome (needed for KDE/Gi* demand, hot priority and hot-cell
    ///     figures); `nil` for plain incident demand.
    ///   - incidents: the hot-spot settings that choose and weigh the incidents (years,
    ///     categories, half-life) when `hot` is `nil`; with `hot`, its settings apply.
    public static func run(_ data: StudyData, sites: SiteSet, hot: HotSpotOutcome?, incidents: HotSpotSettings, settings s: PlacementSettings,
                           progress: ProgressReporter? = nil, label: String = "", cache: CoverageCache? = nil,
                           memoryBudget: MemoryBudget = .machineDefault) throws -> PlacementOutcome {
        let wards = data.boundaries.wards
        // 1. Cameras.
        let specs: [CameraSpec]
        if let adHoc = try s.adHocCamera() {
            specs = [adHoc]
        } else {
            specs = try data.catalog.specs(ids: s.cameraTypes, level: s.dori)
        }
        var existing: [ExistingCamera] = []
        for cam in data.installed {
            let spec = try CameraSpec(type: try data.catalog.type(id: cam.typeID), level: s.dori)
            existing.append(ExistingCamera(site: CandidateSite(id: cam.id, location: cam.location, source: .existing),
                                           camera: spec, headingDegrees: cam.headingDegrees ?? 0))
        }
        // 2. Demand.
        progress?.stage(label + "building demand")
        let d = try ScenarioDemand.make(data, hot: hot, incidents: incidents, settings: s)
        let demand = d.demand, demandWard = d.wardOfDemand
        let samplingWarnings = roadSamplingWarnings(s, specs: specs, hasRoads: !data.roads.isEmpty)
        // 3. Coverage.
        progress?.stage(label + "building coverage")
        // The matrix depends on the demand points, not on their weights.
        let key = CoverageCache.Key(siteIDs: sites.sites.map(\.id), cameras: specs.map { .init($0) }, headings: s.headings,
                                    demand: s.demand, roadDemandSpacingMeters: s.roadDemandSpacingMeters, hotSpots: hot?.settings ?? incidents,
                                    demandCount: demand.count,
                                    predictive: s.demand == .predictive ? .init(s) : nil)
        let make = { () throws -> (CoverageBuilder, CoverageBuildResult) in
            let obstacles = data.obstacles.isEmpty ? nil : try ObstacleIndex(buildings: data.obstacles)
            let builder = try CoverageBuilder(sites: sites.sites, cameras: specs, headingCount: s.headings, existing: existing,
                                              obstacles: obstacles)
            return (builder, try builder.build(demand: demand, memoryBudget: memoryBudget))
        }
        let (builder, built) = try cache?.value(key, make: make) ?? make()
        let fac = built.facilities
        // Keep facilities that cover something, plus the installed ones.
        var keep: [Int] = []
        var offsets = [0], indices: [Int32] = [], credits: [Float] = []
        for j in 0 ..< fac.count where fac.isFixed[j] || built.matrix.offsets[j + 1] > built.matrix.offsets[j] {
            keep.append(j)
            indices.append(contentsOf: built.matrix.covered(by: j))
            if let c = built.credits { credits.append(contentsOf: c[built.matrix.offsets[j] ..< built.matrix.offsets[j + 1]]) }
            offsets.append(indices.count)
        }
        let pointMatrix = try CoverageMatrix(demandCount: demand.count, offsets: offsets, indices: indices)
        // PTZ presets credit a point with a share of its weight: split the points at their
        // credit levels (GradedCoverage); `origin` maps each copy back to its point.
        let graded = try built.credits.map { _ in try GradedCoverage(matrix: pointMatrix, credits: credits, weights: demand.weights) }
        let matrix = graded?.matrix ?? pointMatrix
        let demandWeights = graded?.weights ?? demand.weights
        let origin = graded?.origin ?? Array(0 ..< demand.count)
        let siteWard = sites.wardOfSite + data.installed.map { _ in nil as Int? }
        var installedWard: [Int?] = []
        if !data.installed.isEmpty {
            var pts = PlanarPointSet()
            for c in data.installed { pts.append(c.location) }
            installedWard = try PolygonIndex(wards.map(\.geometry)).firstContaining(pts)
        }
        func wardOfSite(_ site: Int) -> Int? {
            site < sites.sites.count ? siteWard[site] : installedWard[site - sites.sites.count]
        }
        let groups = WardGroups(wards)
        let groupOfFacility: [Int] = keep.map { j in
            wardOfSite(Int(fac.siteIndex[j])).map { groups.ofWard[$0] } ?? -1
        }
        let fixed = keep.indices.filter { fac.isFixed[keep[$0]] }
        // 4. Allocation: explicit group quotas, then the allocation policy's (group by group).
        var demandOfGroup = [Double](repeating: 0, count: groups.names.count)
        for i in 0 ..< demand.count { if let w = demandWard[i] { demandOfGroup[groups.ofWard[w]] += demand.weights[i] } }
        // Sites in each group that can take a new camera that covers something.
        var usefulSites = [Set<Int32>](repeating: [], count: groups.names.count)
        for (k, j) in keep.enumerated() where !fac.isFixed[j] && groupOfFacility[k] >= 0 {
            usefulSites[groupOfFacility[k]].insert(fac.siteIndex[j])
        }
        let allocation = AllocationContext(groups: groups, demandOfGroup: demandOfGroup, usefulSitesOfGroup: usefulSites.map(\.count),
                                           perSite: s.perSite, budget: s.budget)
        var quotas = try GroupQuotaAllocation(quotas: s.groupQuotas).quotas(allocation)
        let policyQuotas = try s.allocation.policy.quotas(allocation)
        quotas.merge(policyQuotas) { _, policy in policy }
        // A policy share a group cannot use (fewer useful sites) is not moved to other groups.
        let short = policyQuotas.filter { $0.value.minimum < ($0.value.maximum ?? Int.max) }.sorted { $0.key < $1.key }
        var allocationWarnings: [String] = []
        if !short.isEmpty {
            let list = short.map { "\(groups.names[$0.key]) (\($0.value.minimum) of \($0.value.maximum ?? 0))" }.joined(separator: ", ")
            allocationWarnings.append("allocation \(s.allocation.rawValue): \(list) can usefully take fewer new cameras than "
                + "\(short.count == 1 ? "its" : "their") share; the rest of the budget is not placed elsewhere")
        }
        var backup: PlacementProblem.BackupCoverage?
        if let beta = s.backupBeta, let hot {
            let flagged = (0 ..< matrix.demandCount).filter { hot.isHot95(at: demand.points[origin[$0]]) }
            backup = try PlacementProblem.BackupCoverage(beta: beta, demandIndices: flagged)
        }
        let problem = try PlacementProblem(
            matrix: matrix, demandWeights: demandWeights, facilityCosts: keep.map { fac.costMillionVND[$0] },
            siteOfFacility: keep.map { Int(fac.siteIndex[$0]) }, perSite: s.perSite, groupOfFacility: groupOfFacility,
            groupQuotas: quotas, fixedFacilities: fixed, budget: s.budget,
            fixedCountTowardBudget: s.budgetIncludesExisting, backup: backup, groupNames: groups.names)
        // 5. Solve.
        progress?.stage(label + "optimizing")
        var options = SolverOptions(timeLimitSeconds: s.timeLimitSeconds, gapTolerance: s.gap)
        if s.screeningSolve {
            options.subgradientIterations = 30
            options.perturbationRounds = 0
            options.exactSearchWorkLimit = 0
        }
        let r = try s.targetShare.map { try LSCPSolver(options: options).solve(problem, targetShare: $0) }
            ?? MCLPSolver(options: options).solve(problem)
        let chosen = r.selected.map { (facility: $0.facility, marginal: $0.marginalWeight, existing: $0.isExisting) }
        // 6. Cameras and footprints.
        progress?.stage(label + "footprints")
        var cameras: [PlacementOutcome.Camera] = []
        let watched = builder.union(of: chosen.map { keep[$0.facility] }, in: built)
        for (n, c) in chosen.enumerated() {
            let j = keep[c.facility]
            let site = Int(fac.siteIndex[j])
            let views = watched.cameras[n]
            let is360 = fac.fovDegrees[j] >= 360
            cameras.append(.init(siteID: fac.siteId[j], location: built.sites[site].location, typeID: fac.cameraTypeId[j],
                                 headingDegrees: is360 ? nil : fac.headingDegrees[j], fovDegrees: fac.fovDegrees[j],
                                 rangeMeters: fac.rangeMeters[j], cost: fac.costMillionVND[j], order: n + 1,
                                 marginalWeight: c.marginal, existing: c.existing, ward: wardOfSite(site),
                                 footprint: MultiPolygon(views.polygons()), presetShares: views.shares))
        }
        // 7. Per-ward, per-group and per-hot-cell figures.
        var coveredDemand = [Bool](repeating: false, count: matrix.demandCount)
        for c in chosen { for i in matrix.covered(by: c.facility) { coveredDemand[Int(i)] = true } }
        let metrics = PlacementMetrics(data: data, hot: hot, demand: d, coveredDemand: coveredDemand, demandWeights: demandWeights,
                                       origin: origin, cameras: cameras, watched: watched, groups: groups)
        return PlacementOutcome(
            cameras: cameras, coveredWeight: r.coveredWeight, totalWeight: r.totalWeight, upperBound: r.upperBound, gap: r.gap,
            stopReason: r.stopReason.rawValue, boundSource: r.boundSource.rawValue,
            curve: r.curve.map { (cameras: $0.newCameras, share: $0.share) }, newCost: r.newCost,
            runtimeSeconds: r.runtimeSeconds, demandCount: demand.count, facilityCount: matrix.facilityCount,
            siteCount: sites.sites.count, lowerBoundCameras: r.cameraLowerBound, wardCoveredShare: metrics.wardCoveredShare, groups: metrics.groups,
            watched: watched, warnings: samplingWarnings + allocationWarnings + r.warnings)
    }

    /// Demand on road points `spacing` apart reaches a camera of range `r` at every site only
    /// when `spacing ≤ 2r` (the nearest point is up to `spacing/2` away): a shorter camera
    /// between two points is credited with nothing, and the plan shuns it for that alone.
    static func roadSamplingWarnings(_ s: PlacementSettings, specs: [CameraSpec], hasRoads: Bool) -> [String] {
        let spacing: (key: String, meters: Double)
        switch s.demand {
        case .predictive: spacing = ("predictive_spacing_m", s.predictiveSpacingMeters)
        case .roads where hasRoads, .kde where hasRoads, .gistar where hasRoads:
            spacing = ("road_demand_spacing_m", s.roadDemandSpacingMeters)
        default: return []
        }
        let short = specs.filter { 2 * $0.rangeMeters < spacing.meters }
        guard !short.isEmpty else { return [] }
        let list = short.map { String(format: "%@ (%.1f m)", $0.typeId, $0.rangeMeters) }.joined(separator: ", ")
        let most = (short.map(\.rangeMeters).min() ?? 0) * 2
        return [String(format: "%@ demand sits on road points %@ m apart, more than twice the range of %@: such a camera between two "
                       + "points is credited with nothing; %@ at most %.0f m compares it fairly",
                       s.demand.rawValue, spacing.meters.settingText, list, spacing.key, most.rounded(.down))]
    }
}
