import Foundation
import GeoKit
@testable import HotSpots
import SeededRandom
import Testing

/// A 2 km x 2 km area with 400 cells of 100 m, background incidents plus a cluster around
/// (500, 1500) that grows each year from 2019 to 2024.
func syntheticIncidents(seed: UInt64 = 42, dated: Bool = true) throws -> IncidentTable {
    var rng = SplitMix64(seed: seed)
    var xs: [Double] = [], ys: [Double] = [], days: [Int?] = [], sev: [SeverityClass] = [], cleared: [Bool?] = []
    for year in 2019...2024 {
        let background = 60, cluster = 20 + 15 * (year - 2019)
        for k in 0..<(background + cluster) {
            if k < background {
                xs.append(rng.unit() * 2000); ys.append(rng.unit() * 2000)
            } else {
                xs.append(500 + (rng.unit() - 0.5) * 300); ys.append(1500 + (rng.unit() - 0.5) * 300)
            }
            days.append(dated ? CivilDate.dayNumber(year: year, month: 1 + rng.below(12), day: 1 + rng.below(28)) : nil)
            sev.append(SeverityClass.allCases[rng.below(4)])
            cleared.append(rng.unit() < 0.8)
        }
    }
    let units = zip(xs, ys).map { $0.0 < 1000 ? Optional(0) : Optional(1) }
    return try IncidentTable(points: PlanarPointSet(xs: xs, ys: ys), severities: sev, dayNumbers: days, cleared: cleared, unitIndices: units)
}

@Suite struct HotSpotAnalysisTests {
    @Test func fullRunFindsTheClusterAndItsTrend() throws {
        let cells = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: squareArea(2000))
        let input = try HotSpotInput(incidents: try syntheticIncidents(), cells: cells)
        let config = try HotSpotConfig(weighting: IncidentWeighting(), band: .fixed(meters: 250), trends: true, evaluationYear: 2024)
        let r = try HotSpotAnalysis.run(input: input, config: config)
        #expect(r.giZ.count == 400 && r.giBin.count == 400 && r.kdePerSquareKm.count == 400)
        #expect(r.counts.reduce(0, +) == input.incidents.count)
        #expect(abs(r.weights.reduce(0, +) - r.incidentWeights.reduce(0, +)) < 1e-9)
        #expect(r.summary.band.bandMeters == 250)
        // Interior cells have 21 neighbours within 250 m, itself included (ArcGIS NNeighbors).
        #expect(r.neighborCounts.max() == 21)
        let clusterCell = try #require(cells.cellIndex(x: 550, y: 1450))
        #expect(r.giBin[clusterCell] == 3)
        #expect(r.summary.hotCells(atLeast: 3) >= 1)
        #expect(r.summary.cellsPerBin.values.reduce(0, +) == 400)
        // KDE peaks inside the cluster.
        let kdeTop = r.kdePerSquareKm.indices.max { r.kdePerSquareKm[$0] < r.kdePerSquareKm[$1] } ?? 0
        #expect(cells.centers[kdeTop].distance(to: PlanarPoint(x: 500, y: 1500)) < 300)
        let trends = try #require(r.trends)
        #expect(trends.years == Array(2019...2024))
        #expect([.persistentHotSpot, .intensifyingHotSpot].contains(trends.categories[clusterCell]))
        #expect(trends.countTrend[clusterCell].trend() == .increasing || trends.countTrend[clusterCell].z > 0)
        let eval = try #require(r.summary.evaluation)
        #expect(eval.rows.count == 9)
        let giTop1 = try #require(eval.rows.first { $0.method == "gi_star" && $0.areaShare == 0.05 })
        #expect(giTop1.pai > 3)
        #expect(giTop1.peiStar > 0 && giTop1.peiStar <= 1)
        #expect(r.localMoran?.quadrant[clusterCell] == .highHigh)
    }

    @Test func runIsDeterministicWithPermutations() throws {
        let cells = try CellGrid.lattice(shape: .hexagon, cellSizeMeters: 120, studyArea: squareArea(2000))
        let input = try HotSpotInput(incidents: try syntheticIncidents(), cells: cells)
        let config = try HotSpotConfig(band: .optimized, permutations: 29, seed: 5)
        let a = try HotSpotAnalysis.run(input: input, config: config)
        let b = try HotSpotAnalysis.run(input: input, config: config)
        #expect(a == b)
        #expect(a.summary.band.bandMeters > 0)
    }

    @Test func wardUnitsUseCallerAssignment() throws {
        let inc = try syntheticIncidents()
        // 40 ward-like units in a row; the caller assigns each incident to a unit.
        let ids = (0..<40).map { "w\($0)" }
        var polys: [MultiPolygon<PlanarPoint>] = []
        for k in 0..<40 {
            let x0 = Double(k) * 50, x1 = x0 + 50
            let ring = [PlanarPoint(x: x0, y: 0), PlanarPoint(x: x1, y: 0), PlanarPoint(x: x1, y: 2000), PlanarPoint(x: x0, y: 2000)]
            polys.append(MultiPolygon([Polygon(exterior: ring)]))
        }
        let units = try CellGrid(unitIDs: ids, polygons: polys, centers: PlanarPointSet(xs: (0..<40).map { Double($0) * 50 + 25 }, ys: Array(repeating: 1000, count: 40)))
        let assigned = try IncidentTable(points: inc.points, severities: inc.severities, dayNumbers: inc.dayNumbers,
                                         unitIndices: inc.points.xs.map { min(39, Int($0 / 50)) })
        let r = try HotSpotAnalysis.run(input: HotSpotInput(incidents: assigned, cells: units), config: HotSpotConfig(band: .everyUnitHasNeighbor))
        #expect(r.summary.band.bandMeters == 50)
        #expect(r.counts.reduce(0, +) == inc.count)
        #expect(throws: HotSpotError.indexOutOfRange(field: "incident unit", index: 40, count: 40)) {
            try HotSpotInput(incidents: try IncidentTable(points: PlanarPointSet(xs: [1], ys: [1]), unitIndices: [40]), cells: units)
        }
    }
}

