import Coverage
import Foundation
import GeoKit
import Optimizer

/// A traffic-camera plan (directive item 4): black spots counted on the road segments, a
/// cordon of plate cameras on the gateways of chosen groups (set cover, paid first), then
/// road-aligned traffic cameras where they cover most weighted accidents (MCLP with a
/// certified gap) with what is left of the budget.
public struct TrafficPlan: Sendable {
    /// One planned camera.
    public struct Camera: Sendable {
        public var siteID: String
        public var location: PlanarPoint
        public var typeID: String
        public var headingDegrees: Double
        public var fovDegrees: Double
        public var rangeMeters: Double
        public var cost: Double
        /// Part of the gateway cordon (a plate camera) rather than a traffic camera.
        public var cordon: Bool
        /// Demand weight this camera adds, in selection order.
        public var marginalWeight: Double
        /// Carriageway within range and field of view (metres, working CRS).
        public var footprint: MultiPolygon<PlanarPoint>
    }

    public let settings: TrafficPlanSettings
    public let blackSpots: BlackSpotAnalysis
    public let gateways: [Gateway]
    /// Site id of the camera watching each gateway (`nil`: not watched).
    public let gatewaySite: [String?]
    /// Cordon cameras first, then traffic cameras in the solver's order.
    public let cameras: [Camera]
    /// The demand the plan maximised and which of it is covered.
    public let demand: DemandSet
    public let demandCovered: [Bool]
    /// Whether each accident lies in a planned footprint.
    public let accidentCovered: [Bool]
    /// Per black-spot analysis segment, accidents in a planned footprint.
    public let segmentCoveredAccidents: [Int]
    public let coveredWeight: Double
    public let upperBound: Double
    public let gap: Double
    public let stopReason: String
    public let boundSource: String
    /// Covered share after the first k traffic cameras (the cordon counted at k = 0).
    public let curve: [(cameras: Int, share: Double)]
    public let facilityCount: Int
    public let siteCount: Int
    /// Fewest plate cameras that can watch every gateway (certified), when the cordon was a set cover.
    public let cordonLowerBound: Int?
    /// Results that may mislead (a cordon cut by the budget, accidents off the network).
    public let warnings: [String]
    let cordonCoverage: RoadAlignedCoverage?
    let cordonFacilities: [Int]
    let roadCoverage: RoadAlignedCoverage?
    let roadFacilities: [Int]

    public var totalWeight: Double { demand.totalWeight }
    public var gatewaysWatched: Int { gatewaySite.filter { $0 != nil }.count }
    public var blackSpotsWatched: Int { blackSpots.blackSpots.filter { segmentCoveredAccidents[$0] > 0 }.count }
    public var newCost: Double { cameras.reduce(0) { $0 + $1.cost } }

