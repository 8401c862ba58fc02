import Coverage
import Foundation
import GeoKit

/// `demand: roads`: a point every `road_demand_spacing_m` along the roads, weight 1
/// (×`hot_priority` in 95% hot cells): the street network evenly.
struct RoadDemand: DemandSource {
    func demand(_ c: DemandContext) throws -> (DemandSet, [Int?]) {
        let s = c.settings
        let samples = try c.roadSamples(spacingMeters: s.roadDemandSpacingMeters, for: "road")
        var ws = samples.weights
        if let hot = c.hot, s.hotPriority != 1 {
            for i in 0 ..< samples.count where hot.isHot95(at: samples.points[i]) { ws[i] *= s.hotPriority }
        }
        let demand = try DemandSet(points: samples.points, weights: ws)
        return (demand, try c.wards(of: samples.points))
    }
}