@Suite struct HotSpotErrorTests {
    let cells = (try? CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: squareArea(2000)))

    @Test func tooFewIncidents() throws {
        let grid = try #require(cells)
        let inc = try IncidentTable(points: PlanarPointSet(xs: Array(repeating: 50, count: 29), ys: Array(repeating: 50, count: 29)))
        #expect(throws: HotSpotError.tooFewIncidents(found: 29, minimum: 30)) {
            try HotSpotAnalysis.run(input: HotSpotInput(incidents: inc, cells: grid), config: HotSpotConfig(band: .fixed(meters: 250)))
        }
        #expect(HotSpotError.tooFewIncidents(found: 29, minimum: 30).description.contains("29"))
    }

    @Test func tooFewCells() throws {
        let grid = try CellGrid.lattice(shape: .square, cellSizeMeters: 500, studyArea: squareArea(2000))
        #expect(grid.count == 16)
        #expect(throws: HotSpotError.tooFewCells(found: 16, minimum: 30)) {
            try HotSpotAnalysis.run(input: HotSpotInput(incidents: try syntheticIncidents(), cells: grid), config: HotSpotConfig())
        }
    }

    @Test func zeroVariance() throws {
        let grid = try #require(cells)
        // One incident in the centre of every cell: every count is 1.
        let inc = try IncidentTable(points: grid.centers)
        #expect(throws: HotSpotError.zeroVariance(what: "the analysis field")) {
            try HotSpotAnalysis.run(input: HotSpotInput(incidents: inc, cells: grid), config: HotSpotConfig(band: .fixed(meters: 250)))
        }
    }

    @Test func bandLeavingCellsWithoutNeighbors() throws {
        let grid = try #require(cells)
        let error = HotSpotError.cellsWithoutNeighbors(count: 400, bandMeters: 80, suggestedBandMeters: 100)
        #expect(throws: error) {
            try HotSpotAnalysis.run(input: HotSpotInput(incidents: try syntheticIncidents(), cells: grid), config: HotSpotConfig(band: .fixed(meters: 80)))
        }
        #expect(error.description == "a distance band of 80 m leaves 400 cells without neighbours; use at least 100 m (every cell then has one neighbour) or --band auto")
    }

    @Test func trendWithoutDates() throws {
        let grid = try #require(cells)
        let inc = try syntheticIncidents(dated: false)
        #expect(throws: HotSpotError.noDatesForTrend(undatedIncidents: inc.count, totalIncidents: inc.count)) {
            try HotSpotAnalysis.run(input: HotSpotInput(incidents: inc, cells: grid), config: HotSpotConfig(band: .fixed(meters: 250), trends: true))
        }
    }

    @Test func evaluationYearWithoutHistory() throws {
        let grid = try #require(cells)
        #expect(throws: HotSpotError.evaluationYearUnusable(year: 2019, reason: "dated incidents span 2019-2024; the year needs earlier years to fit on")) {
            try HotSpotAnalysis.run(input: HotSpotInput(incidents: try syntheticIncidents(), cells: grid),
                                    config: HotSpotConfig(band: .fixed(meters: 250), evaluationYear: 2019))
        }
    }

    @Test func badParameters() {
        #expect(throws: HotSpotError.invalidParameter(name: "permutations", value: "-1", expected: ">= 0")) {
            try HotSpotConfig(permutations: -1)
        }
        #expect(throws: HotSpotError.self) { try CellGrid.lattice(shape: .square, cellSizeMeters: 0, studyArea: squareArea(10)) }
        #expect(throws: HotSpotError.mismatchedLengths(field: "severities", expected: 2, found: 1)) {
            try IncidentTable(points: PlanarPointSet(xs: [0, 1], ys: [0, 1]), severities: [.serious])
        }
    }
}
