import Foundation
import GeoKit
import Testing
@testable import HotSpots

@Suite struct WardScoresTests {
    @Test func scoresAgainstDirectiveTargetsByHand() throws {
        let d23 = CivilDate.dayNumber(year: 2023, month: 6, day: 1), d22 = CivilDate.dayNumber(year: 2022, month: 6, day: 1)
        // Ward 0: 2022 has 4 incidents, 2023 has 3 (-25 %); ward 1: 2 then 2 (0 %).
        let days: [Int?] = [d22, d22, d22, d22, d23, d23, d23, d22, d22, d23, d23]
        let units: [Int?] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
        let sev: [SeverityClass] = [.serious, .serious, .verySerious, .lessSerious, .especiallySerious, .serious, .serious,
                                    .serious, .serious, .verySerious, .serious]
        let cleared: [Bool?] = [true, true, true, false, false, true, nil, true, false, true, true]
        let inc = try IncidentTable(points: PlanarPointSet(xs: Array(repeating: 0, count: 11), ys: Array(repeating: 0, count: 11)),
                                    severities: sev, dayNumbers: days, cleared: cleared, unitIndices: units)
        let wards = try WardTable(ids: ["A", "B"], areasSquareMeters: [2e6, 4e6], populations: [5000, nil], groups: ["D1", "D1"])
        // Cells 0 and 1 hot at 95 %, cell 2 at 90 % (not counted); ward A has 0.5 km^2 of 95 % cells.
        let overlaps = [CellWardOverlap(cell: 0, ward: 0, areaSquareMeters: 2.5e5), CellWardOverlap(cell: 1, ward: 0, areaSquareMeters: 2.5e5),
                        CellWardOverlap(cell: 2, ward: 1, areaSquareMeters: 1e6)]
        let w = try IncidentWeighting().weights(for: inc)
        let s = try WardScores.compute(incidents: inc, weights: w, wards: wards, currentYear: 2023, cellBins: [2, 3, 1], overlaps: overlaps)
        #expect(s[0].incidents == 7)
        #expect(s[0].weightedIncidents == 2 + 2 + 4 + 1 + 8 + 2 + 2)
        #expect(s[0].incidentsPerSquareKm == 3.5)
        #expect(s[0].incidentsPerThousandResidents == 1.4)
        #expect(s[0].changePercent == -25)
        #expect(s[0].meetsReductionTarget == true)
        // Known status: 6 of 7, cleared 4 -> 0.667 < 0.75; grave: very serious cleared, especially serious not -> 0.5.
        #expect(abs((s[0].clearanceRate ?? 0) - 4.0 / 6.0) < 1e-12)
        #expect(s[0].meetsClearanceTarget == false)
        #expect(s[0].graveClearanceRate == 0.5)
        #expect(s[0].hotAreaShare == 0.25)
        #expect(s[1].changePercent == 0)
        #expect(s[1].meetsReductionTarget == false)
        #expect(s[1].incidentsPerThousandResidents == nil)
        #expect(s[1].hotAreaShare == 0)
        let groups = WardScores.rollUp(s)
        #expect(groups.count == 1)
        #expect(groups[0].incidents == 11)
        #expect(abs((groups[0].changePercent ?? 0) - (5.0 - 6.0) / 6.0 * 100) < 1e-12)
        #expect(abs(groups[0].hotAreaShare - 0.5e6 / 6e6) < 1e-12)
        #expect(groups[0].incidentsPerThousandResidents == nil)
        #expect(abs((groups[0].clearanceRate ?? 0) - 7.0 / 10.0) < 1e-12)
    }

    @Test func approximateOverlapsUseCellCentres() throws {
        let grid = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: squareArea(1000))
        let west = MultiPolygon([Polygon(exterior: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 420, y: 0), PlanarPoint(x: 420, y: 1000), PlanarPoint(x: 0, y: 1000)])])
        let o = try CellWardOverlap.approximate(cells: grid, wards: [west])
        // Centres at x = 50...350 are inside (4 columns x 10 rows); the cut column (centre 450) is not.
        #expect(o.count == 40)
        #expect(o.allSatisfy { $0.ward == 0 && $0.areaSquareMeters == 10_000 })
    }
}
