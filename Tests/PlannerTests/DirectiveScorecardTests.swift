import Testing
@testable import Planner

@Suite struct DirectiveScorecardTests {
    @Test func groupsAndProvinceAgainstTheTargets() throws {
        let wards = [
            WardRecord(id: "a", name: "a", type: "xã", group: "G1", areaKm2: 1,
                       incidentsByYear: [2022: 100, 2023: 90], solvedByYear: [2023: 72],
                       seriousByYear: [2023: 10], seriousSolvedByYear: [2023: 10]),
            WardRecord(id: "b", name: "b", type: "xã", group: "G2", areaKm2: 1,
                       incidentsByYear: [2022: 100, 2023: 104], solvedByYear: [2023: 80],
                       seriousByYear: [2023: 10], seriousSolvedByYear: [2023: 8]),
        ]
        let lines = DirectiveScorecard.compute(wards, year: 2023)
        #expect(lines.map(\.scope) == ["G1", "G1", "G1", "G2", "G2", "G2", "province", "province", "province"])
        func line(_ scope: String, _ target: String) throws -> ScorecardLine {
            try #require(lines.first { $0.scope == scope && $0.target == target })
        }
        #expect(try line("G1", "crime_change").status == "met")            // -10%
        #expect(try line("G1", "clearance").status == "met")               // 72/90 = 80% > 75%
        #expect(abs(try line("G1", "clearance").value! - 0.8) < 1e-12)
        #expect(try line("G2", "crime_change").status == "not met")        // +4%
        #expect(try line("G2", "serious_clearance").status == "not met")   // 80% is not above 90%
        // province: 194 vs 200 = -3%: not met; clearance 152/194 = 78.4% met; serious 18/20 = 90%, not above 90%
        #expect(abs(try line("province", "crime_change").value! - -3) < 1e-12)
        #expect(try line("province", "crime_change").status == "not met")
        #expect(try line("province", "clearance").status == "met")
        #expect(try line("province", "serious_clearance").status == "not met")
    }

    @Test func reportsAndAccidentsOnlyWhenPresent() throws {
        var w = WardRecord(id: "a", name: "a", type: "xã", group: "G", areaKm2: 1,
                           incidentsByYear: [2022: 10, 2023: 10], solvedByYear: [2023: 10])
        #expect(!DirectiveScorecard.compute([w], year: 2023).contains { $0.target == "reports_resolved" })
        w.reportsResolvedByYear = [2023: 9]
        w.accidentsByYear = [2022: 50, 2023: 40]
        let lines = DirectiveScorecard.compute([w], year: 2023)
        let reports = try #require(lines.first { $0.scope == "province" && $0.target == "reports_resolved" })
        #expect(reports.value == 0.9)
        #expect(reports.status == "not met")  // 90% is not over 90%
        let acc = try #require(lines.first { $0.scope == "province" && $0.target == "accident_change" })
        #expect(acc.value == -20)
        #expect(acc.status == "met")
    }

    @Test func noCasesIsNoData() throws {
        let w = WardRecord(id: "a", name: "a", type: "xã", group: "G", areaKm2: 1, incidentsByYear: [2023: 4], solvedByYear: [2023: 4])
        let lines = DirectiveScorecard.compute([w], year: 2023)
        #expect(lines.first { $0.target == "crime_change" }?.status == "no data")
        #expect(lines.first { $0.target == "serious_clearance" }?.status == "no data")
    }
}
