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
    public static func run(_ data: StudyData, sites: SiteSet, hot: HotSpotOutcome?, settings s: PlacementSettings,
                           progress: ProgressReporter? = nil, label: String = "", cache: CoverageCache? = nil) throws -> PlacementOutcome {
        let wards = data.boundaries.wards
        let inc = data.incidents
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
        let d = try demand(data, hot: hot, settings: s)
        let demand = d.demand, demandWard = d.wardOfDemand
        let incidentIdx = d.incidentIndices, incPoints = d.incidentPoints, incWeights = d.incidentWeights
        // 3. Coverage.
        progress?.stage(label + "building coverage")
        // The matrix depends on the demand points, not on their weights.
        let key = CoverageCache.Key(siteIDs: sites.sites.map(\.id), cameras: specs.map { .init($0) }, headings: s.headings,
                                    demand: s.demand, roadDemandSpacingMeters: s.roadDemandSpacingMeters, hotSpots: hot?.settings,
                                    demandCount: demand.count)
        let make = { () throws -> (CoverageBuilder, CoverageBuildResult) in
            let obstacles = data.obstacles.isEmpty ? nil : try ObstacleIndex(buildings: data.obstacles)
            let builder = try CoverageBuilder(sites: sites.sites, cameras: specs, headingCount: s.headings, existing: existing,
                                              obstacles: obstacles)
            return (builder, try builder.build(demand: demand))
        }
        let (builder, built) = try cache?.value(key, make: make) ?? make()
        let fac = built.facilities
        // Keep facilities that cover something, plus the installed ones.
        var keep: [Int] = []
        var offsets = [0], indices: [Int32] = []
        for j in 0 ..< fac.count where fac.isFixed[j] || built.matrix.offsets[j + 1] > built.matrix.offsets[j] {
            keep.append(j)
            indices.append(contentsOf: built.matrix.covered(by: j))
            offsets.append(indices.count)
        }
        let matrix = try CoverageMatrix(demandCount: demand.count, offsets: offsets, indices: indices)
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
        let groupNames = Array(Set(wards.map(\.group))).sorted()
        let groupIndex = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) })
        let groupOfFacility: [Int] = keep.map { j in
            wardOfSite(Int(fac.siteIndex[j])).map { groupIndex[wards[$0].group]! } ?? -1
        }
        let fixed = keep.indices.filter { fac.isFixed[keep[$0]] }
        var quotas: [Int: PlacementProblem.GroupQuota] = [:]
        for (name, q) in s.groupQuotas {
            guard let g = groupIndex[name] else {
                throw PlannerError.invalidConfiguration("group quota for '\(name)', which is not a group; groups are: \(groupNames.joined(separator: ", "))")
            }
            quotas[g] = try PlacementProblem.GroupQuota(minimum: q.min ?? 0, maximum: q.max)
        }
        if s.allocation == .equalByGroup {
            guard case .count(let p) = s.budget else {
                throw PlannerError.invalidConfiguration("allocation equal_by_group needs a camera-count budget")
            }
            // Equal shares; the remainder goes to the groups with most demand.
            var demandOfGroup = [Double](repeating: 0, count: groupNames.count)
            for i in 0 ..< demand.count { if let w = demandWard[i] { demandOfGroup[groupIndex[wards[w].group]!] += demand.weights[i] } }
            // Sites in each group that can take a new camera that covers something.
            var usefulSites = [Set<Int32>](repeating: [], count: groupNames.count)
            for (k, j) in keep.enumerated() where !fac.isFixed[j] && groupOfFacility[k] >= 0 {
                usefulSites[groupOfFacility[k]].insert(fac.siteIndex[j])
            }
            let base = p / groupNames.count, extra = p % groupNames.count
            let order = groupNames.indices.sorted { demandOfGroup[$0] != demandOfGroup[$1] ? demandOfGroup[$0] > demandOfGroup[$1] : $0 < $1 }
            for (rank, g) in order.enumerated() {
                let n = base + (rank < extra ? 1 : 0)
                // Exactly the share, unless the group has fewer useful sites than that.
                let floor = min(n, usefulSites[g].count * s.perSite)
                quotas[g] = try PlacementProblem.GroupQuota(minimum: floor, maximum: n)
            }
        }
        var backup: PlacementProblem.BackupCoverage?
        if let beta = s.backupBeta, let hot {
            let flagged = (0 ..< demand.count).filter { i in
                cellOf(hot, demand.points[i]).map { hot.result.giBin[$0] >= 2 } ?? false
            }
            backup = try PlacementProblem.BackupCoverage(beta: beta, demandIndices: flagged)
        }
        let problem = try PlacementProblem(
            matrix: matrix, demandWeights: demand.weights, facilityCosts: keep.map { fac.costMillionVND[$0] },
            siteOfFacility: keep.map { Int(fac.siteIndex[$0]) }, perSite: s.perSite, groupOfFacility: groupOfFacility,
            groupQuotas: quotas, fixedFacilities: fixed, budget: s.budget,
            fixedCountTowardBudget: s.budgetIncludesExisting, backup: backup, groupNames: groupNames)
        // 4. Solve.
        progress?.stage(label + "optimizing")
        let options = SolverOptions(timeLimitSeconds: s.timeLimitSeconds, gapTolerance: s.gap)
        let r = try s.targetShare.map { try LSCPSolver(options: options).solve(problem, targetShare: $0) }
            ?? MCLPSolver(options: options).solve(problem)
        let chosen = r.selected.map { (facility: $0.facility, marginal: $0.marginalWeight, existing: $0.isExisting) }
        // 5. Cameras and footprints.
        progress?.stage(label + "footprints")
        var cameras: [PlacementOutcome.Camera] = []
        for (n, c) in chosen.enumerated() {
            let j = keep[c.facility]
            let site = Int(fac.siteIndex[j])
            let fp = builder.footprint(of: j, in: built)
            let is360 = fac.fovDegrees[j] >= 360
            cameras.append(.init(siteID: fac.siteId[j], location: built.sites[site].location, typeID: fac.cameraTypeId[j],
                                 headingDegrees: is360 ? nil : fac.headingDegrees[j], fovDegrees: fac.fovDegrees[j],
                                 rangeMeters: fac.rangeMeters[j], cost: fac.costMillionVND[j], order: n + 1,
                                 marginalWeight: c.marginal, existing: c.existing, ward: wardOfSite(site),
                                 footprint: fp.polygon()))
        }
        // 6. Per-ward and per-group figures on the incidents themselves.
        let footprints = chosen.map { builder.footprint(of: keep[$0.facility], in: built) }
        let incCovered = coveredMask(points: incPoints, footprints: footprints, builder: builder)
        var wardW = [Double](repeating: 0, count: wards.count), wardC = wardW
        for (k, i) in incidentIdx.enumerated() {
            let w = inc.wardIndices[i]
            guard w >= 0, w < wards.count else { continue }
            wardW[w] += incWeights[k]
            if incCovered[k] { wardC[w] += incWeights[k] }
        }
        let wardShare: [Double?] = wards.indices.map { wardW[$0] > 0 ? wardC[$0] / wardW[$0] : nil }
        // Demand coverage per group, from the problem's own demand.
        var coveredDemand = [Bool](repeating: false, count: demand.count)
        for c in chosen { for i in matrix.covered(by: c.facility) { coveredDemand[Int(i)] = true } }
        let wardOfDemand = demandWard
        var groups = groupNames.map { g in
            GroupOutcome(group: g, areaKm2: 0, population: nil, demandWeight: 0, coveredWeight: 0, hotCells95: 0,
                         hotCells95Covered: 0, camerasExisting: 0, camerasNew: 0, cost: 0)
        }
        for (w, ward) in wards.enumerated() {
            let g = groupIndex[ward.group]!
            groups[g].areaKm2 += ward.areaSquareMeters / 1e6
            if let p = data.populations[w] { groups[g].population = (groups[g].population ?? 0) + p }
        }
        for i in 0 ..< demand.count {
            guard let w = wardOfDemand[i] else { continue }
            let g = groupIndex[wards[w].group]!
            groups[g].demandWeight += demand.weights[i]
            if coveredDemand[i] { groups[g].coveredWeight += demand.weights[i] }
        }
        for cam in cameras {
            guard let w = cam.ward else { continue }
            let g = groupIndex[wards[w].group]!
            if cam.existing { groups[g].camerasExisting += 1 } else { groups[g].camerasNew += 1; groups[g].cost += cam.cost }
        }
        if let hot {
            let r = hot.result
            var hotCovered = [Bool](repeating: false, count: r.cells.count)
            // A hot cell counts as covered when a planned camera stands in it or its footprint
            // reaches the cell centre.
            for (cam, fp) in zip(cameras, footprints) {
                if let c = r.cells.cellIndex(x: cam.location.x, y: cam.location.y) { hotCovered[c] = true }
                for c in cellsNear(r.cells, cam.location, radius: cam.rangeMeters) where fp.contains(r.cells.centers[c]) {
                    hotCovered[c] = true
                }
            }
            for c in 0 ..< r.cells.count where r.giBin[c] >= 2 {
                guard let w = hot.wardOfCell[c] else { continue }
                let g = groupIndex[wards[w].group]!
                groups[g].hotCells95 += 1
                if hotCovered[c] { groups[g].hotCells95Covered += 1 }
            }
        }
        return PlacementOutcome(
            cameras: cameras, coveredWeight: r.coveredWeight, totalWeight: r.totalWeight, upperBound: r.upperBound, gap: r.gap,
            stopReason: r.stopReason.rawValue, boundSource: r.boundSource.rawValue,
            curve: r.curve.map { (cameras: $0.newCameras, share: $0.share) }, newCost: r.newCost,
            runtimeSeconds: r.runtimeSeconds, demandCount: demand.count, facilityCount: matrix.facilityCount,
            siteCount: sites.sites.count, lowerBoundCameras: r.cameraLowerBound, wardCoveredShare: wardShare, groups: groups,
            warnings: r.warnings)
    }

    /// The demand of a scenario, with the ward of each point and the incidents it came from.
    struct ScenarioDemand {
        var demand: DemandSet
        /// Ward of each demand point (cell demand takes its cell's ward when the point lies
        /// just outside every ward).
        var wardOfDemand: [Int?]
        var incidentIndices: [Int]
        var incidentPoints: PlanarPointSet
        var incidentWeights: [Double]
    }

    /// Demand points and weights for `s.demand`: incidents by severity (and weight column),
    /// hot-spot cell scores spread over their roads, or the roads evenly; demand in 95% hot
    /// cells multiplied by `s.hotPriority`.
    static func demand(_ data: StudyData, hot: HotSpotOutcome?, settings s: PlacementSettings) throws -> ScenarioDemand {
        let wards = data.boundaries.wards
        let inc = data.incidents
        let incidentIdx = hot?.incidentIndices ?? Array(0 ..< inc.count)
        var incPoints = PlanarPointSet()
        var incWeights: [Double] = []
        for (k, i) in incidentIdx.enumerated() {
            incPoints.append(inc.points[i])
            // The hot-spot weights already hold severity x the weight column; without hot
            // spots, the same product here.
            var w = hot?.result.incidentWeights[k] ?? IncidentWeighting.severity.severityWeight(of: data.severityClasses[i], base: inc.weights[i])
            if let hot, s.hotPriority != 1, let c = cellOf(hot, inc.points[i]), hot.result.giBin[c] >= 2 { w *= s.hotPriority }
            incWeights.append(w)
        }
        let demand: DemandSet
        // The ward of each demand point, for the group figures (cell demand takes its cell's
        // ward when the point itself lies just outside every ward).
        var demandWard: [Int?]
        switch s.demand {
        case .incidents:
            demand = try DemandSet(points: incPoints, weights: incWeights)
            demandWard = incidentIdx.map { inc.wardIndices[$0] >= 0 ? inc.wardIndices[$0] : nil }
        case .roads:
            guard !data.roads.isEmpty else {
                throw PlannerError.invalidConfiguration("road demand needs a road layer (--roads, or roads: in the scenario inputs)")
            }
            let samples = try DemandSet.alongRoads(data.roads, spacingMeters: s.roadDemandSpacingMeters)
            var ws = samples.weights
            if let hot, s.hotPriority != 1 {
                for i in 0 ..< samples.count {
                    if let c = cellOf(hot, samples.points[i]), hot.result.giBin[c] >= 2 { ws[i] *= s.hotPriority }
                }
            }
            demand = try DemandSet(points: samples.points, weights: ws)
            let inside = try PolygonIndex(wards.map(\.geometry)).firstContaining(samples.points)
            demandWard = inside
        case .kde, .gistar:
            guard let hot else { throw PlannerError.invalidConfiguration("\(s.demand.rawValue) demand needs the hot-spot stage") }
            let r = hot.result
            var score = s.demand == .kde ? r.kdePerSquareKm : r.giZ.map { max($0, 0) }
            for c in score.indices where r.giBin[c] >= 2 { score[c] *= s.hotPriority }
            if data.roads.isEmpty {
                demand = try DemandSet.cells(centres: r.cells.centers, scores: score)
                demandWard = (0 ..< r.cells.count).filter { score[$0].isFinite && score[$0] > 0 }.map { hot.wardOfCell[$0] }
            } else {
                // Each cell's score is spread over the road points inside it: a camera earns
                // a cell's weight by watching its streets, not by hitting its centre.
                let samples = try DemandSet.alongRoads(data.roads, spacingMeters: s.roadDemandSpacingMeters)
                var cellOfSample = [Int](repeating: -1, count: samples.count)
                var perCell = [Int](repeating: 0, count: r.cells.count)
                for i in 0 ..< samples.count {
                    if let c = r.cells.cellIndex(x: samples.points.xs[i], y: samples.points.ys[i]), score[c] > 0 {
                        cellOfSample[i] = c
                        perCell[c] += 1
                    }
                }
                var pts = PlanarPointSet(), ws: [Double] = [], cellOfDemand: [Int] = []
                for i in 0 ..< samples.count where cellOfSample[i] >= 0 {
                    pts.append(samples.points[i])
                    ws.append(score[cellOfSample[i]] / Double(perCell[cellOfSample[i]]))
                    cellOfDemand.append(cellOfSample[i])
                }
                // Cells with a score but no road carry their weight at the centre.
                for c in 0 ..< r.cells.count where score[c] > 0 && perCell[c] == 0 {
                    pts.append(r.cells.centers[c])
                    ws.append(score[c])
                    cellOfDemand.append(c)
                }
                demand = try DemandSet(points: pts, weights: ws)
                let inside = try PolygonIndex(wards.map(\.geometry)).firstContaining(pts)
                demandWard = zip(inside, cellOfDemand).map { w, c in w ?? hot.wardOfCell[c] }
            }
        }
        return ScenarioDemand(demand: demand, wardOfDemand: demandWard, incidentIndices: incidentIdx,
                              incidentPoints: incPoints, incidentWeights: incWeights)
    }

    static func cellOf(_ hot: HotSpotOutcome, _ p: PlanarPoint) -> Int? {
        hot.result.cells.cellIndex(x: p.x, y: p.y)
    }

    /// Cells whose centre lies within `radius` of `p` (lattice cells only; ward units: all).
    static func cellsNear(_ cells: CellGrid, _ p: PlanarPoint, radius: Double) -> [Int] {
        (0 ..< cells.count).lazy.filter { c in
            let dx = cells.centers.xs[c] - p.x, dy = cells.centers.ys[c] - p.y
            return dx * dx + dy * dy <= radius * radius
        }.map { $0 }
    }

    /// Which points lie inside at least one of `footprints` (a ``PointGrid`` keeps it linear).
    static func coveredMask(points: PlanarPointSet, footprints: [Footprint], builder: CoverageBuilder) -> [Bool] {
        var mask = [Bool](repeating: false, count: points.count)
        guard !footprints.isEmpty, points.count > 0 else { return mask }
        let grid = PointGrid(points: points, cellSizeMeters: max(footprints.map(\.rangeMeters).max() ?? 50, 10))
        for fp in footprints {
            grid.forEachCandidate(x: fp.site.x, y: fp.site.y, radius: fp.rangeMeters) { i in
                guard !mask[i] else { return }
                let p = points[i]
                if fp.contains(p, transparentBuilding: builder.transparentBuilding(forDemand: p)) { mask[i] = true }
            }
        }
        return mask
    }
}
