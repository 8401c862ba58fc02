import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer
import Traffic

/// The inputs of a traffic plan read once per run: the roads with names and classes and the
/// accidents with their classes.
public struct TrafficInputs: Sendable {
    public var roads: RoadNetwork
    public var accidents: AccidentTable

    public init(roads: RoadNetwork, accidents: AccidentTable) {
        self.roads = roads
        self.accidents = accidents
    }

    /// Reads `data.inputs.roads` with names and classes.
    /// - Throws: ``PlannerError/invalidConfiguration(_:)`` without a road layer; loader errors.
    public static func loadRoads(_ data: StudyData) throws -> RoadNetwork {
        guard let roads = data.inputs.roads else {
            throw PlannerError.invalidConfiguration("traffic cameras need a road layer (roads: in the inputs, or --roads)")
        }
        return try RoadNetwork.load(roads, to: data.boundaries.workCRS)
    }

    /// Reads `data.inputs.accidents` with their classes (in the CRS of the incident tables).
    /// - Throws: ``PlannerError/invalidConfiguration(_:)`` without an accident file; loader
    ///   errors (a bad accident class names its row).
    public static func loadAccidents(_ data: StudyData) throws -> AccidentTable {
        guard let accidents = data.inputs.accidents else {
            throw PlannerError.invalidConfiguration("demand 'accidents' needs an accident file (accidents: in the inputs, or --accidents)")
        }
        return try AccidentTable.load(accidents, options: data.inputs.accidentOptions, boundaries: data.boundaries)
    }
}

/// Class-weighted accidents per group and the part inside a plan's footprints (any plan).
public struct AccidentFigures: Sendable, Equatable {
    /// Group → (weight, covered weight).
    public var byGroup: [String: (weight: Double, covered: Double)]

    public static func == (a: AccidentFigures, b: AccidentFigures) -> Bool {
        a.byGroup.keys.sorted() == b.byGroup.keys.sorted()
            && a.byGroup.allSatisfy { k, v in b.byGroup[k].map { $0.weight == v.weight && $0.covered == v.covered } ?? false }
    }

    public var weight: Double { byGroup.values.reduce(0) { $0 + $1.weight } }
    public var covered: Double { byGroup.values.reduce(0) { $0 + $1.covered } }
    /// Covered share of all the weighted accidents (0 without accidents).
    public var share: Double { weight > 0 ? covered / weight : 0 }
}

/// What a traffic scenario produced: the placement figures every scenario has, and the
/// traffic plan (black spots, gateways, accident coverage).
public struct TrafficOutcome: Sendable {
    public var placement: PlacementOutcome
    public var plan: TrafficPlan
    /// Per group: black spots, black spots watched, gateways, gateways watched.
    public var byGroup: [String: TrafficGroupFigures]
    /// Group of each black-spot analysis segment (by its midpoint), `nil` outside every ward.
    public var segmentGroup: [String?]
}

/// Traffic figures of one group.
public struct TrafficGroupFigures: Sendable, Equatable {
    public var blackSpots = 0
    public var blackSpotsWatched = 0
    public var gateways = 0
    public var gatewaysWatched = 0
    public init() {}
}

