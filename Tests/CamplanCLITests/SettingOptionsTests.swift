import Foundation
import ArgumentParser
import Testing
@testable import CamplanCLI
@testable import Planner

/// The command line and the scenario file read the same settings model.
@Suite("Settings on the command line")
struct SettingOptionsTests {
    /// Each option group names every setting of its stage exactly once, under the
    /// setting's own flag, and nothing else.
    @Test func optionGroupsMapOneToOneOntoTheModel() throws {
        func check<O: SettingOptions>(_: O.Type) throws {
            let keys = try O.parse([]).given.map(\.key)
            #expect(keys.sorted() == O.Settings.settings.map(\.key).sorted(), "\(O.self)")
            let help = O.helpMessage(columns: 300)
            for s in O.Settings.settings { #expect(help.contains("--\(s.flag)"), "\(O.self): --\(s.flag)") }
        }
        try check(HotSpotOptions.self)
        try check(PlacementOptions.self)
        try check(RankingOptions.self)
        try check(OutputOptions.self)
        try check(LimitOptions.self)
    }

    /// No option given: the CLI's settings are the YAML's defaults (a scenario with no keys).
    @Test func cliDefaultsEqualYAMLDefaults() throws {
        let file = try ScenarioFile.parse(yaml: """
        inputs: {wards: w.geojson, incidents: i.csv}
        scenarios:
          - name: a
        """, path: "s.yaml")
        let place = try PlaceCommand.parse(["--incidents", "i.csv", "--wards", "w.geojson"])
        #expect(try place.planSettings() == file.scenarios[0].settings)
        #expect(try HotSpotOptions.parse([]).settings() == file.scenarios[0].settings.hotSpots)
        #expect(try RankingOptions.parse([]).settings() == file.criteria)
        #expect(try OutputOptions.parse([]).settings() == file.scenarios[0].settings.outputs)
    }

    /// The same values give the same settings from either side.
    @Test func flagsAndKeysReadAlike() throws {
        let file = try ScenarioFile.parse(yaml: """
        inputs: {wards: w.geojson, incidents: i.csv}
        scenarios:
          - name: a
            budget: 40
            band_m: 750
            years: [2022, 2023]
            camera_mix: [ptz_4mp_25x]
            group_quotas: {Cái Bè: {min: 2, max: 9}, Gò Công: {max: 4}}
            trends: false
            demand: gistar
            max_memory: 2GB
            min_cell_count: 5
        """, path: "s.yaml")
        let place = try PlaceCommand.parse(["--incidents", "i.csv", "--wards", "w.geojson", "--budget", "40", "--band", "750",
                                            "--years", "2022", "2023", "--camera-types", "ptz_4mp_25x",
                                            "--group-quota", "Cái Bè=2:9", "--group-quota", "Gò Công=:4", "--no-trends",
                                            "--demand", "gistar", "--max-memory", "2GB", "--min-cell-count", "5"])
        #expect(try place.planSettings() == file.scenarios[0].settings)
    }

    @Test func refusedValuesNameTheFlag() {
        for (args, message) in [(["--budget=-1"], "--budget: must be at least 0, found -1"),
                                (["--band", "wide"], "--band: expected a number, found 'wide'"),
                                (["--dori", "sharp"], "--dori: 'sharp' is not a DORI level"),
                                (["--radius", "40"], "radius_m (--radius) and fov_deg (--fov) go together"),
                                (["--formats", "pdf"], "'pdf' is not an output"),
                                (["--max-memory", "lots"], "--max-memory: expected a memory size"),
                                (["--min-cell-count=-2"], "--min-cell-count: must be at least 0")] {
            do {
                _ = try PlaceCommand.parse(["--incidents", "i.csv", "--wards", "w.geojson"] + args)
                Issue.record("\(args) must fail")
            } catch {
                #expect(PlaceCommand.exitCode(for: error) == .validationFailure, "\(args)")
                #expect(PlaceCommand.message(for: error).contains(message), "\(PlaceCommand.message(for: error))")
            }
        }
    }

    /// `--help` shows the model's defaults, not retyped ones.
    @Test func helpShowsTheModelDefaults() {
        let help = PlaceCommand.helpMessage(columns: 300)
        let p = PlacementSettings()
        #expect(help.contains("(default: \(p.budgetCameras))"))
        #expect(help.contains("(default: \(p.cameraTypes.joined(separator: " ")))"))
        #expect(help.contains("(default: \(p.siteSpacingMeters.settingText))"))
        #expect(help.contains("(default: \(HotSpotSettings().cellSizeMeters.settingText))"))
        for name in OutputRegistry.names { #expect(help.contains(name), "\(name)") }
    }
}

@Suite("--formats")
struct FormatsOptionTests {
    /// `place` writes the GeoPackage when asked, and only what it is asked.
    @Test func placeWritesTheOutputsItIsAskedFor() throws {
        let s = try SmallStudy()
        let out = s.path("out")
        let r = try CLIRun.run(["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"),
                                "--budget", "2", "--radius", "40", "--fov", "360", "--formats", "summary", "gpkg", "cameras",
                                "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted() == ["cameras.geojson", "plan.gpkg", "summary.json"])
        #expect(r.stdout.contains("wrote \(out)/cameras.geojson, summary.json, plan.gpkg"))
        let bad = try CLIRun.run(["place", "--incidents", s.path("incidents.csv"), "--candidates", s.path("candidates.geojson"),
                                  "--formats", "pdf", "--out", out, "--quiet"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'pdf' is not an output"))
    }
}
