@testable import CamplanCLI
import Foundation
import GeoKit
import HotSpots
import SeededRandom
import Testing

/// A small, seeded study made on the fly: 4 candidate sites 300 m apart near Mỹ Tho and
/// 80 incidents clustered around two of them.
struct SmallStudy {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-place-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // ~0.0027° ≈ 300 m at this latitude.
        let sites = [(106.3600, 10.3600), (106.3627, 10.3600), (106.3654, 10.3600), (106.3681, 10.3600)]
        var features: [String] = []
        for (i, s) in sites.enumerated() {
            features.append(#"{"type":"Feature","properties":{"id":"S\#(i + 1)"},"geometry":{"type":"Point","coordinates":[\#(s.0),\#(s.1)]}}"#)
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir + "/candidates.geojson", atomically: true, encoding: .utf8)
        var rng = SplitMix64(seed: 7)
        var csv = "id,date,category,severity,solved,lon,lat\n"
        for i in 0 ..< 80 {
            let s = sites[i % 2 == 0 ? 0 : 2]
            // within ~15 m of the site
            let dx = (rng.unit() - 0.5) * 0.00025, dy = (rng.unit() - 0.5) * 0.00025
            csv += "I\(i),\(2021 + i % 3)-0\(1 + i % 9)-1\(i % 10),property_theft,\(i % 5 == 0 ? "serious" : "less_serious"),1,\(s.0 + dx),\(s.1 + dy)\n"
        }
        csv += "BAD1,2022-01-01,property_theft,serious,1,,\n"
        try csv.write(toFile: dir + "/incidents.csv", atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { dir + "/" + name }
}

@Suite("camplan place")
struct PlaceCommandTests {
    @Test func placesWithIncidentsAndCandidatesAlone() throws {
        let s = try SmallStudy()
        let out = s.path("out")
        let r = try CLIRun.run(["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"),
                                "--budget", "2", "--radius", "40", "--fov", "360", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let cams = try VectorReader.read(out + "/cameras.geojson")
        #expect(cams.features.count == 2)
        // The two clustered sites are S1 and S3; a 40 m disc covers every incident there.
        #expect(Set(cams.features.compactMap { $0["site_id"].stringValue }) == ["S1", "S3"])
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let covered = summary["covered_weight"] as! Double, total = summary["total_weight"] as! Double
        let bound = summary["upper_bound"] as! Double, gap = summary["gap"] as! Double
        #expect(covered == total)   // 80 incidents, all within 15 m of S1 or S3
        #expect(bound >= covered - 1e-9)
        #expect(gap == 0)
        for key in ["coverage_ratio", "cameras_selected", "cost", "runtime_seconds", "work_crs"] { #expect(summary[key] != nil, "\(key)") }
        #expect((summary["work_crs"] as! String).hasPrefix("EPSG:32648"))
        // The empty-coordinate row is rejected and written out, not dropped.
        let rejects = try String(contentsOfFile: out + "/rejects.csv", encoding: .utf8)
        #expect(rejects.contains("BAD1"))
        #expect(r.stdout.contains("certified gap"))
        // The coverage layer has a footprint polygon per camera.
        let cov = try VectorReader.read(out + "/coverage.geojson")
        #expect(cov.features.count == 2)
        let curve = try String(contentsOfFile: out + "/curve.csv", encoding: .utf8)
        #expect(curve.hasPrefix("cameras,covered_share"))
    }

    @Test func badInputIsAClearErrorWithNoOutput() throws {
        let s = try SmallStudy()
        let base = ["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"), "--quiet"]
        // A catalog type that does not exist: data error 65, names the type and the known ones.
        var out = s.path("o1")
        var r = try CLIRun.run(base + ["--camera-types", "bullet_9mp_nope", "--out", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bullet_9mp_nope"))
        #expect(r.stderr.contains("bullet_4mp_6mm"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // Radius 0: argument error 64.
        out = s.path("o2")
        r = try CLIRun.run(base + ["--radius", "0", "--fov", "90", "--out", out])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--radius"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // A negative cost: argument error.
        r = try CLIRun.run(base + ["--radius", "30", "--fov", "90", "--camera-cost", "-1", "--out", out])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--camera-cost"))
        // A catalog file with a negative cost: data error naming the type and field.
        try #"{"cost_unit":"x","types":[{"id":"cheap","name":"c","sensor_width_px":1920,"hfov_deg":60,"mount_height_m":4,"cost_million_vnd":-2,"kind":"fixed","is360":false}]}"#
            .write(toFile: s.path("catalog.json"), atomically: true, encoding: .utf8)
        r = try CLIRun.run(base + ["--catalog", s.path("catalog.json"), "--camera-types", "cheap", "--out", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("cheap"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // Budget below the installed cameras when the budget includes them.
        let existing = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"E1","camera_type":"dome_4mp_2_8mm","heading_deg":90},"geometry":{"type":"Point","coordinates":[106.36,10.36]}},{"type":"Feature","properties":{"id":"E2","camera_type":"dome_4mp_2_8mm","heading_deg":0},"geometry":{"type":"Point","coordinates":[106.3654,10.36]}}]}"#
        try existing.write(toFile: s.path("existing.geojson"), atomically: true, encoding: .utf8)
        r = try CLIRun.run(base + ["--existing", s.path("existing.geojson"), "--budget", "1", "--budget-includes-existing", "--out", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("budget"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // No candidate inside the wards (a thin ward north of the sites holds some incidents).
        let farWards = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"1","ward_name":"Thin","ward_type":"xã"},"geometry":{"type":"Polygon","coordinates":[[[106.3595,10.36005],[106.3605,10.36005],[106.3605,10.3602],[106.3595,10.3602],[106.3595,10.36005]]]}}]}"#
        try farWards.write(toFile: s.path("far.geojson"), atomically: true, encoding: .utf8)
        r = try CLIRun.run(base + ["--wards", s.path("far.geojson"), "--out", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("candidate"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func existingCamerasAreKeptAndCounted() throws {
        let s = try SmallStudy()
        let existing = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"E1","camera_type":"ptz_4mp_25x","heading_deg":null},"geometry":{"type":"Point","coordinates":[106.36,10.36]}}]}"#
        try existing.write(toFile: s.path("existing.geojson"), atomically: true, encoding: .utf8)
        let out = s.path("out")
        let r = try CLIRun.run(["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"),
                                "--existing", s.path("existing.geojson"), "--budget", "1", "--radius", "40", "--fov", "360",
                                "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let cams = try VectorReader.read(out + "/cameras.geojson").features
        #expect(cams.count == 2)
        #expect(cams.first?["site_id"] == .string("E1"))
        #expect(cams.first?["existing"] == .integer(1) || cams.first?["existing"] == .bool(true))
        // The installed PTZ already sees the S1 cluster, so the one new camera goes to S3.
        #expect(cams.last?["site_id"] == .string("S3"))
    }
}

@Suite("camplan run", .serialized)
struct RunCommandTests {
    static let geodata = CLIRun.root.appendingPathComponent("geodata/tien-giang").path

    func scenarioFile(in dir: String) throws -> String {
        let yaml = """
        inputs:
          wards: \(Self.geodata)/wards.geojson
          incidents: \(Self.geodata)/incidents.csv
          roads: \(Self.geodata)/roads.gpkg
          existing: \(Self.geodata)/existing_cameras.geojson
          obstacles: \(Self.geodata)/buildings.gpkg
          accidents: \(Self.geodata)/traffic_accidents.csv
          population_field: population
        defaults:
          camera_mix: [dome_4mp_2_8mm, ptz_4mp_25x]
          headings: 4
          cell_m: 1000
          site_spacing_m: 400
          time_limit_s: 30
        scenarios:
          - name: small
            budget: 10
          - name: equal
            budget: 22
            allocation: equal_by_group
        """
        let path = dir + "/s.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func runsAreByteIdenticalAndTheGeoPackageIsStyled() throws {
        try #require(FileManager.default.fileExists(atPath: Self.geodata + "/roads.gpkg"), "the shipped geodata is part of the repository: \(Self.geodata + "/roads.gpkg")")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let yaml = try scenarioFile(in: dir)
        let a = try CLIRun.run(["run", yaml, "--out", dir + "/a", "--quiet"])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try CLIRun.run(["run", yaml, "--out", dir + "/b", "--quiet"])
        #expect(b.status == 0, "\(b.stderr)")
        let fm = FileManager.default
        let files = try fm.subpathsOfDirectory(atPath: dir + "/a").sorted()
        #expect(files.contains("comparison.csv"))
        #expect(files.contains("scorecard.csv"))
        #expect(files.contains("comparison.xlsx") && files.contains("scorecard.xlsx"))
        // Both scenarios share their hot-spot settings: the hot-spot layers are written once.
        #expect(files.contains("hotspot-cells.geojson") && files.contains("hotspot-summary.json"))
        #expect(!files.contains("small/hotspot-cells.geojson") && !files.contains("equal/hotspot-cells.geojson"))
        for f in ["cameras.geojson", "coverage.geojson", "wards.geojson", "model-wards.geojson",
                  "model-wards.csv", "curve.csv", "groups.csv", "summary.json", "plan.gpkg", "report.html", "cameras.csv", "cameras.xlsx"] {
            #expect(files.contains("small/" + f), "small/\(f)")
        }
        for f in files {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir + "/a/" + f, isDirectory: &isDir), !isDir.boolValue else { continue }
            #expect(fm.contentsEqual(atPath: dir + "/a/" + f, andPath: dir + "/b/" + f), "\(f) differs between runs")
        }
        // The GeoPackage reopens with every layer and a QGIS style for each styled one.
        let gpkg = dir + "/a/small/plan.gpkg"
        let layers = try VectorReader.layerNames(in: gpkg)
        for l in ["hotspot_cells", "wards", "districts", "cameras", "coverage", "model_wards", "layer_styles"] {
            #expect(layers.contains(l), "\(l)")
        }
        let styles = try VectorReader.read(gpkg, layer: "layer_styles")
        let styled = Set(styles.features.compactMap { $0["f_table_name"].stringValue })
        #expect(styled == ["hotspot_cells", "wards", "districts", "cameras", "coverage", "model_wards"])
        let cells = try VectorReader.read(gpkg, layer: "hotspot_cells")
        #expect(cells.features.count > 1000)
        // The comparison: two scenarios, 11 districts each plus ALL; equal shares of 2 per district.
        let cmp = try VectorReader.read(dir + "/a/comparison.csv")
        #expect(cmp.features.count == 2 * 12)
        let equalRows = cmp.features.filter { $0["scenario"].stringValue == "equal" && $0["group"].stringValue != "ALL" }
        #expect(equalRows.count == 11)
        #expect(equalRows.allSatisfy { $0["cameras_new"].doubleValue == 2 })
        let small = cmp.features.first { $0["scenario"].stringValue == "small" && $0["group"].stringValue == "ALL" }
        #expect(small?["cameras_new"].doubleValue == 10)
        #expect(small?["cameras_existing"].doubleValue == 40)
        #expect(a.stdout.contains("Directive scorecard"))
        // comparison.xlsx: Vietnamese headers with units, numbers in numeric cells.
        let xlsx = try VectorReader.read(dir + "/a/comparison.xlsx")
        #expect(xlsx.driver == "XLSX")
        #expect(xlsx.fields.map(\.name).contains("Kịch bản"))
        let share = try #require(xlsx.field(named: "Tỷ lệ phủ (%)"))
        #expect(share.type == .real)
        #expect(try #require(xlsx.field(named: "Camera mới (chiếc)")).type == .integer)
        let total = xlsx.features.first { $0["Kịch bản"].stringValue == "small" && $0["Địa bàn (huyện cũ)"].stringValue == "Tổng" }
        #expect(total?["Camera mới (chiếc)"] == .integer(10))
        // The same share as comparison.csv, in percent.
        if let pct = total?[share.name].doubleValue, let frac = small?["coverage"].doubleValue {
            #expect(abs(pct - frac * 100) < 0.051)
        } else {
            Issue.record("no total row for scenario small in comparison.xlsx")
        }
        // The installer's list: new cameras first, readable site ids (ward code-number).
        let installer = try VectorReader.read(dir + "/a/small/cameras.csv")
        #expect(installer.features.count == 50)
        #expect(installer.features.prefix(10).allSatisfy { $0["status"].stringValue == "new" })
        #expect(installer.features.allSatisfy { ($0["site_id"].stringValue ?? "").wholeMatch(of: /[0-9X]+-[0-9]{3}/) != nil })
        #expect(installer.features.contains { !($0["street"].stringValue ?? "").isEmpty })
    }

    @Test func aBadScenarioFileNamesKeyAndLineAndWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "inputs:\n  wards: w.geojson\n  incidents: i.csv\nscenarios:\n  - name: a\n    budget: many\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let r = try CLIRun.run(["run", dir + "/bad.yaml", "--out", dir + "/out", "--quiet"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.yaml:6: 'budget'"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}

@Suite("camplan place options")
struct PlaceOptionTests {
    @Test func exclusionAreasRemoveSites() throws {
        let s = try SmallStudy()
        // A box around S1 (106.3600, 10.3600) only.
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[106.3595,10.3595],[106.3605,10.3595],[106.3605,10.3605],[106.3595,10.3605],[106.3595,10.3595]]]}}]}"#
            .write(toFile: s.path("exclude.geojson"), atomically: true, encoding: .utf8)
        let out = s.path("out")
        let r = try CLIRun.run(["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"),
                                "--exclude", s.path("exclude.geojson"), "--budget", "2", "--radius", "40", "--fov", "360",
                                "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let sites = Set(try VectorReader.read(out + "/cameras.geojson").features.compactMap { $0["site_id"].stringValue })
        #expect(!sites.contains("S1"))
        #expect(sites.contains("S3"))
    }

    @Test func roadDemandNeedsRoads() throws {
        let s = try SmallStudy()
        let r = try CLIRun.run(["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"),
                                "--demand", "roads", "--out", s.path("o"), "--quiet"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--demand roads needs --roads"))
    }
}
