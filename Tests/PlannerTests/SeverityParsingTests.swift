import GeoKit
import HotSpots
import Testing
@testable import Planner

@Suite struct SeverityParsingTests {
    @Test func codesVietnameseNamesAndNumbers() {
        #expect(SeverityParsing.parse("especially_serious") == .especiallySerious)
        #expect(SeverityParsing.parse("Đặc biệt nghiêm trọng") == .especiallySerious)
        #expect(SeverityParsing.parse("dac biet nghiem trong") == .especiallySerious)
        #expect(SeverityParsing.parse("rất nghiêm trọng") == .verySerious)
        #expect(SeverityParsing.parse("nghiêm trọng") == .serious)
        #expect(SeverityParsing.parse("ít nghiêm trọng") == .lessSerious)
        #expect(SeverityParsing.parse("3") == .verySerious)
        #expect(SeverityParsing.parse("") == .lessSerious)
        #expect(SeverityParsing.parse("grave") == nil)
    }

    @Test func anUnknownClassNamesItsRow() throws {
        let set = try IncidentSet(file: "inc.csv", points: PlanarPointSet(xs: [0, 1], ys: [0, 1]), ids: ["a", "b"],
                                  dates: [nil, nil], categories: ["", ""], severities: ["serious", "dac_biet_nghiem_trong_x"],
                                  solved: [nil, nil], weights: [1, 1], wardIndices: [0, 0], rows: [2, 3], rejections: [],
                                  sourceCRS: .wgs84)
        #expect(throws: GeoError.badValue(file: "inc.csv", row: 3, field: "severity", value: "dac_biet_nghiem_trong_x",
                                          expected: "a severity class (less_serious, serious, very_serious, especially_serious, the Vietnamese names, or 1-4)")) {
            try SeverityParsing.classes(of: set)
        }
    }
}
