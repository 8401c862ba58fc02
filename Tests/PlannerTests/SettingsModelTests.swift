import Testing
import Traffic
import GeoKit
@testable import Planner

@Suite("Settings model")
struct SettingsModelTests {
    let minimal = """
    inputs: {wards: w.geojson, incidents: i.csv}
    scenarios:
      - name: a
    """

    @Test func scenarioKeysAreUniqueAcrossStages() {
        let keys = PlanSettings.settings.map(\.key)
        #expect(Set(keys).count == keys.count, "\(keys)")
        let flags = PlanSettings.settings.map(\.flag)
        #expect(Set(flags).count == flags.count, "\(flags)")
        let criteria = ModelWardCriteria.settings.map(\.key)
        #expect(Set(criteria).count == criteria.count)
    }

    @Test func aScenarioWithNoKeysHasTheModelDefaults() throws {
        let f = try ScenarioFile.parse(yaml: minimal, path: "s.yaml")
        #expect(f.scenarios[0].settings == PlanSettings())
        #expect(f.criteria == ModelWardCriteria())
    }

    /// Each default, shown as `--help` shows it, reads back to the same default (so the
    /// help text is the model's value, and show and read agree).
    @Test func shownDefaultsReadBack() throws {
        var checked = 0
        for s in PlanSettings.settings where s.flagValue == nil {
            let text = s.text(of: PlanSettings())
            // Unset values ("none", "all", ...) have no value to read back.
            guard !["none", "all", "the verb's usual files"].contains(text) else { continue }
            var back = PlanSettings()
            let value: SettingValue = s.isList ? .list(text.split(separator: " ").map(String.init)) : .text(text)
            try s.read(value, into: &back)
            #expect(back == PlanSettings(), "\(s.key) = \(text)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func everyKeyOfTheModelIsReadFromYAML() throws {
        let yaml = """
        inputs: {wards: w.geojson, incidents: i.csv}
        defaults:
          budget: 12
        scenarios:
          - name: a
            years: [2022, 2023]
            categories: [theft]
            units: hexagon
            cell_m: 250
            band_m: auto
            bandwidth_m: 800
            permutations: 99
            seed: 7
            half_life_days: 365
            evaluate_year: 2023
            trends: false
            budget_cost: 900
            budget_includes_existing: true
            target: 0.5
            camera_mix: [ptz_4mp_25x]
            dori: identify
            radius_m: 40
            fov_deg: 360
            camera_cost: 3
            headings: 4
            per_site: 2
            demand: roads             # a cordon (gateway_groups below) needs accidents or roads
            hot_priority: 2
            backup: 0.5
            allocation: free
            group_quotas: {X: {max: 3}}
            site_spacing_m: 100
            road_demand_spacing_m: 50
            gap: 0.02
            time_limit_s: 5
            demand_bandwidth_m: 100
            repeat_boost: 1
            predictive_spacing_m: 25
            formats: [cameras, html]
            raw_points: true
            min_cell_count: 5
            max_memory: 2GB
            lang: en
            out_crs: EPSG:3405
            accident_weights: {va_cham: 0.5}
            blackspot_segment_m: 250
            blackspot_min_fatal: 3
            blackspot_min_accidents_with_fatal: none
            blackspot_min_accidents: 5
            blackspot_window: all_years
            blackspot_classes: [trunk]
            blackspot_snap_m: 20
            blackspot_priority: 2
            gateway_groups: [X]
            gateway_classes: [trunk, primary]
            plate_camera: lpr_2mp
        """
        // The file sets every key of the model (a new setting must be added here); budget and
        // budget_cost are alternatives, so budget is in the defaults and budget_cost, more
        // specific, replaces it.
        let keys = yaml.split(separator: "\n").dropFirst(2).filter { !$0.hasPrefix("scenarios") && !$0.contains("- name") }.compactMap { $0.split(separator: ":").first }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Set(keys) == Set(PlanSettings.settings.map(\.key)))
        let f = try ScenarioFile.parse(yaml: yaml, path: "s.yaml")
        let s = f.scenarios[0].settings
        var h = HotSpotSettings()
        h.years = [2022, 2023]
        h.categories = ["theft"]
        h.units = .hexagon
        h.cellSizeMeters = 250
        h.kdeBandwidthMeters = 800
        h.permutations = 99
        h.seed = 7
        h.halfLifeDays = 365
        h.evaluationYear = 2023
        h.trends = false
        #expect(s.hotSpots == h)
        var p = PlacementSettings()
        p.budgetCost = 900
        p.budgetIncludesExisting = true
        p.targetShare = 0.5
        p.cameraTypes = ["ptz_4mp_25x"]
        p.dori = .identify
        p.adHocRangeMeters = 40
        p.adHocFOVDegrees = 360
        p.adHocCost = 3
        p.headings = 4
        p.perSite = 2
        p.demand = .roads
        p.hotPriority = 2
        p.backupBeta = 0.5
        p.groupQuotas = ["X": GroupQuota(min: nil, max: 3)]
        p.siteSpacingMeters = 100
        p.roadDemandSpacingMeters = 50
        p.timeLimitSeconds = 5
        p.demandBandwidthMeters = 100
        p.repeatBoost = 1
        p.predictiveSpacingMeters = 25
        p.gap = 0.02
        #expect(s.placement == p)
        #expect(s.outputs.formats == ["cameras", "html"])
        #expect(s.outputs.lang == .en && s.outputs.outCRS == "EPSG:3405")
        #expect(s.outputs.rawPoints)
        var t = TrafficSettings()
        t.plan.accidentWeights = try AccidentWeights(overrides: ["va_cham": 0.5])
        t.plan.blackSpotRule.segmentLengthMeters = 250
        t.plan.blackSpotRule.minFatal = 3
        t.plan.blackSpotRule.minAccidentsWithFatal = nil
        t.plan.blackSpotRule.minAccidents = 5
        t.plan.blackSpotRule.window = .allYears
        t.plan.blackSpotRule.roadClasses = ["trunk"]
        t.plan.blackSpotRule.snapToleranceMeters = 20
        t.plan.blackSpotPriority = 2
        t.plan.gatewayGroups = ["X"]
        t.plan.gatewayClasses = ["trunk", "primary"]
        t.plan.plateCamera = "lpr_2mp"
        #expect(s.traffic == t)
        #expect(s.outputs.minCellCount == 5)
        #expect(s.limits.maxMemory == (try MemoryBudget(parsing: "2GB")))
    }

