import Foundation
import GeoKit
import Testing
@testable import Traffic

@Test func vietnameseClassNamesLoadWithDeathsAndInjuries() throws {
    let t = try AccidentTable.load(Fixture.path("accidents_vi.csv"), boundaries: Fixture.wards())
    #expect(t.count == 8)
    #expect(t.classes == [.collision, .lessSerious, .serious, .verySerious, .especiallySerious,
                          .serious,        // empty class, 1 death: nghiêm trọng
                          .collision,      // minor
                          .serious])       // fatal
    #expect(t.deaths == [0, 0, 1, 2, 3, 1, 0, 1])
    #expect(t.injuries == [0, 2, 0, 1, 4, 0, 1, 0])
    #expect((0 ..< t.count).map { t.isFatal($0) } == [false, false, true, true, true, true, false, true])
    #expect(t.weights(.standard) == [1, 2, 4, 8, 16, 4, 1, 4])
}

@Test func badClassNamesItsRow() throws {
    let wards = try Fixture.wards()
    #expect {
        _ = try AccidentTable.load(Fixture.path("accidents_bad.csv"), boundaries: wards)
    } throws: { error in
        guard case let GeoError.badValue(file, row, field, value, _) = error else { return false }
        return file.hasSuffix("accidents_bad.csv") && row == 4 && field == "severity" && value == "nhẹ"
    }
}

@Test func badDeathsNamesItsRow() throws {
    let wards = try Fixture.wards()
    #expect {
        _ = try AccidentTable.load(Fixture.path("accidents_bad_deaths.csv"), boundaries: wards)
    } throws: { error in
        guard case let GeoError.badValue(_, row, field, value, _) = error else { return false }
        return row == 3 && field == "deaths" && value == "một"
    }
}

@Test func parsesEveryWayOfWritingAClass() {
    #expect(AccidentClass.parse("TNGT rất nghiêm trọng") == .verySerious)
    #expect(AccidentClass.parse("dac-biet-nghiem-trong") == .especiallySerious)
    #expect(AccidentClass.parse("va cham") == .collision)
    #expect(AccidentClass.parse("serious") == .lessSerious)   // the shipped file's English "serious": injuries
    #expect(AccidentClass.parse("nghiem_trong") == .serious)
    #expect(AccidentClass.parse("less_serious") == .lessSerious)
    #expect(AccidentClass.parse("3") == .verySerious)
    #expect(AccidentClass.parse("nhẹ") == nil)
    #expect(AccidentClass.parse("") == nil)
    #expect(AccidentClass.from(deaths: 0, injuries: 3) == .lessSerious)
    #expect(AccidentClass.from(deaths: 4, injuries: 0) == .especiallySerious)
}

@Test func weightsAreConfigurableAndChecked() throws {
    let w = try AccidentWeights(overrides: ["nghiêm trọng": 10, "minor": 0.5])
    #expect(w[.serious] == 10)
    #expect(w[.collision] == 0.5)
    #expect(w[.verySerious] == 8)
    #expect(throws: TrafficError.self) { try AccidentWeights(overrides: ["nhẹ": 1]) }
    #expect(throws: TrafficError.self) { try AccidentWeights(overrides: ["fatal": -1]) }
}
