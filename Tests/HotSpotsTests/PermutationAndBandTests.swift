import Foundation
import GeoKit
import Testing
@testable import HotSpots
import SeededRandom

/// Issue 12 rows 11 (permutation ties) and 17 (a band that covers everything).
@Suite struct PermutationAndBandTests {
    struct Case {
        var name: String
        var observed: Double
        var reference: [Double]
        var greater: Double, lesser: Double, directed: Double, esdaTwoSided: Double
    }

    /// The cases of scripts/reference/esda_permutation_p.py (esda 2.9).
    static var cases: [Case] {
        guard let url = Bundle.module.url(forResource: "esda_permutation_p", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = obj["cases"] as? [[String: Any]] else { return [] }
        func d(_ c: [String: Any], _ k: String) -> Double { (c[k] as? NSNumber)?.doubleValue ?? .nan }
        return list.map { c in
            Case(name: c["name"] as? String ?? "", observed: d(c, "observed"),
                 reference: (c["reference"] as? [NSNumber])?.map(\.doubleValue) ?? [],
                 greater: d(c, "p_greater"), lesser: d(c, "p_lesser"), directed: d(c, "p_directed"), esdaTwoSided: d(c, "p_esda_two_sided"))
        }
    }

    @Test func row11PseudoPIsTheSmallerOfEsdasOneSidedValues() throws {
        let cases = Self.cases
        try #require(cases.count == 11, "the esda reference fixture is missing")
        for c in cases {
            let p = PermutationTest.pseudoP(observed: c.observed, reference: c.reference)
            #expect(abs(p - min(c.greater, c.lesser)) < 1e-12, "\(c.name)")
            // Without ties it is esda's directed (folded) p.
            if Set(c.reference).count == c.reference.count, !c.reference.contains(c.observed) {
                #expect(abs(p - c.directed) < 1e-12, "\(c.name)")
            }
        }
    }

    @Test func row11TiesAreNotExtreme() throws {
        let byName = Dictionary(uniqueKeysWithValues: Self.cases.map { ($0.name, $0) })
        // An empty cell among mostly empty draws: esda's fold calls it extreme (p = 1/200);
        // here it is not significant at all.
        let empty = try #require(byName["empty cell, mostly tied draws"])
        #expect(empty.directed < 0.01)
        #expect(PermutationTest.pseudoP(observed: empty.observed, reference: empty.reference) > 0.5)
        // A cell above every draw stays at the smallest p (esda's percentile "two-sided"
        // loses it).
        let busy = try #require(byName["busy cell among sparse draws"])
        #expect(busy.esdaTwoSided > 0.5)
        #expect(PermutationTest.pseudoP(observed: busy.observed, reference: busy.reference) == 1.0 / 200)
    }

    /// A sparse field as in the issue: 900 cells of 100 m, incidents in two small clusters,
    /// most cells empty. With 999 permutations no empty cell far from the clusters may come
    /// out as a significant cold spot, and the cluster centres stay hot.
    @Test func row11SparseFieldHasNoPermutationColdSpotsFromTies() throws {
        let cells = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: squareArea(3000))
        var xs: [Double] = [], ys: [Double] = []
        var rng = SplitMix64(seed: 11)
        for (cx, cy) in [(650.0, 650.0), (2350.0, 2250.0)] {
            for _ in 0..<40 { xs.append(cx + (rng.unit() - 0.5) * 200); ys.append(cy + (rng.unit() - 0.5) * 200) }
        }
        let table = try IncidentTable(points: PlanarPointSet(xs: xs, ys: ys), severities: xs.map { _ in .lessSerious })
        let input = try HotSpotInput(incidents: table, cells: cells)
        let normal = try HotSpotAnalysis.run(input: input, config: try HotSpotConfig(weighting: .counts, band: .fixed(meters: 250), localMoran: false))
        let permuted = try HotSpotAnalysis.run(input: input, config: try HotSpotConfig(weighting: .counts, band: .fixed(meters: 250),
                                                                                       permutations: 999, seed: 3, localMoran: false))
        #expect(normal.summary.warnings.isEmpty)
        // 999 draws cannot resolve a lone cell among 900 after FDR (1/1000 > 0.05/900): said.
        #expect(permuted.summary.warnings.count == 1)
        #expect(permuted.summary.warnings.first?.contains("use at least 17999 permutations") == true)
        #expect(HotSpotAnalysis.permutationWarnings(permutations: 17999, cells: 900, fdr: true).isEmpty)
        #expect(HotSpotAnalysis.permutationWarnings(permutations: 999, cells: 900, fdr: false).isEmpty)
        #expect(normal.summary.coldCells(atLeast: 1) == 0)
        #expect(permuted.summary.coldCells(atLeast: 1) == 0)
        #expect(permuted.summary.hotCells(atLeast: 2) > 0)
        // Every cell with an empty neighbourhood is far from significant.
        for c in 0..<cells.count where permuted.weights[c] == 0 && normal.neighborCounts[c] > 0 && normal.giZ[c] < 0 {
            let lagEmpty = (0..<cells.count).allSatisfy { j in
                let dx = cells.centers.xs[j] - cells.centers.xs[c], dy = cells.centers.ys[j] - cells.centers.ys[c]
                return (dx * dx + dy * dy).squareRoot() > 250 || permuted.weights[j] == 0
            }
            if lagEmpty { #expect(permuted.giP[c] > 0.5) }
        }
    }

    @Test func row17BandCoveringEveryCellIsRefused() throws {
        let incidents = try syntheticIncidents()
        let cells = try CellGrid.lattice(shape: .square, cellSizeMeters: 100, studyArea: squareArea(2000))
        let input = try HotSpotInput(incidents: incidents, cells: cells)
        do {
            _ = try HotSpotAnalysis.run(input: input, config: try HotSpotConfig(band: .fixed(meters: 200_000)))
            Issue.record("a band covering every cell was accepted")
        } catch let e as HotSpotError {
            guard case let .bandCoversEverything(band, count, span) = e else { Issue.record("unexpected \(e)"); return }
            #expect(band == 200_000 && count == 400)
            #expect(abs(span - 1900 * 2.0.squareRoot()) < 1e-6)
            #expect(e.description.contains("every Gi* z-score would be 0"))
        }
        // Just below the diagonal: the corner cells do not see each other, so the graph is
        // built, but most cells see most others: a warning, and the cells that see every
        // cell are named.
        let wide = try HotSpotAnalysis.run(input: input, config: try HotSpotConfig(band: .fixed(meters: 2600)))
        #expect(wide.summary.warnings.contains { $0.contains("have every cell as a neighbour") })
        #expect(wide.summary.warnings.contains { $0.contains("the median cell has") })
        // The band of the other tests raises nothing.
        let local = try HotSpotAnalysis.run(input: input, config: try HotSpotConfig(band: .fixed(meters: 250)))
        #expect(local.summary.warnings.isEmpty)
    }
}
