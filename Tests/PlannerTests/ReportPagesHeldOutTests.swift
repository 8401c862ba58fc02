import GeoKit
import Testing
@testable import Planner

/// The pages lead with the held-out year, named, as the console does.
@Suite struct ReportPagesHeldOutTests {
    func comparison(heldOut: Bool) -> ReportTable {
        var fields: [FieldDefinition] = [.init("scenario", .string), .init("group", .string), .init("coverage", .real)]
        if heldOut { fields.append(.init("heldout_coverage", .real)) }
        let rows: [[FieldValue]] = [["a", 0.36, 0.0275], ["b", 0.20, 0.039]].map { r in
            [.string(r[0] as! String), .string("ALL"), .real(r[1] as! Double)] + (heldOut ? [.real(r[2] as! Double)] : [])
        }
        return ReportTable(fields: fields, rows: rows)
    }

    @Test func comparisonPageChartsTheHeldOutYearFirst() {
        let scorecard = ReportTable(fields: [.init("scope", .string)], rows: [])
        for lang in [ReportLanguage.vi, .en] {
            let html = ReportPages.comparison(comparison(heldOut: true), scorecard: scorecard, scenarioFile: "s.yaml", lang: lang, versions: "v")
            let held = html.range(of: lang.text(.chartHeldOut)), inSample = html.range(of: lang.text(.chartCoverage))
            #expect(held != nil && inSample != nil)
            if let held, let inSample { #expect(held.lowerBound < inSample.lowerBound) }
            // 3,9 % / 3.9 % for scenario b's held-out bar.
            #expect(html.contains(lang == .vi ? "3,9 %" : "3.9%"))
            let without = ReportPages.comparison(comparison(heldOut: false), scorecard: scorecard, scenarioFile: "s.yaml", lang: lang, versions: "v")
            #expect(!without.contains(lang.text(.chartHeldOut)))
        }
    }

    @Test func scenarioHeadlineNamesTheHeldOutYearAndTheFitYears() throws {
        let square = Polygon(exterior: [LonLat(lon: 106.3, lat: 10.3), LonLat(lon: 106.4, lat: 10.3),
                                        LonLat(lon: 106.4, lat: 10.4), LonLat(lon: 106.3, lat: 10.4)])
        let wards = try OutputLayer(name: "wards", fields: [.init("ward_name", .string)], geometryType: .polygon,
                                    features: [Feature(index: 0, geometry: .polygon(square), attributes: ["ward_name": .string("A")])])
        let input = ScenarioPageInput(name: "s", description: nil, wards: wards, districts: nil, cells: nil, coverage: nil, cameras: nil,
                                      outcome: ScenarioOutcome(name: "s", gap: 0, groups: []), newCost: 0, coveredShare: 0.3568,
                                      heldOutShare: 0.0275, heldOutYears: (2023, [2021, 2022]), modelWards: nil, versions: "v")
        let vi = try ReportPages.scenario(input, lang: .vi)
        #expect(vi.contains("2,8 % (vụ việc năm 2023, phương án bố trí theo 2021–2022)"))
        let en = try ReportPages.scenario(input, lang: .en)
        #expect(en.contains("(2023's incidents, plan fitted to 2021–2022)"))
        // Fit years with a gap are listed, not written as a range that claims the missing year.
        var gapped = input
        gapped.heldOutYears = (2023, [2019, 2021, 2022])
        #expect(try ReportPages.scenario(gapped, lang: .en).contains("plan fitted to 2019, 2021–2022)"))
    }
}
