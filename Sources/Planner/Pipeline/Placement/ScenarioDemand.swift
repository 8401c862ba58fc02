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

    /// The incidents weighted by severity (and the weight column), ×`hotPriority` in 95% hot
    /// cells, then the demand points of `settings.demand` from its ``DemandSource``.
    static func make(_ data: StudyData, hot: HotSpotOutcome?, settings s: PlacementSettings) throws -> ScenarioDemand {
        let inc = data.incidents
        let incidentIdx = hot?.incidentIndices ?? (0 ..< inc.count).filter { i in
            s.years.map { ys in inc.dates[i].map { ys.contains($0.year) } ?? false } ?? true
        }
        var incPoints = PlanarPointSet()
        var incWeights: [Double] = []
        for (k, i) in incidentIdx.enumerated() {
            incPoints.append(inc.points[i])
            // The hot-spot weights already hold severity x the weight column; without hot
            // spots, the same product here.
            var w = hot?.result.incidentWeights[k] ?? IncidentWeighting.severity.severityWeight(of: data.severityClasses[i], base: inc.weights[i])
            if let hot, s.hotPriority != 1, hot.isHot95(at: inc.points[i]) { w *= s.hotPriority }
            incWeights.append(w)
        }
        let context = DemandContext(data: data, hot: hot, settings: s, incidentIndices: incidentIdx, incidentPoints: incPoints,
                                    incidentWeights: incWeights)
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
    var settings: PlacementSettings
    var incidentIndices: [Int]
    var incidentPoints: PlanarPointSet
    var incidentWeights: [Double]
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
