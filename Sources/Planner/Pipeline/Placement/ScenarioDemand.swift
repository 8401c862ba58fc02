import Coverage
import Foundation
import GeoKit
import HotSpots

/// The demand of a scenario: the optimizer's weighted points with the ward of each, and the
/// analysed incidents with their weights (the ward figures are measured on those, whatever
/// the demand kind).
struct ScenarioDemand {
    var demand: DemandSet
    /// Ward of each demand point (cell demand takes its cell's ward when the point lies
    /// just outside every ward).
    var wardOfDemand: [Int?]
    var incidentIndices: [Int]
    var incidentPoints: PlanarPointSet
    var incidentWeights: [Double]

    /// The incidents `incidents` selects (or the hot-spot outcome's, when given), weighted by
    /// its rule (severity × weight column, category filter, half-life decay; the rule of the
    /// hot spots), ×`hotPriority` in 95% hot cells, then the demand points of
    /// `settings.demand` from its ``DemandSource``.
    static func make(_ data: StudyData, hot: HotSpotOutcome?, incidents h: HotSpotSettings,
                     settings s: PlacementSettings) throws -> ScenarioDemand {
        let inc = data.incidents
        let chosen = hot?.settings ?? h
        let incidentIdx = hot?.incidentIndices ?? chosen.incidentIndices(in: data)
        let days = incidentIdx.map { i in inc.dates[i].map { CivilDate.dayNumber(year: $0.year, month: $0.month, day: $0.day) } }
        let weighting = try chosen.incidentWeighting(referenceDayNumber: days.compactMap { $0 }.max())
        var incPoints = PlanarPointSet()
        var incWeights: [Double] = [], undecayed: [Double] = []
        for (k, i) in incidentIdx.enumerated() {
            incPoints.append(inc.points[i])
            var w = weighting.weight(severity: data.severityClasses[i], base: inc.weights[i], category: inc.categories[i], dayNumber: days[k])
            var u = weighting.weight(severity: data.severityClasses[i], base: inc.weights[i], category: inc.categories[i], dayNumber: days[k],
                                     decayed: false)
            if let hot, s.hotPriority != 1, hot.isHot95(at: inc.points[i]) {
                w *= s.hotPriority
                u *= s.hotPriority
            }
            guard w.isFinite, u.isFinite else {
                throw PlannerError.invalidConfiguration("incident \(inc.ids[i]): its demand weight (severity × weight column \(inc.weights[i])"
                    + "\(s.hotPriority != 1 ? " × hot_priority \(s.hotPriority.settingText)" : "")) overflows")
            }
            incWeights.append(w)
            undecayed.append(u)
        }
        let context = DemandContext(data: data, hot: hot, incidentSettings: chosen, settings: s, incidentIndices: incidentIdx,
                                    incidentPoints: incPoints, incidentWeights: incWeights, undecayedWeights: undecayed,
                                    incidentDays: days)
        let (demand, demandWard) = try s.demand.source.demand(context)
        return ScenarioDemand(demand: demand, wardOfDemand: demandWard, incidentIndices: incidentIdx,
                              incidentPoints: incPoints, incidentWeights: incWeights)
    }
}

/// What a demand source reads: the study, the hot spots, the settings and the weighted
/// incidents.
struct DemandContext {
    var data: StudyData
    var hot: HotSpotOutcome?
    /// The settings that chose and weighted the incidents (years, categories, half-life).
    var incidentSettings: HotSpotSettings
    var settings: PlacementSettings
    var incidentIndices: [Int]
    var incidentPoints: PlanarPointSet
    /// Each incident's weight, decayed by `half_life_days` when set.
    var incidentWeights: [Double]
    /// The same without the decay (a demand kind with its own recency rule starts from these).
    var undecayedWeights: [Double]
    /// ``CivilDate`` day of each incident, `nil` when undated.
    var incidentDays: [Int?]

    /// Points every `spacingMeters` along the study's roads, for the demand `noun` (`road`,
    /// `predictive`) that lives on them.
    /// - Throws: ``PlannerError/invalidConfiguration(_:)`` naming the demand when there is no
    ///   road layer.
    func roadSamples(spacingMeters: Double, for noun: String) throws -> DemandSet {
        guard !data.roads.isEmpty else {
            throw PlannerError.invalidConfiguration("\(noun) demand needs a road layer (--roads, or roads: in the scenario inputs)")
        }
        return try DemandSet.alongRoads(data.roads, spacingMeters: spacingMeters)
    }

    /// The ward holding each of `points` (`nil` outside every ward).
    func wards(of points: PlanarPointSet) throws -> [Int?] {
        try PolygonIndex(data.boundaries.wards.map(\.geometry)).firstContaining(points)
    }
}

/// One demand kind (`demand:`, `--demand`): turns the study into the optimizer's weighted
/// points and the ward of each. A new kind is a ``DemandKind`` case, a type conforming to
/// this in its own file, and its line in ``DemandKind/source``.
protocol DemandSource {
    func demand(_ context: DemandContext) throws -> (DemandSet, [Int?])
}

extension DemandKind {
    /// The source that builds this kind of demand.
    var source: any DemandSource {
        switch self {
        case .incidents: IncidentDemand()
        case .roads: RoadDemand()
        case .kde: CellScoreDemand(score: .kde)
        case .gistar: CellScoreDemand(score: .giStar)
        case .accidents: AccidentDemandRefused()
        case .predictive: PredictiveDemand()
        case .auto: UnresolvedAutoDemand()
        }
    }
}

/// Accident demand is planned by ``TrafficStage`` (road-aligned cameras); the pipeline never
/// sends it here, and a direct call is refused.
struct AccidentDemandRefused: DemandSource {
    func demand(_ context: DemandContext) throws -> (DemandSet, [Int?]) {
        throw PlannerError.invalidConfiguration("accident demand is planned by the traffic stage, not by PlacementStage")
    }
}

extension HotSpotOutcome {
    /// Whether `p` lies in a cell at 95% confidence or more (Gi* bin >= 2).
    func isHot95(at p: PlanarPoint) -> Bool {
        result.cells.cellIndex(x: p.x, y: p.y).map { result.giBin[$0] >= 2 } ?? false
    }
}
