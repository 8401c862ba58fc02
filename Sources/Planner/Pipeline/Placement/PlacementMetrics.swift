import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// The figures of a plan per ward, per group and per hot cell: the share of each ward's
/// weighted incidents inside a footprint, and per group the area, residents, demand and its
/// covered part, 95% hot cells and those covered, cameras and cost.
struct PlacementMetrics {
    var wardCoveredShare: [Double?]
    var groups: [GroupOutcome]

    /// - Parameters:
    ///   - coveredDemand: whether each demand point of the problem (the copies of graded
    ///     coverage, ``GradedCoverage``) is covered by a chosen facility.
    ///   - demandWeights, origin: the weight of each problem point and the demand point it
    ///     came from.
    ///   - watched: what each camera watches, in `cameras` order.
    init(data: StudyData, hot: HotSpotOutcome?, demand d: ScenarioDemand, coveredDemand: [Bool], demandWeights: [Double], origin: [Int],
         cameras: [PlacementOutcome.Camera], watched: FootprintUnion, groups wardGroups: WardGroups) {
        let inc = data.incidents
        // Per ward, on the incidents themselves.
        wardCoveredShare = Self.wardShares(wardCount: data.boundaries.wards.count, wardOf: d.incidentIndices.map { inc.wardIndices[$0] },
                                           weights: d.incidentWeights, credit: watched.credits(of: d.incidentPoints))
        // Per group, on the problem's own demand.
        var groups = Self.groupOutcomes(data: data, groups: wardGroups, demandWard: origin.map { d.wardOfDemand[$0] },
                                        demandWeights: demandWeights, covered: coveredDemand, cameras: cameras)
        let groupOf = wardGroups.ofWard
        if let hot {
            let r = hot.result
            var hotCovered = [Bool](repeating: false, count: r.cells.count)
            // A hot cell counts as covered when a planned camera stands in it or its footprint
            // reaches the cell centre.
            for (cam, views) in zip(cameras, watched.cameras) {
                if let c = r.cells.cellIndex(x: cam.location.x, y: cam.location.y) { hotCovered[c] = true }
                for c in PlacementMetrics.cellsNear(r.cells, cam.location, radius: cam.rangeMeters) where views.credit(r.cells.centers[c]) > 0 {
                    hotCovered[c] = true
                }
            }
            for c in 0 ..< r.cells.count where r.giBin[c] >= 2 {
                guard let w = hot.wardOfCell[c] else { continue }
                let g = groupOf[w]
                groups[g].hotCells95 += 1
                if hotCovered[c] { groups[g].hotCells95Covered += 1 }
            }
        }
        self.groups = groups
    }

    /// Covered share of each ward's weighted points: `Σ weight · credit / Σ weight` over the
    /// points in the ward (`wardOf` < 0 or out of range: in none); `nil` for a ward without
    /// weight. Every plan's `ward_covered_share` comes from here.
    static func wardShares(wardCount: Int, wardOf: [Int], weights: [Double], credit: [Double]) -> [Double?] {
        var w = [Double](repeating: 0, count: wardCount), c = w
        for k in wardOf.indices {
            let ward = wardOf[k]
            guard ward >= 0, ward < wardCount else { continue }
            w[ward] += weights[k]
            c[ward] += weights[k] * credit[k]
        }
        return (0 ..< wardCount).map { w[$0] > 0 ? c[$0] / w[$0] : nil }
    }

    /// Per group (``WardGroups`` order): area, residents, the demand and its covered part,
    /// cameras and cost of the new ones; hot cells left at 0. Every plan's groups come from here.
    /// - Parameter demandWard: the ward of each demand point, `nil` outside every ward.
    static func groupOutcomes(data: StudyData, groups wardGroups: WardGroups, demandWard: [Int?], demandWeights: [Double],
                              covered: [Bool], cameras: [PlacementOutcome.Camera]) -> [GroupOutcome] {
        let groupOf = wardGroups.ofWard
        var groups = wardGroups.names.map { g in
            GroupOutcome(group: g, areaKm2: 0, population: nil, demandWeight: 0, coveredWeight: 0, hotCells95: 0,
                         hotCells95Covered: 0, camerasExisting: 0, camerasNew: 0, cost: 0)
        }
        for (w, ward) in data.boundaries.wards.enumerated() {
            let g = groupOf[w]
            groups[g].areaKm2 += ward.areaSquareMeters / 1e6
            if let p = data.populations[w] { groups[g].population = (groups[g].population ?? 0) + p }
        }
        for i in demandWard.indices {
            guard let w = demandWard[i] else { continue }
            let g = groupOf[w]
            groups[g].demandWeight += demandWeights[i]
            if covered[i] { groups[g].coveredWeight += demandWeights[i] }
        }
        for cam in cameras {
            guard let w = cam.ward else { continue }
            let g = groupOf[w]
            if cam.existing { groups[g].camerasExisting += 1 } else { groups[g].camerasNew += 1; groups[g].cost += cam.cost }
        }
        return groups
    }

    /// Cells whose centre lies within `radius` of `p` (lattice cells only; ward units: all).
    static func cellsNear(_ cells: CellGrid, _ p: PlanarPoint, radius: Double) -> [Int] {
        (0 ..< cells.count).lazy.filter { c in
            let dx = cells.centers.xs[c] - p.x, dy = cells.centers.ys[c] - p.y
            return dx * dx + dy * dy <= radius * radius
        }.map { $0 }
    }
}