    /// Plans traffic cameras.
    /// - Parameters:
    ///   - groups: every group with its ward polygons (gateway groups are looked up here).
    ///   - sites: candidate sites of the traffic cameras (sites near no counted road get none).
    ///   - trafficCameras: road-aligned camera types resolved at the run's level.
    ///   - plateCamera: the cordon's camera (needed when ``TrafficPlanSettings/gatewayGroups`` is not empty).
    /// - Throws: ``TrafficError`` for unknown groups, groups without gateways and bad settings;
    ///   coverage and solver errors.
    public init(roads: RoadNetwork, accidents: AccidentTable, groups: [(name: String, area: [MultiPolygon<PlanarPoint>])],
                sites: [CandidateSite], trafficCameras: [CameraSpec], plateCamera: CameraSpec?,
                settings s: TrafficPlanSettings) throws {
        guard s.blackSpotPriority.isFinite, s.blackSpotPriority >= 0 else {
            throw TrafficError.invalidSetting("blackspots.priority must be a number >= 0, got \(s.blackSpotPriority)")
        }
        var warnings: [String] = []
        let analysis = try BlackSpotAnalysis(roads: roads, accidents: accidents, weights: s.accidentWeights, rule: s.blackSpotRule)
        if analysis.unmatchedAccidents > 0 {
            warnings.append("\(analysis.unmatchedAccidents) of \(accidents.count) accidents are farther than "
                + "\(Int(s.blackSpotRule.snapToleranceMeters)) m from every road of the counted classes; they count in no black spot")
        }
        // 1. Gateways and the cordon.
        var gateways: [Gateway] = []
        for name in s.gatewayGroups {
            guard let k = groups.firstIndex(where: { $0.name == name }) else {
                throw TrafficError.unknownGroup(name, known: groups.map(\.name))
            }
            let found = try GatewayDetector.gateways(group: name, groupIndex: k, area: groups[k].area, roads: roads.roads,
                                                     classes: s.gatewayClasses)
            guard !found.isEmpty else { throw TrafficError.noGateways(group: name, classes: s.gatewayClasses) }
            gateways += found
        }
        var cordon = Cordon()
        cordon.timeLimitSeconds = s.timeLimitSeconds
        var cordonResult: Cordon.Result?
        if !gateways.isEmpty {
            guard let plateCamera else { throw TrafficError.invalidSetting("a cordon needs a plate camera type") }
            var r = try cordon.plan(gateways: gateways, camera: plateCamera, roads: roads.roads)
            let cost = r.selected.reduce(0) { $0 + r.facilities.costMillionVND[$1] }
            let over: Bool
            switch s.budget {
            case .count(let n): over = r.selected.count > n
            case .cost(let c): over = cost > c + 1e-9
            }
            if over {
                cordon.budget = s.budget
                r = try cordon.plan(gateways: gateways, camera: plateCamera, roads: roads.roads)
                warnings.append("the budget cannot watch all \(gateways.count) gateways; the cordon watches \(r.watchedCount) "
                    + "and no traffic camera is left")
            }
            cordonResult = r
        }
        let cordonSel = cordonResult?.selected ?? []
        let cordonCost = cordonSel.reduce(0) { $0 + (cordonResult?.facilities.costMillionVND[$1] ?? 0) }
        // 2. Demand.
        let counted = roads.filtered(classes: s.blackSpotRule.roadClasses)
        let demand: DemandSet
        switch s.demand {
        case .accidents:
            var w = accidents.weights(s.accidentWeights)
            for i in w.indices {
                if let seg = analysis.segmentOfAccident[i], analysis.counts[seg].isBlackSpot { w[i] *= s.blackSpotPriority }
            }
            demand = try DemandSet(points: accidents.points, weights: w)
        case .roads:
            var pts = PlanarPointSet(), w: [Double] = []
            for r in counted {
                let part = try DemandSet.alongRoads([r.line], spacingMeters: s.roadDemandSpacingMeters, weightPerPoint: s.roadWeight(r.roadClass))
                for i in 0 ..< part.count { pts.append(part.points[i]); w.append(part.weights[i]) }
            }
            demand = try DemandSet(points: pts, weights: w)
        }
        // 3. Traffic-camera coverage on the counted roads, at sites that can see some demand.
        var roadCoverage: RoadAlignedCoverage?
        var roadMatrix: CoverageMatrix?
        if !trafficCameras.isEmpty {
            let reach = trafficCameras.map(\.rangeMeters).max() ?? 0
            let near = Self.sites(sites, within: reach, of: demand.points)
            if !near.isEmpty {
                let cov = try RoadAlignedCoverage(sites: near, cameras: trafficCameras, roads: counted.map(\.line),
                                                  halfWidthMeters: counted.map { s.halfWidth($0.roadClass) })
                roadMatrix = try cov.build(demand: demand)
                roadCoverage = cov
            }
        }
        let cordonMatrix = try cordonResult.map { try $0.coverage.build(demand: demand) }
        // 4. One problem: the cordon's cameras fixed, traffic facilities that cover something.
        var rows: [(cordon: Bool, facility: Int)] = cordonSel.map { (true, $0) }
        let left: PlacementProblem.Budget
        switch s.budget {
        case .count(let n): left = .count(max(0, n - cordonSel.count))
        case .cost(let c): left = .cost(max(0, c - cordonCost))
        }
        if let roadMatrix, let roadCoverage {
            let useful = (0 ..< roadMatrix.facilityCount).filter { roadMatrix.offsets[$0 + 1] > roadMatrix.offsets[$0] }
            let table = roadCoverage.facilityTable()
            let cheapest = useful.map { table.costMillionVND[$0] }.min() ?? 0
            let affordable = switch left {
            case .count(let n): n > 0
            case .cost(let c): c + 1e-9 * max(1, c) >= cheapest
            }
            // After the cordon a budget too small for one traffic camera places none (and
            // says so); without a cordon it is the optimizer's error (a budget in the wrong unit).
            if affordable || cordonSel.isEmpty {
                rows += useful.map { (false, $0) }
            } else if !useful.isEmpty, !warnings.contains(where: { $0.contains("no traffic camera is left") }) {
                let rest = switch left {
                case .count: "no camera"
                case .cost(let c): String(format: "%.1f", c) + ", less than the cheapest traffic camera (" + String(format: "%.1f", cheapest) + ")"
                }
                warnings.append("the cordon takes the budget (\(cordonSel.count) plate cameras, " + String(format: "%.1f", cordonCost)
                    + "); it leaves \(rest): no traffic camera placed")
            }
        }
        var offsets = [0], indices: [Int32] = [], costs: [Double] = [], siteOf: [Int] = []
        let cordonSites = cordonResult?.sites.count ?? 0
        for r in rows {
            let m = r.cordon ? cordonMatrix! : roadMatrix!
            let t = r.cordon ? cordonResult!.facilities : roadCoverage!.facilityTable()
            indices.append(contentsOf: m.covered(by: r.facility))
            offsets.append(indices.count)
            costs.append(t.costMillionVND[r.facility])
            siteOf.append(r.cordon ? Int(t.siteIndex[r.facility]) : cordonSites + Int(t.siteIndex[r.facility]))
        }
        // Dense site indices for the problem.
        // Keyed by every value of siteOf, so `denseSites[$0]!` over siteOf cannot miss.
        let denseSites = Dictionary(uniqueKeysWithValues: Set(siteOf).sorted().enumerated().map { ($1, $0) })
        let matrix = try CoverageMatrix(demandCount: demand.count, offsets: offsets, indices: indices)
        var chosen: [(row: Int, marginal: Double)] = []
        var covered = 0.0, ub = 0.0, gap = 0.0, stop = "no_candidates", bound = "none"
        var curve: [(cameras: Int, share: Double)] = []
        if !rows.isEmpty {
            let problem = try PlacementProblem(
                matrix: matrix, demandWeights: demand.weights, facilityCosts: costs, siteOfFacility: siteOf.map { denseSites[$0]! },
                perSite: s.perSite, fixedFacilities: Array(0 ..< cordonSel.count), budget: left)
            let r = try MCLPSolver(options: SolverOptions(timeLimitSeconds: s.timeLimitSeconds)).solve(problem)
            chosen = r.selected.map { ($0.facility, $0.marginalWeight) }
            covered = r.coveredWeight
            ub = r.upperBound
            gap = r.gap
            stop = r.stopReason.rawValue
            bound = r.boundSource.rawValue
            curve = r.curve.map { ($0.newCameras, $0.share) }
            warnings += r.warnings
        }
        // 5. Cameras, footprints, what they cover.
        var cameras: [Camera] = []
        var demandCovered = [Bool](repeating: false, count: demand.count)
        var roadSel: [Int] = []
        for c in chosen {
            for i in matrix.covered(by: c.row) { demandCovered[Int(i)] = true }
            let r = rows[c.row]
            let cov = r.cordon ? cordonResult!.coverage : roadCoverage!
            let t = r.cordon ? cordonResult!.facilities : cov.facilityTable()
            if !r.cordon { roadSel.append(r.facility) }
            let site = cov.sites[Int(t.siteIndex[r.facility])]
            let spec = cov.cameras.first { $0.typeId == t.cameraTypeId[r.facility] }!
            cameras.append(Camera(siteID: site.id, location: site.location, typeID: t.cameraTypeId[r.facility],
                                  headingDegrees: t.headingDegrees[r.facility], fovDegrees: t.fovDegrees[r.facility],
                                  rangeMeters: t.rangeMeters[r.facility], cost: t.costMillionVND[r.facility], cordon: r.cordon,
                                  marginalWeight: c.marginal,
                                  footprint: try cov.footprint(site: site.location, headingDegrees: t.headingDegrees[r.facility], camera: spec)))
        }
        self.settings = s
        self.blackSpots = analysis
        self.gateways = gateways
        self.gatewaySite = (cordonResult?.watcher ?? []).map { w in w.map { cordonResult!.sites[Int(cordonResult!.facilities.siteIndex[$0])].id } }
        self.cameras = cameras
        self.demand = demand
        self.demandCovered = demandCovered
        self.coveredWeight = covered
        self.upperBound = ub
        self.gap = gap
        self.stopReason = stop
        self.boundSource = bound
        self.curve = curve
        self.facilityCount = rows.count
        self.siteCount = (roadCoverage?.sites.count ?? 0) + cordonSites
        self.cordonLowerBound = cordonResult?.lowerBoundCameras
        self.cordonCoverage = cordonResult?.coverage
        self.cordonFacilities = cordonSel
        self.roadCoverage = roadCoverage
        self.roadFacilities = roadSel
        // Accidents in a planned footprint (the demand itself when it is the accidents).
        let accCovered: [Bool]
        if s.demand == .accidents {
            accCovered = demandCovered
        } else {
            accCovered = try Self.mask(accidents.points, cordonCoverage: cordonResult?.coverage, cordon: cordonSel,
                                       roadCoverage: roadCoverage, road: roadSel)
        }
        self.accidentCovered = accCovered
        var segCovered = [Int](repeating: 0, count: analysis.segments.count)
        for (i, seg) in analysis.segmentOfAccident.enumerated() { if let seg, accCovered[i] { segCovered[seg] += 1 } }
        self.segmentCoveredAccidents = segCovered
        self.warnings = warnings
    }

