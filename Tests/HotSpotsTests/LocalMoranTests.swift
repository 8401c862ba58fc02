import Foundation
import GeoKit
@testable import HotSpots
import SeededRandom
import Testing

@Suite struct LocalMoranTests {
    @Test func agreesWithEsdaMoranLocal() throws {
        let s = Reference.section("lattice400")
        let graph = try NeighborGraph(centers: Reference.points(s), bandMeters: Reference.double(s, "band"))
        let lm = try LocalMoran(values: Reference.doubles(s, "y"), graph: graph)
        #expect(Reference.maxAbsDiff(lm.i, Reference.doubles(s, "moran_local_is")) < 1e-9)
        #expect(Reference.maxAbsDiff(lm.z, Reference.doubles(s, "moran_local_z_cond")) < 1e-9)
        // esda q: 1 HH, 2 LH, 3 LL, 4 HL.
        let names: [Double: LocalMoran.Quadrant] = [1: .highHigh, 2: .lowHigh, 3: .lowLow, 4: .highLow]
        #expect(lm.quadrant == Reference.doubles(s, "moran_local_q").map { names[$0] ?? .lowLow })
    }

    @Test func permutationLabelsAreDeterministic() throws {
        let s = Reference.section("lattice400")
        let graph = try NeighborGraph(centers: Reference.points(s), bandMeters: 250)
        let a = try LocalMoran(values: Reference.doubles(s, "y"), graph: graph, permutations: 49, seed: 1)
        let b = try LocalMoran(values: Reference.doubles(s, "y"), graph: graph, permutations: 49, seed: 1)
        #expect(a == b)
        #expect((0..<400).contains { a.label($0) == .highHigh })
    }

    @Test func globalMoranAndBandRules() throws {
        let s = Reference.section("lattice400")
        let pts = Reference.points(s)
        let g = BandSelection.globalMoran(values: Reference.doubles(s, "y"), centers: pts, bandMeters: 250)
        #expect(abs(g.i - Reference.double(s, "global_moran_i")) < 1e-9)
        #expect(abs(g.z - Reference.double(s, "global_moran_z_rand")) < 1e-9)
        #expect(abs(BandSelection.meanKthNeighborDistance(centers: pts, k: 5) - Reference.double(s, "mean_5th_neighbor_distance")) < 1e-9)
        #expect(abs(BandSelection.minimumBandForOneNeighbor(centers: pts) - 100) < 1e-9)
        // Clustered counts: a significant first peak of Moran's z over the bands.
        let auto = try BandSelection.resolve(.optimized, values: Reference.doubles(s, "y"), centers: pts)
        #expect(auto.profile.count == 10)
        #expect(auto.method == .incrementalPeak)
        if let k = auto.profile.firstIndex(where: { $0.bandMeters == auto.bandMeters }), k > 0, k < 9 {
            #expect(auto.profile[k].zScore > auto.profile[k - 1].zScore && auto.profile[k].zScore >= auto.profile[k + 1].zScore)
        }
        // Spatially unstructured values: no significant peak, so the k-th neighbour fallback
        // with k = 5 % of 400 = 20.
        var rng = SplitMix64(seed: 2)
        let noise = (0..<400).map { _ in Double(rng.below(6)) }
        let fallback = try BandSelection.resolve(.optimized, values: noise, centers: pts)
        #expect(fallback.method == .kNearestFallback)
        #expect(abs(fallback.bandMeters - BandSelection.meanKthNeighborDistance(centers: pts, k: 20)) < 1e-9)
    }
}