/// Runs a traffic plan for a scenario and maps it onto the placement outcome, so that the
/// camera, coverage, group and comparison outputs are those of every scenario.
public enum TrafficStage {
    /// - Parameters:
    ///   - cameraTypes: the scenario's camera mix; every type must be road-aligned (`traffic`, `lpr`).
    /// - Throws: ``PlannerError/invalidConfiguration(_:)`` for a fixed or PTZ type in the mix or
    ///   as `plate_camera`; ``GeoError/overMemoryBudget(what:count:estimatedBytes:budgetBytes:change:)``
    ///   when the black-spot segments would not fit `memoryBudget`; traffic-plan errors.
    public static func run(_ data: StudyData, inputs: TrafficInputs, sites: SiteSet, settings: TrafficPlanSettings,
                           cameraTypes: [String], dori: DORILevel, memoryBudget: MemoryBudget = .machineDefault) throws -> TrafficOutcome {
        let start = Date()
        // The black-spot segments (geometry, counts and their output feature) grow with the
        // counted road length over the segment length: refuse a length that would not fit.
        let rule = settings.blackSpotRule
        let counted = inputs.roads.filtered(classes: rule.roadClasses)
        let lengthMeters = counted.reduce(0.0) { sum, r in
            sum + zip(r.line.points, r.line.points.dropFirst()).reduce(0.0) { $0 + $1.0.distance(to: $1.1) }
        }
        try memoryBudget.require("black-spot segments of \(rule.segmentLengthMeters) m along \(Int(lengthMeters / 1000)) km of roads",
                                 count: lengthMeters / rule.segmentLengthMeters + Double(counted.count), bytesEach: 1500,
                                 change: "use a longer blackspot_segment_m (--blackspot-segment) or fewer blackspot_classes")
        let wards = data.boundaries.wards
        var specs: [CameraSpec] = []
        for id in cameraTypes {
            let t = try data.catalog.type(id: id)
            guard t.kind.isRoadAligned else {
                throw PlannerError.invalidConfiguration("camera type '\(id)' is a \(t.kind.rawValue) camera; a traffic scenario "
                    + "(demand accidents or gateways) places road-aligned types only (kind traffic or lpr)")
            }
            specs.append(try CameraSpec(type: t, level: dori))
        }
        var plate: CameraSpec?
        if !settings.gatewayGroups.isEmpty {
            let t = try data.catalog.type(id: settings.plateCamera)
            guard t.kind.isRoadAligned else {
                throw PlannerError.invalidConfiguration("plate_camera '\(t.id)' is a \(t.kind.rawValue) camera; the cordon's plate "
                    + "camera is aimed along the road (kind lpr or traffic)")
            }
            plate = try CameraSpec(type: t, level: dori)
        }
        let wardGroups = WardGroups(wards)
        let groupNames = wardGroups.names
        let groups = groupNames.map { g in (name: g, area: wards.filter { $0.group == g }.map(\.geometry)) }
        let plan = try TrafficPlan(roads: inputs.roads, accidents: inputs.accidents, groups: groups, sites: sites.sites,
                                   trafficCameras: specs, plateCamera: plate, settings: settings)
        let index = try PolygonIndex(wards.map(\.geometry))
        // Cameras.
        var cameras: [PlacementOutcome.Camera] = []
        for (n, c) in plan.cameras.enumerated() {
            cameras.append(.init(siteID: c.siteID, location: c.location, typeID: c.typeID, headingDegrees: c.headingDegrees,
                                 fovDegrees: c.fovDegrees, rangeMeters: c.rangeMeters, cost: c.cost, order: n + 1,
                                 marginalWeight: c.marginalWeight, existing: false, ward: try index.firstContaining(c.location),
                                 footprint: c.footprint, presetShares: [1]))
        }
        // Groups: the plan's demand and cameras, summed as for every plan, then the traffic figures.
        let wardOfDemand: [Int?] = settings.demand == .accidents
            ? inputs.accidents.incidents.wardIndices.map { $0 >= 0 ? $0 : nil }
            : try index.firstContaining(plan.demand.points)
        let groupOut = PlacementMetrics.groupOutcomes(data: data, groups: wardGroups, demandWard: wardOfDemand,
                                                      demandWeights: plan.demand.weights, covered: plan.demandCovered, cameras: cameras)
        // `figures` holds a key for every ward's group (groupNames are those groups), so the
        // `[group]!` look-ups below cannot miss.
        var figures = Dictionary(uniqueKeysWithValues: groupNames.map { ($0, TrafficGroupFigures()) })
        var mids = PlanarPointSet()
        for s in plan.blackSpots.segments { mids.append(midpoint(s.line.points)) }
        let segmentGroup = try index.firstContaining(mids).map { $0.map { wards[$0].group } }
        for s in plan.blackSpots.blackSpots {
            guard let g = segmentGroup[s] else { continue }
            figures[g]!.blackSpots += 1
            if plan.segmentCoveredAccidents[s] > 0 { figures[g]!.blackSpotsWatched += 1 }
        }
        for (g, site) in zip(plan.gateways, plan.gatewaySite) {
            figures[g.group]!.gateways += 1
            if site != nil { figures[g.group]!.gatewaysWatched += 1 }
        }
        // Ward shares on the incidents, as in every scenario (for the model-ward criteria).
        let inc = data.incidents
        let wardShares = PlacementMetrics.wardShares(
            wardCount: wards.count, wardOf: inc.wardIndices,
            weights: (0 ..< inc.count).map { (IncidentWeighting.defaultSeverityWeights[data.severityClasses[$0]] ?? 1) * inc.weights[$0] },
            credit: try plan.coveredMask(inc.points).map { $0 ? 1 : 0 })
        let placement = PlacementOutcome(
            cameras: cameras, coveredWeight: plan.coveredWeight, totalWeight: plan.totalWeight, upperBound: plan.upperBound,
            gap: plan.gap, stopReason: plan.stopReason, boundSource: plan.boundSource, curve: plan.curve, newCost: plan.newCost,
            runtimeSeconds: Date().timeIntervalSince(start), demandCount: plan.demand.count, facilityCount: plan.facilityCount,
            siteCount: plan.siteCount, lowerBoundCameras: nil,
            wardCoveredShare: wardShares, groups: groupOut,
            // Carriageway footprints are not camera sectors: the traffic plan scores its own
            // accidents (plan.accidentCovered); no held-out incident scoring runs on it.
            watched: FootprintUnion(cameras: [], obstacles: nil), warnings: plan.warnings)
        return TrafficOutcome(placement: placement, plan: plan, byGroup: figures, segmentGroup: segmentGroup)
    }