    @Test func crossFieldChecksNameTheScenario() {
        do {
            _ = try ScenarioFile.parse(yaml: """
            inputs: {wards: w.geojson, incidents: i.csv}
            scenarios:
              - name: a
                radius_m: 40
            """, path: "s.yaml")
            Issue.record("must fail")
        } catch let e as PlannerError {
            #expect(e == .scenario(file: "s.yaml", line: 3, key: "radius_m",
                                   message: "scenario 'a': radius_m (--radius) and fov_deg (--fov) go together"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func unknownOutputNamesAreListed() {
        do {
            _ = try ScenarioFile.parse(yaml: minimal + "\n    formats: [cameras, pdf]", path: "s.yaml")
            Issue.record("must fail")
        } catch let e as PlannerError {
            #expect(e.description.contains("'pdf' is not an output"))
            #expect(e.description.contains("gpkg"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func listValuesAreCheckedItemByItem() {
        var s = HotSpotSettings()
        #expect(throws: SettingProblem("must be at least 1900, found 23")) {
            try HotSpotSettings.setting("years")?.read(.list(["2021", "23"]), into: &s)
        }
        #expect(throws: SettingProblem("expected a list, e.g. [a, b]")) {
            try HotSpotSettings.setting("years")?.read(.text("2021"), into: &s)
        }
    }
}
