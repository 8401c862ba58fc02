import Testing
import Traffic
@testable import Planner

/// The traffic keys of a scenario file: read onto ``TrafficSettings``, checked with key and line.
@Suite("Traffic settings")
struct TrafficSettingsTests {
    @Test func trafficKeysAreRead() throws {
        let file = try ScenarioFile.parse(yaml: """
        inputs: {wards: w.geojson, incidents: i.csv, accidents: a.csv, roads: r.gpkg}
        scenarios:
          - name: traffic
            demand: accidents
            budget_cost: 500
            accident_weights: {nghiêm trọng: 10, minor: 0.5}
            blackspot_segment_m: 1000
            blackspot_min_accidents: none
            blackspot_window: all_years
            gateway_groups: [Thành phố Mỹ Tho]
            gateway_classes: [trunk]
        """, path: "s.yaml")
        let s = file.scenarios[0].settings
        #expect(s.plansTraffic)
        let t = s.trafficPlan
        #expect(t.accidentWeights[.serious] == 10)
        #expect(t.accidentWeights[.collision] == 0.5)
        #expect(t.accidentWeights[.verySerious] == 8)
        #expect(t.blackSpotRule.segmentLengthMeters == 1000)
        #expect(t.blackSpotRule.minAccidents == nil)
        #expect(t.blackSpotRule.minFatal == 2)
        #expect(t.blackSpotRule.window == .allYears)
        #expect(t.gatewayGroups == ["Thành phố Mỹ Tho"])
        #expect(t.gatewayClasses == ["trunk"])
        #expect(t.budget == .cost(500))
        #expect(t.demand == .accidents)
    }

    /// A cordon with a crime demand (here `auto`, inherited from the defaults) is refused
    /// rather than planned on the accidents without a word.
    @Test func aCordonNeedsATrafficDemand() throws {
        do {
            _ = try ScenarioFile.parse(yaml: """
            inputs: {wards: w.geojson, incidents: i.csv, accidents: a.csv, roads: r.gpkg}
            defaults: {demand: auto}
            scenarios:
              - name: cordon
                gateway_groups: [Thành phố Mỹ Tho]
            """, path: "s.yaml")
            Issue.record("a cordon with demand auto was accepted")
        } catch {
            #expect("\(error)".contains("gateway_groups (--gateway-group) plans traffic cameras: set demand (--demand) to accidents or roads (found auto)"), "\(error)")
        }
        let roads = try ScenarioFile.parse(yaml: """
        inputs: {wards: w.geojson, incidents: i.csv, roads: r.gpkg}
        scenarios:
          - name: cordon
            demand: roads
            gateway_groups: [Thành phố Mỹ Tho]
        """, path: "s.yaml")
        #expect(roads.scenarios[0].settings.trafficPlan.demand == .roads)
    }

    @Test func aScenarioWithoutTrafficKeysPlansNoTraffic() throws {
        let file = try ScenarioFile.parse(yaml: "inputs: {wards: w.geojson, incidents: i.csv}\nscenarios:\n  - name: a\n", path: "s.yaml")
        #expect(!file.scenarios[0].settings.plansTraffic)
    }

    @Test func badAccidentClassNamesKeyAndLine() {
        #expect {
            _ = try ScenarioFile.parse(yaml: """
            inputs: {wards: w.geojson, incidents: i.csv}
            scenarios:
              - name: a
                accident_weights:
                  nhẹ: 2
            """, path: "s.yaml")
        } throws: { error in
            guard case let PlannerError.scenario(_, line, key, message)? = error as? PlannerError else { return false }
            return line == 5 && key == "nhẹ" && message.contains("accident class")
        }
    }

    @Test func ruleWithoutAnyConditionIsRefused() {
        #expect(throws: PlannerError.self) {
            _ = try ScenarioFile.parse(yaml: """
            inputs: {wards: w.geojson, incidents: i.csv}
            scenarios:
              - name: a
                blackspot_min_fatal: none
                blackspot_min_accidents_with_fatal: none
                blackspot_min_accidents: none
            """, path: "s.yaml")
        }
    }
}