    /// `groups` with the accident and traffic figures of `p` filled in (for the comparison).
    public static func comparisonGroups(_ p: PlanProducts, _ groups: [GroupOutcome]) -> [GroupOutcome] {
        groups.map { g in
            var g = g
            if let a = p.accidents?.byGroup[g.group] {
                g.accidentWeight = a.weight
                g.accidentCovered = a.covered
            }
            if let t = p.traffic?.byGroup[g.group] {
                g.blackSpots = t.blackSpots
                g.blackSpotsWatched = t.blackSpotsWatched
                g.gateways = t.gateways
                g.gatewaysWatched = t.gatewaysWatched
            }
            return g
        }
    }

    /// The point halfway along a polyline.
    static func midpoint(_ pts: [PlanarPoint]) -> PlanarPoint {
        let total = zip(pts, pts.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
        var left = total / 2
        for (a, b) in zip(pts, pts.dropFirst()) {
            let d = a.distance(to: b)
            if d >= left, d > 0 { return PlanarPoint(x: a.x + (b.x - a.x) * left / d, y: a.y + (b.y - a.y) * left / d) }
            left -= d
        }
        return pts.first ?? PlanarPoint(x: 0, y: 0)
    }

    /// Class-weighted accidents per group and the part inside the plan's footprints: the
    /// traffic plan's own test for a traffic scenario, else the credit the plan's
    /// ``FootprintUnion`` gives each accident, as for every other coverage figure (a PTZ
    /// preset credits its dwell share; for a crime plan this says how much of the accident
    /// problem its cameras see).
    public static func accidentFigures(_ data: StudyData, placement: PlacementOutcome, traffic: TrafficOutcome?,
                                       accidents: AccidentTable, weights: AccidentWeights) throws -> AccidentFigures {
        let credit: [Double] = traffic.map { $0.plan.accidentCovered.map { $0 ? 1 : 0 } }
            ?? placement.watched.credits(of: accidents.points)
        let wards = data.boundaries.wards
        // A key for every ward's group: `byGroup[wards[ward].group]!` cannot miss.
        var byGroup = Dictionary(uniqueKeysWithValues: Set(wards.map(\.group)).map { ($0, (weight: 0.0, covered: 0.0)) })
        let w = accidents.weights(weights)
        for i in 0 ..< accidents.count {
            let ward = accidents.incidents.wardIndices[i]
            guard ward >= 0 else { continue }
            byGroup[wards[ward].group]!.weight += w[i]
            byGroup[wards[ward].group]!.covered += w[i] * credit[i]
        }
        return AccidentFigures(byGroup: byGroup)
    }
}