    /// Which of `points` lie in a planned footprint.
    /// - Throws: coverage errors.
    public func coveredMask(_ points: PlanarPointSet) throws -> [Bool] {
        try Self.mask(points, cordonCoverage: cordonCoverage, cordon: cordonFacilities, roadCoverage: roadCoverage, road: roadFacilities)
    }

    static func mask(_ points: PlanarPointSet, cordonCoverage: RoadAlignedCoverage?, cordon: [Int],
                     roadCoverage: RoadAlignedCoverage?, road: [Int]) throws -> [Bool] {
        var out = [Bool](repeating: false, count: points.count)
        let demand = DemandSet(unweighted: points)
        for (cov, sel) in [(cordonCoverage, cordon), (roadCoverage, road)] {
            guard let cov, !sel.isEmpty else { continue }
            let m = try cov.build(demand: demand)
            for j in sel { for i in m.covered(by: j) { out[Int(i)] = true } }
        }
        return out
    }

    /// The sites with a demand point within `reach` metres.
    static func sites(_ sites: [CandidateSite], within reach: Double, of points: PlanarPointSet) -> [CandidateSite] {
        struct Cell: Hashable { var x: Int; var y: Int }
        let size = max(1, reach)
        var cells = Set<Cell>()
        for i in 0 ..< points.count {
            cells.insert(Cell(x: Int((points.xs[i] / size).rounded(.down)), y: Int((points.ys[i] / size).rounded(.down))))
        }
        return sites.filter { site in
            let cx = Int((site.location.x / size).rounded(.down)), cy = Int((site.location.y / size).rounded(.down))
            for dx in -1 ... 1 { for dy in -1 ... 1 where cells.contains(Cell(x: cx + dx, y: cy + dy)) { return true } }
            return false
        }
    }
}
