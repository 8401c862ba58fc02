import Foundation
import GeoKit
@testable import HotSpots
import SeededRandom
import Testing

@Suite struct GetisOrdGiStarTests {
    @Test func esdaDoctestNumbers() throws {
        let s = Reference.section("doctest")
        let graph = try NeighborGraph(centers: Reference.points(s), bandMeters: Reference.double(s, "band"))
        let gi = try GetisOrdGiStar(values: Reference.doubles(s, "y"), graph: graph)
        // DOMAIN.md: esda G_Local(y, w, transform="B", star=True) doctest, three decimals.
        let documented = [-1.397, -0.289, 0.651, -0.289, 1.235, 2.024]
        #expect(Reference.maxAbsDiff(gi.z, documented) < 5e-4)
        #expect(Reference.maxAbsDiff(gi.z, Reference.doubles(s, "z")) < 1e-9)
        #expect(Reference.maxAbsDiff(gi.p, Reference.doubles(s, "p_two_sided")) < 1e-9)
    }

    @Test func agreesWithEsdaOn400Cells() throws {
        let s = Reference.section("lattice400")
        let graph = try NeighborGraph(centers: Reference.points(s), bandMeters: Reference.double(s, "band"))
        #expect(graph.count == 400)
        let gi = try GetisOrdGiStar(values: Reference.doubles(s, "y"), graph: graph)
        #expect(Reference.maxAbsDiff(gi.z, Reference.doubles(s, "gi_z")) < 1e-9)
        #expect(Reference.maxAbsDiff(gi.p, Reference.doubles(s, "gi_p_two_sided")) < 1e-9)
    }

    @Test func zeroVarianceIsAnError() throws {
        let pts = PlanarPointSet(xs: [0, 1, 2, 3], ys: [0, 0, 0, 0])
        let graph = try NeighborGraph(centers: pts, bandMeters: 1.5)
        #expect(throws: HotSpotError.zeroVariance(what: "the analysis field")) {
            try GetisOrdGiStar(values: [2, 2, 2, 2], graph: graph)
        }
    }

    @Test func permutationsAreSeededAndBounded() throws {
        let s = Reference.section("lattice400")
        let graph = try NeighborGraph(centers: Reference.points(s), bandMeters: 250)
        let y = Reference.doubles(s, "y")
        let a = try GetisOrdGiStar(values: y, graph: graph, permutations: 99, seed: 7)
        let b = try GetisOrdGiStar(values: y, graph: graph, permutations: 99, seed: 7)
        let c = try GetisOrdGiStar(values: y, graph: graph, permutations: 99, seed: 8)
        #expect(a == b)
        #expect(a.pseudoP != c.pseudoP)
        // The smallest pseudo p with 99 draws is 1 / 100; ties can push p above 0.5.
        #expect(a.pseudoP.allSatisfy { $0 >= 0.01 && $0 <= 1 })
        // The strongest analytical hot spot is also extreme under permutation.
        let top = a.z.indices.max { a.z[$0] < a.z[$1] } ?? 0
        #expect(a.pseudoP[top] == 0.01)
    }

    @Test func neighborGraphMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 3)
        let n = 300
        let xs = (0..<n).map { _ in rng.unit() * 1000 }, ys = (0..<n).map { _ in rng.unit() * 1000 }
        let graph = try NeighborGraph(centers: PlanarPointSet(xs: xs, ys: ys), bandMeters: 120)
        for i in 0..<n {
            let expected = (0..<n).filter { j in j != i && ((xs[i] - xs[j]) * (xs[i] - xs[j]) + (ys[i] - ys[j]) * (ys[i] - ys[j])).squareRoot() <= 120 }
            #expect(graph.neighbors(of: i).map(Int.init) == expected)
        }
    }

    @Test func bandIsInclusive() throws {
        let graph = try NeighborGraph(centers: PlanarPointSet(xs: [0, 100, 300], ys: [0, 0, 0]), bandMeters: 100)
        #expect(graph.neighbors(of: 0).map(Int.init) == [1])
        #expect(graph.islandCount == 1)
    }
}
