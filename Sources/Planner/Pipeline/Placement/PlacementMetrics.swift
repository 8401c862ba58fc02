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
    ///   - coveredDemand: whether each demand point is covered by a chosen facility.
    ///   - footprints: the footprint of each camera, in `cameras` order.
    init(data: StudyData, hot: HotSpotOutcome?, demand d: ScenarioDemand, coveredDemand: [Bool], cameras: [PlacementOutcome.Camera],
         footprints: [Footprint], builder: CoverageBuilder, groups wardGroups: WardGroups) {
        let wards = data.boundaries.wards
        let inc = data.incidents
        // Per ward, on the incidents themselves.
        let incCovered = PlacementMetrics.coveredMask(points: d.incidentPoints, footprints: footprints, builder: builder)
        var wardW = [Double](repeating: 0, count: wards.count), wardC = wardW
        for (k, i) in d.incidentIndices.enumerated() {
            let w = inc.wardIndices[i]
            guard w >= 0, w < wards.count else { continue }
            wardW[w] += d.incidentWeights[k]
            if incCovered[k] { wardC[w] += d.incidentWeights[k] }
        }
        wardCoveredShare = wards.indices.map { wardW[$0] > 0 ? wardC[$0] / wardW[$0] : nil }
        // Per group, on the problem's own demand.
        let groupOf = wardGroups.ofWard
        var groups = wardGroups.names.map { g in
            GroupOutcome(group: g, areaKm2: 0, population: nil, demandWeight: 0, coveredWeight: 0, hotCells95: 0,
                         hotCells95Covered: 0, camerasExisting: 0, camerasNew: 0, cost: 0)
        }
        for (w, ward) in wards.enumerated() {
            let g = groupOf[w]
            groups[g].areaKm2 += ward.areaSquareMeters / 1e6
            if let p = data.populations[w] { groups[g].population = (groups[g].population ?? 0) + p }
        }
        for i in 0 ..< d.demand.count {
            guard let w = d.wardOfDemand[i] else { continue }
            let g = groupOf[w]
            groups[g].demandWeight += d.demand.weights[i]
            if coveredDemand[i] { groups[g].coveredWeight += d.demand.weights[i] }
        }
        for cam in cameras {
            guard let w = cam.ward else { continue }
            let g = groupOf[w]
            if cam.existing { groups[g].camerasExisting += 1 } else { groups[g].camerasNew += 1; groups[g].cost += cam.cost }
        }
        if let hot {
            let r = hot.result
            var hotCovered = [Bool](repeating: false, count: r.cells.count)
            // A hot cell counts as covered when a planned camera stands in it or its footprint
            // reaches the cell centre.
            for (cam, fp) in zip(cameras, footprints) {
                if let c = r.cells.cellIndex(x: cam.location.x, y: cam.location.y) { hotCovered[c] = true }
                for c in PlacementMetrics.cellsNear(r.cells, cam.location, radius: cam.rangeMeters) where fp.contains(r.cells.centers[c]) {
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
