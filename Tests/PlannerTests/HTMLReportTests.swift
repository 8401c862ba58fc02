import GeoKit
import Testing
@testable import Planner

@Suite struct HTMLReportTests {
    func report() -> HTMLReport {
        let square = Polygon(exterior: [LonLat(lon: 106.3, lat: 10.3), LonLat(lon: 106.4, lat: 10.3),
                                        LonLat(lon: 106.4, lat: 10.4), LonLat(lon: 106.3, lat: 10.4)])
        let ward = Feature<LonLat>(index: 0, geometry: .polygon(square), attributes: ["name": .string("A <&> B"), "gi_bin": .integer(3)])
        let cam = Feature<LonLat>(index: 0, geometry: .point(LonLat(lon: 106.35, lat: 10.35)), attributes: ["existing": .bool(true)])
        return HTMLReport(title: "Plan", subtitle: "test",
                          layers: [
                              .init(title: "Cells", features: [ward], paint: .categorized(field: "gi_bin", colors: HTMLReport.giBinColors, fallback: "#ccc"), labelFields: ["name"]),
                              .init(title: "Cameras", features: [cam], paint: .flag(field: "existing", on: "#555", off: "#1f78b4"), labelFields: [], visible: false),
                          ],
                          tables: [("Numbers", ReportTable(fields: [.init("k", .string)], rows: [[.string("v")]]))],
                          notes: ["synthetic"])
    }

    @Test func pageIsSelfContainedAndDrawsEveryLayer() {
        let html = report().render(width: 100)
        // Nothing is fetched: the only URL is the SVG namespace.
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link"))
        #expect(html.components(separatedBy: "http").count == 2)
        #expect(html.contains("fill=\"#d73027\""))                      // Gi* bin 3 colour
        // x: half of the 100 px width; y: 0.05° / (0.1° × cos 10.35°) × 100 = 50.8 px
        #expect(html.contains("<circle cx=\"50.0\" cy=\"50.8\""))
        #expect(html.contains("id=\"tl0\" checked"))
        #expect(!html.contains("id=\"tl1\" checked"))
        #expect(html.contains("A &lt;&amp;&gt; B"))                       // escaped
        #expect(html.contains("<td>v</td>"))
    }

    @Test func renderingIsDeterministic() {
        #expect(report().render() == report().render())
    }
}
