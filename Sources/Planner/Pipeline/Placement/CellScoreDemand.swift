import Coverage
import Foundation
import GeoKit

/// `demand: kde` and `demand: gistar`: each hot-spot cell's score (kernel density, or the
/// positive Gi* z-score; ×`hot_priority` in 95% hot cells) spread over the road points inside
/// it, or at the cell centre when the cell has no road (or there are no roads).
struct CellScoreDemand: DemandSource {
    enum Score { case kde, giStar }
    var score: Score

    func demand(_ c: DemandContext) throws -> (DemandSet, [Int?]) {
        let s = c.settings
        guard let hot = c.hot else { throw PlannerError.invalidConfiguration("\(s.demand.rawValue) demand needs the hot-spot stage") }
        let r = hot.result
        var score = self.score == .kde ? r.kdePerSquareKm : r.giZ.map { max($0, 0) }
        for i in score.indices where r.giBin[i] >= 2 { score[i] *= s.hotPriority }
        if c.data.roads.isEmpty {
            let demand = try DemandSet.cells(centres: r.cells.centers, scores: score)
            return (demand, (0 ..< r.cells.count).filter { score[$0].isFinite && score[$0] > 0 }.map { hot.wardOfCell[$0] })
        }
        // Each cell's score is spread over the road points inside it: a camera earns a cell's
        // weight by watching its streets, not by hitting its centre.
        let samples = try c.roadSamples(spacingMeters: s.roadDemandSpacingMeters, for: s.demand.rawValue)
        var cellOfSample = [Int](repeating: -1, count: samples.count)
        var perCell = [Int](repeating: 0, count: r.cells.count)
        for i in 0 ..< samples.count {
            if let cell = r.cells.cellIndex(x: samples.points.xs[i], y: samples.points.ys[i]), score[cell] > 0 {
                cellOfSample[i] = cell
                perCell[cell] += 1
            }
        }
        var pts = PlanarPointSet(), ws: [Double] = [], cellOfDemand: [Int] = []
        for i in 0 ..< samples.count where cellOfSample[i] >= 0 {
            pts.append(samples.points[i])
            ws.append(score[cellOfSample[i]] / Double(perCell[cellOfSample[i]]))
            cellOfDemand.append(cellOfSample[i])
        }
        // Cells with a score but no road carry their weight at the centre.
        for cell in 0 ..< r.cells.count where score[cell] > 0 && perCell[cell] == 0 {
            pts.append(r.cells.centers[cell])
            ws.append(score[cell])
            cellOfDemand.append(cell)
        }
        let demand = try DemandSet(points: pts, weights: ws)
        let inside = try c.wards(of: pts)
        return (demand, zip(inside, cellOfDemand).map { w, cell in w ?? hot.wardOfCell[cell] })
    }
}
