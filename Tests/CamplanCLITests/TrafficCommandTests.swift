import Foundation
import GeoKit
import Testing
@testable import CamplanCLI

/// A made-up town on the fly: one square ward (≈ 2.2 km a side, near Mỹ Tho) left by four
/// trunk roads (N, E, S, W) from its centre, a residential lane crossing its edge, accidents
/// along the north road (four of them within 500 m in 2022, two fatal: a black spot) and a
/// few incidents.
struct TrafficTown {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-traffic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"W1","ward_name":"Phường 1","ward_type":"phường","district_name":"Thị trấn Thử"},
        "geometry":{"type":"Polygon","coordinates":[[[106.35,10.35],[106.37,10.35],[106.37,10.37],[106.35,10.37],[106.35,10.35]]]}}]}
        """.write(toFile: dir + "/wards.geojson", atomically: true, encoding: .utf8)
        let roads: [(String, String, [(Double, Double)])] = [
            ("QL 1 bắc", "trunk", [(106.36, 10.36), (106.36, 10.38)]),
            ("QL 1 nam", "trunk", [(106.36, 10.34), (106.36, 10.36)]),
            ("QL 60 đông", "trunk", [(106.36, 10.36), (106.365, 10.361), (106.38, 10.362)]),
            ("QL 60 tây", "trunk", [(106.34, 10.358), (106.36, 10.36)]),
            ("Hẻm 3", "residential", [(106.368, 10.352), (106.375, 10.352)]),
        ]
        let features = roads.map { name, cls, pts in
            #"{"type":"Feature","properties":{"name":"\#(name)","highway":"\#(cls)"},"geometry":{"type":"LineString","coordinates":[\#(pts.map { "[\($0.0),\($0.1)]" }.joined(separator: ","))]}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir + "/roads.geojson", atomically: true, encoding: .utf8)
        try """
        id,date,severity,deaths,injuries,lon,lat
        A1,2022-01-10,nghiêm trọng,1,0,106.36001,10.3630
        A2,2022-03-10,rất nghiêm trọng,2,1,106.35999,10.3640
        A3,2022-05-10,ít nghiêm trọng,0,2,106.36001,10.3615
        A4,2022-07-10,va chạm giao thông,0,0,106.36000,10.3620
        A5,2021-02-10,ít nghiêm trọng,0,1,106.36600,10.3612
        A6,2023-02-10,va chạm giao thông,0,0,106.35500,10.3595
        """.write(toFile: dir + "/accidents.csv", atomically: true, encoding: .utf8)
        var csv = "id,date,category,severity,solved,lon,lat\n"
        for i in 0 ..< 12 { csv += "I\(i),202\(1 + i % 3)-05-0\(1 + i % 9),property_theft,less_serious,1,\(106.355 + 0.0008 * Double(i)),10.357\n" }
        try csv.write(toFile: dir + "/incidents.csv", atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { dir + "/" + name }

    /// `camplan place` on the town's files, planning traffic cameras on the accidents with
    /// 200 million VND, plus `extra`.
    func placeTraffic(_ extra: [String]) throws -> CLIRun {
        try CLIRun.run(["place", "--wards", path("wards.geojson"), "--incidents", path("incidents.csv"),
                        "--roads", path("roads.geojson"), "--accidents", path("accidents.csv"),
                        "--demand", "accidents", "--camera-types", "traffic_4mp_8mm", "--budget-cost", "200"] + extra + ["--quiet"])
    }
}

@Suite("camplan place --demand accidents")
struct TrafficCommandTests {
    @Test func cordonAndTrafficCamerasAlongTheRoads() throws {
        let t = try TrafficTown()
        let out = t.path("out")
        let r = try t.placeTraffic(["--gateway-group", "Thị trấn Thử", "--gateway-classes", "trunk", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        // Four gateways (the lane is residential), each watched by its own plate camera.
        let gates = try VectorReader.read(out + "/gateways.geojson")
        #expect(gates.features.count == 4)
        #expect(gates.features.allSatisfy { $0["watched"] == .bool(true) })
        #expect(Set(gates.features.compactMap { $0["site_id"].stringValue }).count == 4)
        let cams = try VectorReader.read(out + "/cameras.geojson")
        let plates = cams.features.filter { $0["camera_type"].stringValue == "lpr_2mp" }
        #expect(plates.count == 4)
        #expect(cams.features.contains { $0["camera_type"].stringValue == "traffic_4mp_8mm" })
        // Every camera looks along a road: N-S roads at 0/180°, E-W roads within 10° of 90/270°.
        for c in cams.features {
            let h = try #require(c["heading_deg"].doubleValue)
            let offNorthSouth = min(h.truncatingRemainder(dividingBy: 180), 180 - h.truncatingRemainder(dividingBy: 180))
            let offEastWest = abs(h.truncatingRemainder(dividingBy: 180) - 90)
            #expect(min(offNorthSouth, offEastWest) < 10, "\(c["site_id"]) heading \(h)")
        }
        // The north road's first 500 m from the centre hold A1-A4 (2 fatal in 2022): one black spot.
        let spots = try VectorReader.read(out + "/blackspots.geojson")
        let black = spots.features.filter { $0["is_blackspot"] == .bool(true) }
        #expect(black.count == 1)
        #expect(black.first?["road_name"].stringValue == "QL 1 bắc")
        #expect(black.first?["accidents"] == .integer(4))
        #expect(black.first?["fatal"] == .integer(2))
        #expect(black.first?["injured"] == .integer(3))
        #expect(black.first?["rank"] == .integer(1))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/traffic-summary.json"))) as! [String: Any]
        #expect(summary["gateways_watched"] as? Int == 4)
        #expect(summary["cordon_lower_bound"] as? Int == 4)
        #expect((summary["rule"] as? String)?.contains("Thông tư 26/2012/TT-BGTVT") == true)
    }

    /// The held-out evaluation judges crime placements: asked of a traffic plan, it says it
    /// gives no figure instead of leaving the setting unused.
    @Test func evaluateYearOnATrafficPlanIsAWarningNotASilentNoOp() throws {
        let t = try TrafficTown()
        let out = t.path("out")
        let r = try t.placeTraffic(["--evaluate-year", "2023", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let warnings = summary["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.hasPrefix("evaluate_year 2023 gives no held-out figure for a traffic plan") })
        #expect(summary["heldout_coverage"] == nil)
        #expect(r.stdout.contains("evaluate_year 2023 gives no held-out figure"))
    }

    @Test func accidentDemandNeedsTheAccidentFile() throws {
        let t = try TrafficTown()
        let r = try CLIRun.run(["place", "--wards", t.path("wards.geojson"), "--incidents", t.path("incidents.csv"),
                                "--roads", t.path("roads.geojson"), "--demand", "accidents", "--out", t.path("out"), "--quiet"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--accidents"))
    }

    /// A cordon without a traffic demand (`place`'s default is the incidents) is refused:
    /// the traffic cameras would otherwise be planned on the accidents without being asked.
    @Test func aCordonNeedsADemandForItsTrafficCameras() throws {
        let t = try TrafficTown()
        let r = try CLIRun.run(["place", "--wards", t.path("wards.geojson"), "--incidents", t.path("incidents.csv"),
                                "--roads", t.path("roads.geojson"), "--accidents", t.path("accidents.csv"),
                                "--gateway-group", "Thị trấn Thử", "--camera-types", "traffic_4mp_8mm", "--out", t.path("out"), "--quiet"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("set demand (--demand) to accidents or roads (found incidents)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.path("out")))
    }

    /// Black-spot segments of 1 mm along the test town's 8.8 km of trunk roads would be about
    /// 9·10⁶ segments: refused before they are made (exit 65, nothing written), as the other
    /// memory guards; 500 m segments pass under the same budget.
    @Test func tinyBlackSpotSegmentsAreRefusedByTheMemoryGuard() throws {
        let t = try TrafficTown()
        let r = try place(t, accidents: t.path("accidents.csv"), ["--budget", "2", "--blackspot-segment", "0.001", "--max-memory", "1GB"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("black-spot segments of 0.001 m") && r.stderr.contains("more than the memory budget")
            && r.stderr.contains("--blackspot-segment"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.path("out")))
        let ok = try place(t, accidents: t.path("accidents.csv"), ["--budget", "2", "--max-memory", "1GB"])
        #expect(ok.status == 0, "\(ok.stderr)")
        // Road demand for the traffic cameras of a cordon: a point every 0.0001 m is refused too.
        try FileManager.default.removeItem(atPath: t.path("out"))
        let roads = try CLIRun.run(["place", "--wards", t.path("wards.geojson"), "--incidents", t.path("incidents.csv"),
                                    "--roads", t.path("roads.geojson"), "--accidents", t.path("accidents.csv"), "--demand", "roads",
                                    "--gateway-group", "Thị trấn Thử", "--camera-types", "traffic_4mp_8mm", "--budget", "6",
                                    "--road-demand-spacing", "0.0001", "--max-memory", "1GB", "--out", t.path("out"), "--quiet"])
        #expect(roads.status == 65, "\(roads.stderr)")
        #expect(roads.stderr.contains("road demand points every 0.0001 m") && roads.stderr.contains("--road-demand-spacing"), "\(roads.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.path("out")))
    }

    @Test func aBadAccidentClassNamesItsRow() throws {
        let t = try TrafficTown()
        try "id,date,severity,lon,lat\nB1,2022-01-01,nghiêm trọng,106.36,10.363\nB2,2022-01-02,nhẹ,106.36,10.364\n"
            .write(toFile: t.path("bad.csv"), atomically: true, encoding: .utf8)
        let r = try CLIRun.run(["place", "--wards", t.path("wards.geojson"), "--incidents", t.path("incidents.csv"),
                                "--roads", t.path("roads.geojson"), "--accidents", t.path("bad.csv"), "--demand", "accidents",
                                "--camera-types", "traffic_4mp_8mm", "--out", t.path("out"), "--quiet"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("row 3"))
        #expect(r.stderr.contains("nhẹ"))
        #expect(!FileManager.default.fileExists(atPath: t.path("out")))
    }

    func place(_ t: TrafficTown, accidents: String, _ extra: [String]) throws -> CLIRun {
        try CLIRun.run(["place", "--wards", t.path("wards.geojson"), "--incidents", t.path("incidents.csv"),
                        "--roads", t.path("roads.geojson"), "--accidents", accidents, "--demand", "accidents",
                        "--camera-types", "traffic_4mp_8mm", "--out", t.path("out"), "--quiet"] + extra)
    }

    /// Accident rows outside every ward are counted, written with their reason and named in a
    /// warning on the console and in summary.json; a file with none inside is an error.
    @Test func accidentsOutsideTheWardsAreRejectedAloud() throws {
        let t = try TrafficTown()
        let rows = try String(contentsOfFile: t.path("accidents.csv"), encoding: .utf8)
        try (rows + (rows.hasSuffix("\n") ? "" : "\n") + "Z1,2022-02-02,nghiêm trọng,1,0,105.0,9.0\n").write(toFile: t.path("some-out.csv"), atomically: true, encoding: .utf8)
        let r = try place(t, accidents: t.path("some-out.csv"), ["--budget", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("warning: ") && r.stdout.contains("1 of 7 accident rows rejected") && r.stdout.contains("rows 8"), "\(r.stdout)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.path("out/summary.json")))) as! [String: Any]
        #expect((summary["warnings"] as? [String])?.contains { $0.contains("1 of 7 accident rows rejected") } == true)
        let traffic = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.path("out/traffic-summary.json")))) as! [String: Any]
        #expect((traffic["warnings"] as? [String])?.contains { $0.contains("1 of 7 accident rows rejected") } == true)
        let rejects = try String(contentsOfFile: t.path("out/accident-rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("8,Z1,outside every ward"))
        try FileManager.default.removeItem(atPath: t.path("out"))
        try "id,date,severity,lon,lat\nZ1,2022-02-02,nghiêm trọng,105.0,9.0\n".write(toFile: t.path("all-out.csv"), atomically: true, encoding: .utf8)
        let none = try place(t, accidents: t.path("all-out.csv"), ["--budget", "2"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("all-out.csv: no usable accident among 1 rows (1 outside every ward)"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.path("out")))
    }

    /// Bad traffic settings and files stop before any output, naming what to fix.
    @Test func badTrafficInputsAreErrorsWithoutOutput() throws {
        let t = try TrafficTown()
        try "id,date,severity,lon,lat\n".write(toFile: t.path("header-only.csv"), atomically: true, encoding: .utf8)
        for (extra, file, message) in [
            (["--gateway-group", "Thị trấn Không Có"], t.path("accidents.csv"), "no group 'Thị trấn Không Có'; groups are: Thị trấn Thử"),
            (["--gateway-group", "Thị trấn Thử", "--gateway-classes", "motorway"], t.path("accidents.csv"),
             "group 'Thị trấn Thử': no road of the classes motorway crosses its boundary"),
            ([String](), t.path("header-only.csv"), "header-only.csv"),
            (["--budget-cost", "10", "--gateway-group", "Thị trấn Thử"], t.path("accidents.csv"), "less than the cheapest candidate camera (18.0)"),
            (["--gateway-group", "Thị trấn Thử", "--plate-camera", "bullet_4mp_6mm"], t.path("accidents.csv"),
             "plate_camera 'bullet_4mp_6mm' is a fixed camera; the cordon's plate camera is aimed along the road"),
        ] {
            let r = try place(t, accidents: file, extra + (extra.contains("--budget-cost") ? [] : ["--budget", "2"]))
            #expect(r.status == 65, "\(extra): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(extra): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: t.path("out")))
        }
    }

    /// A cost budget that pays the cordon but not one traffic camera places the cordon alone
    /// and says so (console and summary.json), instead of failing on the remainder.
    @Test func aBudgetTakenByTheCordonPlacesNoTrafficCameraAndWarns() throws {
        let t = try TrafficTown()
        // Four plate cameras at 18 = 72; 30 left, less than a 45 traffic camera.
        let r = try place(t, accidents: t.path("accidents.csv"), ["--budget-cost", "102", "--gateway-group", "Thị trấn Thử",
                                                                  "--gateway-classes", "trunk"])
        #expect(r.status == 0, "\(r.stderr)")
        let cams = try VectorReader.read(t.path("out/cameras.geojson"))
        #expect(cams.features.count == 4)
        #expect(cams.features.allSatisfy { $0["camera_type"].stringValue == "lpr_2mp" })
        let warning = "the cordon takes the budget (4 plate cameras, 72.0); it leaves 30.0, less than the cheapest traffic camera (45.0)"
        #expect(r.stdout.contains("warning: " + warning), "\(r.stdout)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.path("out/summary.json")))) as! [String: Any]
        #expect((summary["warnings"] as? [String])?.contains { $0.contains(warning) } == true)
    }

    /// A crime plan's accident coverage (comparison.csv `accident_coverage`) credits what its
    /// cameras watch as every other coverage figure does: a PTZ on a 4-preset tour gives an
    /// accident in one preset a quarter of its weight, not all of it.
    @Test func accidentCoverageOfACrimePlanCreditsPTZPresetsByTheirShare() throws {
        let t = try TrafficTown()
        // Incidents where the accidents are, so that the one PTZ stands among them.
        var csv = "id,date,category,severity,solved,lon,lat\n"
        for k in 0 ..< 36 {
            let y = [10.3630, 10.3640, 10.3615, 10.3620, 10.3625, 10.3635][k % 6] + 0.00001 * Double(k / 6)
            csv += "J\(k),202\(1 + k % 3)-0\(1 + k % 9)-10,property_theft,less_serious,1,106.36,\(y)\n"
        }
        try csv.write(toFile: t.path("incidents.csv"), atomically: true, encoding: .utf8)
        try """
        inputs: {wards: wards.geojson, incidents: incidents.csv, roads: roads.geojson, accidents: accidents.csv, group_by: district_name}
        defaults: {cell_m: 250, band_m: 500, site_spacing_m: 50}
        scenarios:
          - name: one-ptz
            camera_mix: [ptz_4mp_25x]
            budget: 1
        """.write(toFile: t.path("s.yaml"), atomically: true, encoding: .utf8)
        let r = try CLIRun.run(["run", t.path("s.yaml"), "--out", t.path("out"), "--quiet", "--formats", "comparison", "cameras"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOfFile: t.path("out/comparison.csv"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first)
        let col = try #require(header.firstIndex(of: "accident_coverage"))
        let all = try #require(rows.first { $0.count > col && $0[1] == "ALL" })
        let share = try #require(Double(all[col]))
        // Some accident lies in a preset (the PTZ stands among them), none is seen whole.
        #expect(share > 0, "\(all)")
        #expect(share <= 0.25 + 1e-9, "a preset is watched a quarter of the time: \(all)")
    }

    /// Accident and incident tables in metres (UTM 48N) with `--crs`: the accidents are read in
    /// that CRS by both readers (the scorecard's and the traffic plan's), not as degrees,
    /// which put every accident outside the wards.
    @Test func accidentsInTheGivenCRSAreReadInItEverywhere() throws {
        let t = try TrafficTown()
        let toUTM = try CoordinateTransform(from: .wgs84, to: try CRS("EPSG:32648"))
        func reproject(_ name: String) throws {
            var lines = try String(contentsOfFile: t.path(name), encoding: .utf8).split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let (ix, iy) = (header.firstIndex(of: "lon")!, header.firstIndex(of: "lat")!)
            lines[0] = lines[0].replacingOccurrences(of: "lon", with: "x").replacingOccurrences(of: "lat", with: "y")
            for k in 1 ..< lines.count {
                var cells = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let p: PlanarPoint = try toUTM.transform(LonLat(lon: Double(cells[ix])!, lat: Double(cells[iy])!))
                cells[ix] = String(format: "%.2f", p.x)
                cells[iy] = String(format: "%.2f", p.y)
                lines[k] = cells.joined(separator: ",")
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: t.path("utm-" + name), atomically: true, encoding: .utf8)
        }
        try reproject("accidents.csv")
        try reproject("incidents.csv")
        let r = try CLIRun.run(["place", "--wards", t.path("wards.geojson"), "--incidents", t.path("utm-incidents.csv"),
                                "--roads", t.path("roads.geojson"), "--accidents", t.path("utm-accidents.csv"), "--crs", "EPSG:32648",
                                "--demand", "accidents", "--camera-types", "traffic_4mp_8mm", "--budget", "2",
                                "--out", t.path("out"), "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("accident rows rejected"), "\(r.stdout)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.path("out/traffic-summary.json")))) as! [String: Any]
        #expect(summary["accidents"] as? Int == 6)
        #expect(summary["blackspots"] as? Int == 1)
    }

    /// The traffic layers of a Vietnamese page speak Vietnamese: layer names, legend and hover
    /// headers (they were English whatever --lang said).
    @Test func trafficPageLayersFollowTheLanguage() throws {
        let t = try TrafficTown()
        // Enough incidents and cells for the ward scores the page maps.
        var csv = "id,date,category,severity,solved,lon,lat\n"
        for k in 0 ..< 36 {
            csv += "J\(k),202\(1 + k % 3)-0\(1 + k % 9)-10,property_theft,less_serious,1,"
                + String(format: "%.5f,%.5f\n", 106.352 + 0.0004 * Double(k), 10.352 + 0.0004 * Double(k % 7))
        }
        try csv.write(toFile: t.path("incidents.csv"), atomically: true, encoding: .utf8)
        let r = try place(t, accidents: t.path("accidents.csv"), ["--budget-cost", "200", "--gateway-group", "Thị trấn Thử",
                                                                  "--gateway-classes", "trunk", "--cell", "200", "--formats", "html", "blackspots"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: t.path("out/report.html"), encoding: .utf8)
        for text in ["Điểm đen tai nạn giao thông", "Đoạn đường có tai nạn", "Cửa ngõ có camera biển số", "Tai nạn có người chết (vụ): 2",
                     "Tên đường: QL 1 bắc"] {
            #expect(page.contains(text), "\(text)")
        }
        for text in ["Road segments with accidents", "gateway watched", "segment_id:"] { #expect(!page.contains(text), "\(text)") }
    }
}
