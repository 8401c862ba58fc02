import Foundation
import Coverage
import GeoKit
import Testing
@testable import Planner

/// Issue 12, Planner side of the input rules: rows 14 (model-ward types), 19 (installed
/// cameras) and 20 (budget and budget_cost).
@Suite struct InputRulesTests {
    func parse(_ body: String) throws -> ScenarioFile {
        try ScenarioFile.parse(yaml: "inputs: {wards: w.geojson, incidents: i.csv}\n" + body, path: "s.yaml")
    }

    @Test func row14ModelWardTypesMatchWithoutCaseOrDiacritics() throws {
        let f = try parse("""
        model_wards:
          lists:
            urban: {title: Model ward, types: [Phường, phuong, PHƯỜNG]}
            rural: {title: Model commune, types: [xa, Thị trấn]}
            other: {title: Other, types: [khu phố]}
        scenarios:
          - name: a
        """)
        let lists = Dictionary(uniqueKeysWithValues: f.criteria.lists.map { ($0.key, $0.types) })
        #expect(lists["urban"] == ["phường", "phường", "phường"])
        #expect(lists["rural"] == ["xã", "thị trấn"])
        #expect(lists["other"] == ["khu phố"])
        // The normalised types find the wards; a list that matches none is named.
        let wards = [WardRecord(id: "1", name: "A", type: "phường", group: "G", areaKm2: 1, population: nil),
                     WardRecord(id: "2", name: "B", type: "xã", group: "G", areaKm2: 1, population: nil)]
        let ranks = ModelWardRanking.rank(wards, year: 2023, criteria: f.criteria)
        #expect(Set(ranks.map(\.listKey)) == ["urban", "rural"])
        let warnings = ModelWardRanking.emptyListWarnings(wards, criteria: f.criteria)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("'other'") == true && warnings.first?.contains("phường (1), xã (1)") == true)
    }

    @Test func row20BudgetAndBudgetCostTogetherAreAnError() throws {
        do {
            _ = try parse("""
            scenarios:
              - name: a
                budget: 100
                budget_cost: 5000
            """)
            Issue.record("budget and budget_cost were both accepted")
        } catch let e as PlannerError {
            guard case let .scenario(_, line, key, message) = e else { Issue.record("\(e)"); return }
            #expect(line == 5 && key == "budget_cost")
            #expect(message == "give either budget or budget_cost, not both in scenario 'a'")
        }
        // Across levels the more specific one replaces the other kind.
        let f = try parse("""
        defaults: {budget_cost: 5000}
        scenarios:
          - name: money
          - name: count
            budget: 120
        """)
        #expect(f.scenarios[0].settings.placement.budget == .cost(5000))
        #expect(f.scenarios[1].settings.placement.budget == .count(120))
        #expect(f.scenarios[1].settings.placement.budgetCost == nil)
    }

    @Test func row19InstalledCamerasOutsideOrRepeatedAreLeftOutWithAWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-installed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let wards = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"W1","ward_name":"A","ward_type":"xã","district_name":"X"},"geometry":{"type":"Polygon","coordinates":[[[106.35,10.35],[106.40,10.35],[106.40,10.40],[106.35,10.40],[106.35,10.35]]]}}]}"#
        try wards.write(toFile: dir + "/wards.geojson", atomically: true, encoding: .utf8)
        func camera(_ id: String, _ lon: Double, _ lat: Double, heading: String = "90") -> String {
            #"{"type":"Feature","properties":{"id":"\#(id)","camera_type":"bullet_4mp_6mm","heading_deg":\#(heading)},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}"#
        }
        let cameras = [camera("E1", 106.36, 10.36), camera("E1", 106.37, 10.37), camera("E2", 0, 0),
                       camera("E3", 106.36, 10.36), camera("E4", 106.36, 10.36, heading: "180"), camera("E5", 106.401, 10.36)]
        try #"{"type":"FeatureCollection","features":[\#(cameras.joined(separator: ","))]}"#
            .write(toFile: dir + "/existing.geojson", atomically: true, encoding: .utf8)
        let boundaries = try BoundaryLoader.load(dir + "/wards.geojson")
        let (kept, warnings) = try StudyData.readInstalled(dir + "/existing.geojson", to: boundaries.workCRS,
                                                           catalog: try CameraCatalog.builtIn(), studyArea: boundaries)
        // E1 again (repeated id), E2 at 0,0 and E3 (E1's place, type and heading) are left
        // out; E4 looks the other way and E5 stands 100 m outside the ward: both kept.
        #expect(kept.map(\.id) == ["E1", "E4", "E5"])
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.contains("3 installed cameras left out"))
        #expect(w.contains("row 2: id E1 is already on row 1"))
        #expect(w.contains("row 3 (id E2): more than 1000 m outside"))
        #expect(w.contains("row 4 (id E3): same place, type and heading as row 1"))
    }

    /// An installed camera that looks one way but has no heading is credited facing north:
    /// a warning names it (a fixed camera, a PTZ with presets); a 360° camera or a PTZ
    /// without presets needs none.
    @Test func installedCamerasWithoutTheHeadingTheyNeedAreNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-heading-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let wards = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ward_code":"W1","ward_name":"A","ward_type":"xã","district_name":"X"},"geometry":{"type":"Polygon","coordinates":[[[106.35,10.35],[106.40,10.35],[106.40,10.40],[106.35,10.40],[106.35,10.35]]]}}]}"#
        try wards.write(toFile: dir + "/wards.geojson", atomically: true, encoding: .utf8)
        let rows: [(String, String, String)] = [("E1", "bullet_4mp_6mm", "null"), ("E2", "ptz_tour", "null"), ("E3", "ptz_tour", "45"),
                                                ("E4", "fisheye_12mp_360", "null"), ("E5", "ptz_disc", "null"), ("E6", "bullet_4mp_6mm", "90")]
        let features = rows.enumerated().map { k, r in
            #"{"type":"Feature","properties":{"id":"\#(r.0)","camera_type":"\#(r.1)","heading_deg":\#(r.2)},"geometry":{"type":"Point","coordinates":[\#(106.36 + Double(k) * 0.001),10.36]}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir + "/existing.geojson", atomically: true, encoding: .utf8)
        var types = try CameraCatalog.builtIn().types
        var tour = try #require(types.first { $0.id == "ptz_4mp_25x" })
        var disc = tour
        tour.id = "ptz_tour"
        tour.ptzPresets = 4
        disc.id = "ptz_disc"
        disc.ptzPresets = nil
        disc.ptzDwellShares = nil
        disc.ptzPresetFOVDegrees = nil
        types += [tour, disc]
        let boundaries = try BoundaryLoader.load(dir + "/wards.geojson")
        let (kept, warnings) = try StudyData.readInstalled(dir + "/existing.geojson", to: boundaries.workCRS,
                                                           catalog: try CameraCatalog(types: types), studyArea: boundaries)
        #expect(kept.count == 6)
        #expect(warnings == [dir + "/existing.geojson: 2 installed cameras have no heading_deg and are credited facing north (0°): "
                + "row 1 (id E1); row 2 (id E2, the start of its preset tour)"])
    }

    /// `auto` compares candidates at one budget; under LSCP each would place a different
    /// number of cameras, so the pair is refused where the settings are read.
    @Test func demandAutoWithATargetIsAnError() throws {
        let e = #expect(throws: PlannerError.self) {
            try parse("""
            defaults: {demand: auto}
            scenarios:
              - name: a
                target: 0.3
            """)
        }
        #expect(e?.description.contains("demand auto compares its candidates at the same budget; with target 0.3 (LSCP)") == true,
                "\(String(describing: e))")
        // With a budget, or a demand kind, the scenario reads.
        _ = try parse("""
        defaults: {demand: auto}
        scenarios:
          - name: a
          - name: b
            demand: incidents
            target: 0.3
        """)
    }
}
