import GeoKit
import Testing
@testable import Traffic

/// A 2,000 m trunk road along y = 0 in two OSM-like ways (split at x = 700) and a residential
/// road that is not counted. Segments of 500 m: s0 [0, 500), s1 [500, 1000), s2, s3.
private func network() -> RoadNetwork {
    RoadNetwork(roads: [
        RoadLine(featureIndex: 0, name: "QL 1", roadClass: "trunk", line: line([(0, 0), (700, 0)])),
        RoadLine(featureIndex: 1, name: "QL 1", roadClass: "trunk", line: line([(2000, 0), (700, 0)])),   // drawn backwards
        RoadLine(featureIndex: 2, name: "Hẻm 5", roadClass: "residential", line: line([(100, 0), (100, 300)])),
    ])
}

private func p(_ x: Double, _ y: Double = 2) -> PlanarPoint { PlanarPoint(x: x, y: y) }

@Test func blackSpotRuleMarksExactlyTheRightSegments() throws {
    // s0: 2 fatal in 2022 (rule a). s1: 3 in 2022, 1 fatal (rule b). s2: 3 non-fatal in 2022
    // (no rule). s3: 4 non-fatal split 2 + 2 over 2021 and 2022 (rule c only over all years).
    // One accident 100 m up the residential road is off the counted network.
    let t = try accidents([
        (p(100), 2022, .serious), (p(200), 2022, .verySerious), (p(300), 2021, .collision),
        (p(600), 2022, .serious), (p(650), 2022, .collision), (p(900), 2022, .lessSerious),
        (p(1100), 2022, .lessSerious), (p(1200), 2022, .collision), (p(1300), 2022, .lessSerious),
        (p(1600), 2021, .collision), (p(1700), 2021, .collision), (p(1800), 2022, .collision), (p(1900), 2022, .collision),
        (p(100, 100), 2022, .serious),
    ], injuries: [0, 1, 0, 0, 2, 1, 1, 0, 3, 0, 0, 0, 0, 5])
    let a = try BlackSpotAnalysis(roads: network(), accidents: t)
    #expect(a.segments.count == 4)
    #expect(a.segments.map(\.roadName) == ["QL 1", "QL 1", "QL 1", "QL 1"])
    #expect(a.segments.allSatisfy { abs($0.lengthMeters - 500) < 1e-6 })
    #expect(a.counts.map(\.accidents) == [3, 3, 3, 4])
    #expect(a.counts.map(\.fatal) == [2, 1, 0, 0])
    #expect(a.counts.map(\.injured) == [1, 3, 4, 0])
    #expect(a.counts.map(\.isBlackSpot) == [true, true, false, false])
    #expect(a.unmatchedAccidents == 1)
    #expect(a.counts.map(\.rank) == [1, 2, 4, 3])   // black spots first, then by fatal, then by count

    var all = BlackSpotRule()
    all.window = .allYears
    let b = try BlackSpotAnalysis(roads: network(), accidents: t, rule: all)
    #expect(b.counts.map(\.isBlackSpot) == [true, true, false, true])

    var strict = BlackSpotRule()
    strict.minAccidentsWithFatal = nil
    strict.minAccidents = 6
    strict.segmentLengthMeters = 1000
    let c = try BlackSpotAnalysis(roads: network(), accidents: t, rule: strict)
    #expect(c.counts.map(\.accidents) == [6, 7])
    // [0, 1000): 3 fatal in 2022. [1000, 2000): 7 accidents, but at most 5 in one year.
    #expect(c.counts.map(\.isBlackSpot) == [true, false])
}

@Test func invalidRuleIsRejected() throws {
    var r = BlackSpotRule()
    r.segmentLengthMeters = 0
    #expect(throws: TrafficError.self) { try r.validate() }
    r = BlackSpotRule()
    r.minFatal = nil; r.minAccidents = nil; r.minAccidentsWithFatal = nil
    #expect(throws: TrafficError.self) { try r.validate() }
}

/// The rule's one-line summary names the circular only while its numbers are the defaults
/// drawn from it (and says they are not verified against its text); a changed rule is the
/// user's own.
@Test func ruleSummaryCitesTheCircularOnlyForTheDefaults() {
    let d = BlackSpotRule()
    #expect(d.summary == "500 m segments; ≥ 2 fatal accidents or ≥ 3 accidents with ≥ 1 fatal or ≥ 4 accidents within one year "
        + "(defaults after Thông tư 26/2012/TT-BGTVT, not verified against its text)")
    var changed = d
    changed.minAccidents = nil
    #expect(changed.summary == "500 m segments; ≥ 2 fatal accidents or ≥ 3 accidents with ≥ 1 fatal within one year (as configured)")
    var longer = d
    longer.segmentLengthMeters = 1000
    #expect(longer.summary.hasSuffix("(as configured)"))
}
