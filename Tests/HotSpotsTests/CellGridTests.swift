import Foundation
import GeoKit
@testable import HotSpots
import SeededRandom
import Testing

@Suite struct CellGridTests {
    @Test func squareFishnetOverASquare() throws {
        let grid = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: squareArea(1000, origin: 5000))
        #expect(grid.count == 100)
        #expect(grid.ids.first == "r0000c0000")
        #expect(grid.ids[12] == "r0001c0002")
        #expect(grid.centers[12] == PlanarPoint(x: 5250, y: 5150))
        #expect(grid.areasSquareMeters.allSatisfy { $0 == 10_000 })
        #expect(grid.cellIndex(x: 5250, y: 5150) == 12)
        #expect(grid.cellIndex(x: 4999, y: 5150) == nil)
        #expect(Set(grid.ids).count == grid.count)
    }

    @Test func lShapedAreaKeepsOnlyIntersectingCells() throws {
        // An L: the 1000 x 1000 square minus its north-east 500 x 500 quarter; cells of 100 m
        // touching the notch boundary are kept (closed cells), those strictly inside it dropped.
        let l = MultiPolygon([Polygon(exterior: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1000, y: 0), PlanarPoint(x: 1000, y: 450),
                                                 PlanarPoint(x: 450, y: 450), PlanarPoint(x: 450, y: 1000), PlanarPoint(x: 0, y: 1000)])])
        let grid = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: l)
        // Columns 0...4 (x < 500) in every row: 50; rows 0...4 (y < 500) in columns 5...9: 25.
        #expect(grid.count == 75)
        #expect(grid.cellIndex(x: 750, y: 750) == nil)
        #expect(grid.cellIndex(x: 480, y: 480) != nil)
        // A caller-supplied predicate (the CLI's GEOS test) replaces the pure-Swift one.
        let west = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: l) { cell in
            (cell.bounds?.maxX ?? 0) <= 300
        }
        #expect(west.count == 30)
    }

    @Test func holeCellsAreDropped() throws {
        let area = MultiPolygon([Polygon(exterior: squareArea(1000).polygons[0].exterior,
                                         holes: [[PlanarPoint(x: 310, y: 310), PlanarPoint(x: 690, y: 310),
                                                  PlanarPoint(x: 690, y: 690), PlanarPoint(x: 310, y: 690)]])])
        let grid = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: area)
        // Cells 4 and 5 in rows and columns 4...5 lie wholly inside the hole.
        #expect(grid.count == 96)
        #expect(grid.cellIndex(x: 450, y: 550) == nil)
    }

    @Test func hexagonsTileTheAreaWithEqualArea() throws {
        let grid = try CellGrid.lattice(shape: .hexagon, cellSizeMeters: 100, studyArea: squareArea(1000))
        let ring = grid.polygons[0].polygons[0].exterior
        #expect(abs(abs(PlanarGeometry.ringArea(ring)) - 10_000) < 1e-6)
        #expect(grid.areasSquareMeters[0] == 10_000)
        // Every point of the area falls in the kept hexagon whose centre is nearest.
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2000 {
            let x = rng.unit() * 1000, y = rng.unit() * 1000
            let c = try #require(grid.cellIndex(x: x, y: y))
            let d = grid.centers[c].distance(to: PlanarPoint(x: x, y: y))
            let best = (0..<grid.count).map { grid.centers[$0].distance(to: PlanarPoint(x: x, y: y)) }.min() ?? 0
            #expect(abs(d - best) < 1e-9)
        }
        // A hexagon lattice of equal area has about as many cells as the fishnet (plus a rim).
        #expect(grid.count >= 100 && grid.count <= 140)
    }

    @Test func unitsNeedMatchingArrays() throws {
        let poly = squareArea(100)
        let units = try CellGrid(unitIDs: ["a"], polygons: [poly], centers: PlanarPointSet(xs: [50], ys: [50]))
        #expect(units.areasSquareMeters == [10_000])
        #expect(units.cellIndex(x: 50, y: 50) == nil)
        #expect(throws: HotSpotError.mismatchedLengths(field: "unit centroids", expected: 1, found: 0)) {
            try CellGrid(unitIDs: ["a"], polygons: [poly], centers: PlanarPointSet())
        }
    }
}
