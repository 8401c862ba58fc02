import Foundation
import GeoKit
import Testing
@testable import HotSpots

@Suite struct StatisticsTests {
    @Test func benjaminiHochbergMatchesScipy() {
        let s = Reference.section("fdr")
        let q = FalseDiscoveryRate.adjusted(pValues: Reference.doubles(s, "p"))
        #expect(Reference.maxAbsDiff(q, Reference.doubles(s, "q_bh")) < 1e-12)
    }

    @Test func benjaminiHochbergCutoffByHand() {
        // m = 5, alpha = 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05. p_(3) = 0.025 <= 0.03
        // is the largest passing, so p <= 0.025 are significant (0.001, 0.012, 0.025).
        let p = [0.025, 0.2, 0.001, 0.045, 0.012]
        #expect(FalseDiscoveryRate.cutoff(pValues: p, alpha: 0.05) == 0.025)
        #expect(FalseDiscoveryRate.cutoff(pValues: [0.5, 0.9], alpha: 0.05) == nil)
        let bins = FalseDiscoveryRate.confidenceBins(z: [2.2, -1, 3.3, 2.0, -2.5], p: p, fdr: true)
        // 99 % cutoff: thresholds 0.002.. -> only 0.001 passes; 95 %: up to 0.025; 90 %: k/5*0.1
        // = 0.02, 0.04, 0.06, 0.08 -> 0.045 at rank 4 passes (0.08).
        #expect(bins == [2, 0, 3, 1, -2])
        let raw = FalseDiscoveryRate.confidenceBins(z: [2.2, -1, 3.3, 2.0, -2.5], p: p, fdr: false)
        #expect(raw == [2, 0, 3, 2, -2])
    }

    @Test(arguments: ["rising_with_ties", "falling", "flat_noise"])
    func mannKendallMatchesPymannkendall(name: String) throws {
        let s = (Reference.section("mann_kendall")[name] as? [String: Any]) ?? [:]
        let t = try MannKendall(series: Reference.doubles(s, "series"))
        #expect(t.s == Reference.double(s, "s"))
        #expect(abs(t.variance - Reference.double(s, "var_s")) < 1e-9)
        #expect(abs(t.z - Reference.double(s, "z")) < 1e-12)
        #expect(abs(t.p - Reference.double(s, "p")) < 1e-12)
        #expect(abs(t.tau - Reference.double(s, "tau")) < 1e-12)
    }

    @Test func mannKendallNeedsThreeSteps() {
        #expect(throws: HotSpotError.tooFewTimeSteps(found: 2, minimum: 3)) { try MannKendall(series: [1, 2]) }
    }

    @Test func quarticKernelByHand() throws {
        // One incident of weight 2 at the origin, r = 100 m. At d = 50 m:
        // 1/r^2 * 3/pi * 2 * (1 - 0.25)^2 per m^2 = 1.0743e-4 per m^2 = 107.43 per km^2.
        let d = try KernelDensity.quartic(points: PlanarPointSet(xs: [0], ys: [0]), weights: [2],
                                          centers: PlanarPointSet(xs: [50, 0, 100, 0], ys: [0, 0, 0, 150]), bandwidthMeters: 100)
        #expect(abs(d[0] - 3 / Double.pi * 2 * 0.5625 / 10_000 * 1e6) < 1e-9)
        #expect(abs(d[1] - 3 / Double.pi * 2 / 10_000 * 1e6) < 1e-9)
        #expect(d[2] == 0 && d[3] == 0)
    }

    @Test func quarticKernelIntegratesToTheWeight() throws {
        // Sum of density x cell area over a fine lattice ~ total weight (per km^2 -> per m^2).
        let step = 5.0
        var xs: [Double] = [], ys: [Double] = []
        for i in -30...30 { for j in -30...30 { xs.append(Double(i) * step); ys.append(Double(j) * step) } }
        let d = try KernelDensity.quartic(points: PlanarPointSet(xs: [0.3], ys: [-0.2]), weights: [3],
                                          centers: PlanarPointSet(xs: xs, ys: ys), bandwidthMeters: 100)
        let mass = d.reduce(0, +) / 1e6 * step * step
        #expect(abs(mass - 3) < 0.01)
    }

    @Test func paiAndPeiStarByHand() throws {
        // 10 equal cells; test counts; the ranking puts cell 2 first, then cell 0.
        let scores: [Double] = [5, 1, 9, 0, 0, 0, 0, 0, 0, 2]
        let test: [Double] = [4, 0, 2, 1, 0, 0, 0, 8, 0, 5]
        let rows = try HeldOutEvaluation.rows(method: "x", scores: scores, testCounts: test,
                                              areasSquareMeters: Array(repeating: 1, count: 10), areaShares: [0.1, 0.2])
        // Top 10 %: cell 2, n = 2 of N = 20 on 1/10 of the area: PAI = 0.1 / 0.1 = 1; n* = 8.
        #expect(rows[0].cells == 1)
        #expect(abs(rows[0].pai - 1) < 1e-12)
        #expect(abs(rows[0].peiStar - 0.25) < 1e-12)
        // Top 20 %: cells 2 and 0, n = 6: PAI = 0.3 / 0.2 = 1.5; n* = 8 + 5 = 13.
        #expect(rows[1].cells == 2)
        #expect(abs(rows[1].pai - 1.5) < 1e-12)
        #expect(abs(rows[1].peiStar - 6.0 / 13.0) < 1e-12)
        #expect(throws: HotSpotError.evaluationYearUnusable(year: 2024, reason: "no incidents in the test year")) {
            try HeldOutEvaluation.rows(method: "x", scores: scores, testCounts: Array(repeating: 0, count: 10),
                                       areasSquareMeters: Array(repeating: 1, count: 10), year: 2024)
        }
    }

    @Test func civilDatesRoundTrip() {
        #expect(CivilDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.dayNumber(year: 2000, month: 3, day: 1) == 11_017)
        for d in stride(from: -800_000, through: 800_000, by: 997) {
            let c = CivilDate.civil(fromDayNumber: d)
            #expect(CivilDate.dayNumber(year: c.year, month: c.month, day: c.day) == d)
        }
    }

    @Test func severityWeightsAndDecay() throws {
        let inc = try IncidentTable(points: PlanarPointSet(xs: [0, 0, 0, 0, 0], ys: [0, 0, 0, 0, 0]),
                                    severities: [.lessSerious, .serious, .verySerious, .especiallySerious, .serious],
                                    categories: ["theft", "theft", "theft", "assault", "drugs"],
                                    dayNumbers: [100, 100, 100, 100, 40])
        #expect(try IncidentWeighting().weights(for: inc) == [1, 2, 4, 8, 2])
        let filtered = try IncidentWeighting(categories: ["theft", "drugs"])
        #expect(filtered.weights(for: inc) == [1, 2, 4, 0, 2])
        let decay = try IncidentWeighting(halfLifeDays: 30, referenceDayNumber: 100)
        #expect(abs(decay.weights(for: inc)[4] - 2 * 0.25) < 1e-12)
        #expect(throws: HotSpotError.self) { try IncidentWeighting(halfLifeDays: 30) }
        #expect(throws: HotSpotError.invalidParameter(name: "severity weight serious", value: "-1.0", expected: "a finite weight >= 0 for every class")) {
            try IncidentWeighting(severityWeights: [.lessSerious: 1, .serious: -1, .verySerious: 1, .especiallySerious: 1])
        }
    }
}
