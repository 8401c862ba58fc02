import GeoKit
import Testing
@testable import Planner

@Suite struct HTMLReportTests {
    func report(_ lang: ReportLanguage = .vi) -> HTMLReport {
        let square = Polygon(exterior: [LonLat(lon: 106.3, lat: 10.3), LonLat(lon: 106.4, lat: 10.3),
                                        LonLat(lon: 106.4, lat: 10.4), LonLat(lon: 106.3, lat: 10.4)])
        let ward = Feature<LonLat>(index: 0, geometry: .polygon(square),
                                   attributes: ["ward_name": .string("A <&> B"), "gi_bin": .integer(3), "covered_share": .real(0.4719387755102041)])
        let cam = Feature<LonLat>(index: 0, geometry: .point(LonLat(lon: 106.35, lat: 10.35)), attributes: ["existing": .bool(true)])
        let table = ReportTable(fields: [.init("group", .string), .init("cost", .real), .init("coverage", .real)],
                                rows: [[.string("Mỹ Tho"), .real(7148), .real(0.369)], [.string("ALL"), .real(7148), .real(0.369)]])
        return HTMLReport(lang: lang, title: "Plan", subtitle: "test", headline: [("Camera mới", "250 chiếc")],
                          layers: [
                              .init(title: "Cells", features: [ward], paint: .categorized(field: "gi_bin", colors: HTMLReport.giBinColors, fallback: "#ccc"),
                                    tooltip: ["ward_name", "covered_share"]),
                              .init(title: "Cameras", features: [cam], paint: .flag(field: "existing", on: "#555", off: "#1f78b4"), tooltip: [], visible: false),
                          ],
                          maps: [.init(title: "Map")],
                          tables: [("Numbers", ReaderTable(table, lang, totalField: "group"))], notes: ["synthetic"])
    }

    @Test func pageIsSelfContainedAndDrawsEveryLayer() {
        let html = report().render(width: 100)
        // Nothing is fetched: the only URL is the SVG namespace.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.components(separatedBy: "http").count == 2)
        #expect(html.contains("fill=\"#d73027\""))                      // Gi* bin 3 colour
        // x: half of the 100 px width; y: 0.05° / (0.1° × cos 10.35°) × 100 = 50.8 px
        #expect(html.contains("<circle cx=\"50.0\" cy=\"50.8\""))
        #expect(html.contains("id=\"tl0\" checked"))
        #expect(!html.contains("id=\"tl1\" checked"))
        #expect(html.contains("A &lt;&amp;&gt; B"))                       // escaped
        #expect(html.contains("class=\"scalebar\"") && html.contains("class=\"north\""))
    }

    @Test func vietnameseByDefaultWithLabelledRoundedValues() {
        let html = report().render()
        #expect(html.contains("<html lang=\"vi\">"))
        // The tooltip names the value and rounds it: not "covered_share: 0.4719387755102041".
        #expect(html.contains("Tỷ lệ phủ (%): 47,2 %"))
        #expect(!html.contains("0.4719"))
        // Table: header with unit, vi separators, a total row in words.
        #expect(html.contains("<th>Chi phí (triệu đồng)</th>"))
        #expect(html.contains("<td class=\"n\">7.148,0</td>"))
        #expect(html.contains("<td class=\"n\">36,9 %</td>"))
        #expect(html.contains("<tr class=\"total\"><td>Tổng</td>"))
    }

    @Test func englishWhenAsked() {
        let html = report(.en).render()
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Coverage (%): 47.2%"))
        #expect(html.contains("<td class=\"n\">7,148.0</td>"))
        #expect(html.contains("<td>Total</td>"))
    }

    @Test func renderingIsDeterministic() {
        #expect(report().render() == report().render())
    }
}

@Suite struct ReportLanguageTests {
    @Test func vietnameseNumbers() {
        let vi = ReportLanguage.vi
        #expect(vi.integer(7148) == "7.148")
        #expect(vi.number(637, decimals: 0) == "637")
        #expect(vi.number(1_234_567.891, decimals: 2) == "1.234.567,89")
        #expect(vi.percent(share: 0.369) == "36,9 %")
        #expect(vi.percent(points: -5.66) == "-5,7 %")
        #expect(vi.millionVND(7148) == "7.148,0 triệu đồng")
        #expect(vi.number(-0.04, decimals: 1) == "0,0")
        #expect(vi.number(.nan) == "")
    }

    @Test func englishNumbers() {
        let en = ReportLanguage.en
        #expect(en.integer(7148) == "7,148")
        #expect(en.percent(share: 0.369) == "36.9%")
        #expect(en.millionVND(7148) == "7,148.0 million VND")
        #expect(en.number(999.96, decimals: 1) == "1,000.0")
    }

    @Test func modelWardListsAndCriteriaByName() {
        let t = ReportTable(fields: [.init("list", .string), .init("criteria_failed", .string)],
                            rows: [[.string("model_ward"), .string("clearance no_hot_cells")]])
        let r = ReaderTable(t, .vi)
        #expect(r.display[0][0] == "Phường điển hình")
        #expect(r.display[0][1] == "điều tra, khám phá trên 75 %; không có ô điểm nóng 95 %")
    }

    @Test func compassWords() {
        #expect(ReportLanguage.vi.compass(headingDegrees: 0) == "Bắc")
        #expect(ReportLanguage.vi.compass(headingDegrees: 135) == "Đông Nam")
        #expect(ReportLanguage.en.compass(headingDegrees: 350) == "north")
        #expect(ReportLanguage.en.compass(headingDegrees: -90) == "west")
    }

    @Test func scorecardStatusesAndPercentValuesForReaders() {
        let t = PlannerTables.scorecard([
            ScorecardLine(scope: "province", target: "crime_change", requirement: "r", value: -5.66, threshold: -5, comparison: "<=", status: "met"),
            ScorecardLine(scope: "province", target: "clearance", requirement: "r", value: 0.777, threshold: 0.75, comparison: ">", status: "not met"),
        ])
        let r = ReaderTable.scorecard(t, .vi)
        #expect(r.display[0].contains("Đạt") && r.display[1].contains("Chưa đạt"))
        #expect(r.display[0].first == "Toàn tỉnh")
        // Both rows in percent: the change as it is, the clearance share times 100.
        #expect(r.values[0].contains(.real(-5.7)) && r.values[1].contains(.real(77.7)))
    }
}
