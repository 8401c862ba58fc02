import GeoKit
import Testing
@testable import HotSpots

@Suite struct IncidentWeightingTests {
    @Test func severityTimesTheWeightColumnTimesDecay() throws {
        let pts = PlanarPointSet(xs: [0, 0, 0], ys: [0, 0, 0])
        let day = CivilDate.dayNumber(year: 2023, month: 1, day: 1)
        let t = try IncidentTable(points: pts, severities: [.lessSerious, .verySerious, .especiallySerious],
                                  dayNumbers: [day, day - 30, day], baseWeights: [2, 0.5, 1])
        // 1 × 2; 4 × 0.5 halved once by a 30-day half-life; 8 × 1.
        let w = try IncidentWeighting(halfLifeDays: 30, referenceDayNumber: day).weights(for: t)
        #expect(w == [2, 1, 8])
        // Without a weight column the severity weights stand alone.
        let plain = try IncidentTable(points: pts, severities: [.lessSerious, .verySerious, .especiallySerious])
        #expect(IncidentWeighting.severity.weights(for: plain) == [1, 4, 8])
    }

    @Test func aWeightColumnOfTheWrongLengthIsRefused() {
        #expect(throws: HotSpotError.mismatchedLengths(field: "weights", expected: 2, found: 1)) {
            try IncidentTable(points: PlanarPointSet(xs: [0, 1], ys: [0, 1]), baseWeights: [1])
        }
    }
}
