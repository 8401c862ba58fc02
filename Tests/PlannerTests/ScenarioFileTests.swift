import Testing
@testable import Planner

@Suite struct ScenarioFileTests {
    let yaml = """
    inputs:
      wards: data/wards.geojson
      incidents: /abs/incidents.csv
      group_by: district_name
    defaults:
      budget: 250
      dori: observe
      headings: 8
      demand: incidents
    scenarios:
      - name: budget-100
        budget: 100
      - name: hot-first
        description: Hot spots first
        demand: gistar
        hot_priority: 3
        camera_mix: [bullet_4mp_6mm, dome_4mp_2_8mm]
      - name: equal
        allocation: equal_by_group
        group_quotas:
          Cái Bè: {min: 5, max: 30}
    """

    @Test func defaultsAreOverriddenPerScenario() throws {
        let f = try ScenarioFile.parse(yaml: yaml, path: "/plans/s.yaml")
        #expect(f.scenarios.map(\.name) == ["budget-100", "hot-first", "equal"])
        #expect(f.scenarios[0].settings.placement.budgetCameras == 100)
        #expect(f.scenarios[0].settings.placement.dori == .observe)
        #expect(f.scenarios[1].settings.placement.budgetCameras == 250)
        #expect(f.scenarios[1].settings.placement.demand == .gistar)
        #expect(f.scenarios[1].settings.placement.hotPriority == 3)
        #expect(f.scenarios[1].settings.placement.cameraTypes == ["bullet_4mp_6mm", "dome_4mp_2_8mm"])
        #expect(f.scenarios[1].description == "Hot spots first")
        #expect(f.scenarios[2].settings.placement.allocation == .equalByGroup)
        #expect(f.scenarios[2].settings.placement.groupQuotas["Cái Bè"] == GroupQuota(min: 5, max: 30))
        #expect(f.scenarios[2].settings.placement.headings == 8)
    }

    @Test func relativePathsResolveAgainstTheFile() throws {
        let f = try ScenarioFile.parse(yaml: yaml, path: "/plans/s.yaml")
        #expect(f.inputs.wards == "/plans/data/wards.geojson")
        #expect(f.inputs.incidents == "/abs/incidents.csv")
        #expect(f.inputs.groupBy == "district_name")
    }

    @Test func onlySelectsOneScenario() throws {
        let f = try ScenarioFile.parse(yaml: yaml, path: "s.yaml")
        #expect(try f.selecting("hot-first").map(\.name) == ["hot-first"])
        #expect(throws: PlannerError.unknownScenario(name: "nope", known: ["budget-100", "hot-first", "equal"])) {
            try f.selecting("nope")
        }
    }

    func error(_ text: String) -> PlannerError? {
        do {
            _ = try ScenarioFile.parse(yaml: text, path: "s.yaml")
            return nil
        } catch let e as PlannerError {
            return e
        } catch {
            return nil
        }
    }

    @Test func unknownKeyNamesKeyAndLine() {
        let e = error("""
        inputs:
          wards: w.geojson
          incidents: i.csv
        scenarios:
          - name: a
            budgte: 100
        """)
        guard case let .scenario(file, line, key, message)? = e else {
            Issue.record("expected a scenario error, got \(String(describing: e))")
            return
        }
        #expect(file == "s.yaml")
        #expect(line == 6)
        #expect(key == "budgte")
        #expect(message.contains("unknown key"))
        #expect(message.contains("budget"))
    }

    @Test func wrongTypeNamesKeyAndLine() {
        let e = error("""
        inputs:
          wards: w.geojson
          incidents: i.csv
        defaults:
          budget: lots
        scenarios:
          - name: a
        """)
        #expect(e == .scenario(file: "s.yaml", line: 5, key: "budget", message: "expected a whole number, found 'lots'"))
        #expect(e?.description.hasPrefix("s.yaml:5: 'budget':") == true)
    }

    @Test func badEnumValuesAreListed() {
        let e = error("""
        inputs: {wards: w.geojson, incidents: i.csv}
        scenarios:
          - name: a
            dori: sharp
        """)
        guard case let .scenario(_, line, key, message)? = e else {
            Issue.record("expected a scenario error")
            return
        }
        #expect(line == 4)
        #expect(key == "dori")
        #expect(message.contains("detect, observe, recognize, identify"))
    }

    @Test func duplicateAndMissingNames() {
        let dup = error("""
        inputs: {wards: w.geojson, incidents: i.csv}
        scenarios:
          - name: a
          - name: a
        """)
        #expect(dup == .scenario(file: "s.yaml", line: 4, key: "name", message: "'a' is used twice"))
        let missingInputs = error("""
        scenarios:
          - name: a
        """)
        if case let .scenario(_, _, key, _)? = missingInputs { #expect(key == "inputs") } else { Issue.record("no error") }
        let missingIncidents = error("""
        inputs: {wards: w.geojson}
        scenarios:
          - name: a
        """)
        if case let .scenario(_, line, key, _)? = missingIncidents {
            #expect(key == "incidents")
            #expect(line == 1)
        } else { Issue.record("no error") }
    }

    @Test func quotaMinAboveMaxIsRejected() {
        let e = error("""
        inputs: {wards: w.geojson, incidents: i.csv}
        scenarios:
          - name: a
            group_quotas:
              X: {min: 9, max: 3}
        """)
        if case let .scenario(_, line, key, message)? = e {
            #expect(line == 5)
            #expect(key == "X")
            #expect(message == "min 9 is above max 3")
        } else { Issue.record("no error") }
    }

    @Test func notYAMLIsUnreadable() {
        if case .unreadableScenario? = error("inputs: [unclosed") {} else { Issue.record("expected unreadable") }
    }
}

@Suite struct ModelWardCriteriaFileTests {
    @Test func criteriaAreReadFromTheScenarioFile() throws {
        let f = try ScenarioFile.parse(yaml: """
        inputs: {wards: w.geojson, incidents: i.csv}
        model_wards:
          crime_change_max_pct: -10
          clearance_min: 0.8
          coverage_min: 0.4
          weights: {coverage: 2}
          lists:
            urban: {title: Model ward, types: [phường]}
        scenarios:
          - name: a
        """, path: "s.yaml")
        #expect(f.criteria.crimeChangeMaxPercent == -10)
        #expect(f.criteria.clearanceMin == 0.8)
        #expect(f.criteria.coverageMin == 0.4)
        #expect(f.criteria.seriousClearanceMin == 0.9)
        #expect(f.criteria.weights["coverage"] == 2)
        #expect(f.criteria.lists.map(\.key) == ["urban"])
        #expect(f.criteria.lists.first?.types == ["phường"])
    }

    @Test func badCriteriaNameKeyAndLine() {
        do {
            _ = try ScenarioFile.parse(yaml: """
            inputs: {wards: w.geojson, incidents: i.csv}
            model_wards:
              clearance_min: 75
            scenarios:
              - name: a
            """, path: "s.yaml")
            Issue.record("must fail")
        } catch let e as PlannerError {
            #expect(e == .scenario(file: "s.yaml", line: 3, key: "clearance_min", message: "expected a share between 0 and 1, found 75.0"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
