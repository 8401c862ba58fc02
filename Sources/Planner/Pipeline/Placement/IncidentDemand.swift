import Coverage
import Foundation

/// `demand: incidents`: each analysed incident, weighted by severity (×`hot_priority` in
/// 95% hot cells), at its own place.
struct IncidentDemand: DemandSource {
    func demand(_ c: DemandContext) throws -> (DemandSet, [Int?]) {
        let inc = c.data.incidents
        let demand = try DemandSet(points: c.incidentPoints, weights: c.incidentWeights)
        return (demand, c.incidentIndices.map { inc.wardIndices[$0] >= 0 ? inc.wardIndices[$0] : nil })
    }
}
