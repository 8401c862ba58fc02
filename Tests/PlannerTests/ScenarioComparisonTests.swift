import GeoKit
import Testing
@testable import Planner

@Suite struct ScenarioComparisonTests {
    @Test func handCheckedComparison() throws {
        let a = GroupOutcome(group: "B", areaKm2: 10, population: 20_000, demandWeight: 100, coveredWeight: 40,
                             hotCells95: 4, hotCells95Covered: 3, camerasExisting: 2, camerasNew: 8, cost: 80)
        let b = GroupOutcome(group: "A", areaKm2: 30, population: 60_000, demandWeight: 300, coveredWeight: 60,
                             hotCells95: 0, hotCells95Covered: 0, camerasExisting: 0, camerasNew: 2, cost: 20)
        let t = ScenarioComparison.table([ScenarioOutcome(name: "s1", gap: 0.004, groups: [a, b])])
        #expect(t.rows.count == 3)
        let col = Dictionary(uniqueKeysWithValues: t.fields.enumerated().map { ($1.name, $0) })
        // groups sorted, then ALL
        #expect(t.rows.map { $0[col["group"]!] } == [.string("A"), .string("B"), .string("ALL")])
        let all = t.rows[2]
        #expect(all[col["coverage"]!] == .real(0.25))                 // 100 / 400
        #expect(all[col["hot95_coverage"]!] == .real(0.75))           // 3 / 4
        #expect(all[col["cameras_new"]!] == .integer(10))
        #expect(all[col["cost"]!] == .real(100))
        #expect(all[col["cameras_per_km2"]!] == .real(0.3))           // 12 / 40
        guard case let .real(per10k) = all[col["cameras_per_10k_residents"]!] else { Issue.record("not real"); return }
        #expect(abs(per10k - 1.5) < 1e-12)                             // 12 / 80,000 × 10,000
        #expect(t.rows[0][col["hot95_coverage"]!] == .null)           // A has no hot cell
        #expect(all[col["gap"]!] == .real(0.004))
    }

    @Test func markdownHasHeaderRuleAndRows() {
        let t = ReportTable(fields: [.init("name", .string), .init("n", .integer), .init("x", .real)],
                            rows: [[.string("a"), .integer(3), .real(0.5)]])
        #expect(t.markdown(decimals: 2) == "| name | n | x |\n| --- | ---: | ---: |\n| a | 3 | 0.50 |\n")
    }
}
