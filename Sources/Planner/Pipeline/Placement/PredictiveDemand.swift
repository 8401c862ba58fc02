import Coverage
import Foundation
import GeoKit
import HotSpots

/// `demand: predictive`: the kernel density of the analysed incidents (``PredictiveDensity``:
/// bandwidth `demand_bandwidth_m`, recency `half_life_days`, repeat boost `repeat_boost`) at
/// points every `predictive_spacing_m` along the roads; points the kernel does not reach
/// carry no demand.
struct PredictiveDemand: DemandSource {
    func demand(_ c: DemandContext) throws -> (DemandSet, [Int?]) {
        let s = c.settings
        let samples = try c.roadSamples(spacingMeters: s.predictiveSpacingMeters, for: "predictive")
        // The surface applies its own half-life (an `auto` candidate's, else `half_life_days`)
        // to the undecayed weights: the decay counts once.
        let density = try s.predictive(halfLifeDays: c.incidentSettings.halfLifeDays)
        let surface = density.values(at: samples.points, points: c.incidentPoints,
                                     incidentWeights: density.incidentWeights(points: c.incidentPoints, weights: c.undecayedWeights,
                                                                              dayNumbers: c.incidentDays))
        if let bad = surface.first(where: { !$0.isFinite }) {
            throw PlannerError.invalidConfiguration("predictive demand overflows (a road point's density is \(bad)) with repeat_boost "
                + "\(s.repeatBoost.settingText) and demand_bandwidth_m \(s.demandBandwidthMeters.settingText): use a smaller repeat_boost")
        }
        var pts = PlanarPointSet(), ws: [Double] = []
        for i in 0 ..< samples.count where surface[i] > 0 {
            pts.append(samples.points[i])
            ws.append(surface[i])
        }
        return (try DemandSet(points: pts, weights: ws), try c.wards(of: pts))
    }
}

/// `demand: auto` reaching a fit unresolved: ``PlacementProcedure`` chooses the demand first.
struct UnresolvedAutoDemand: DemandSource {
    func demand(_ c: DemandContext) throws -> (DemandSet, [Int?]) {
        throw PlannerError.invalidConfiguration("demand auto must be resolved by DemandSelection before placement")
    }
}
