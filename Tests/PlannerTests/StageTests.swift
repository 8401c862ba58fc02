import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer
import Testing
@testable import Planner

/// The small study of Fixtures/study (make-study.py): wards A (District 1) and B
/// (District 2), three roads, 90 incidents (60 clustered at a junction in A).
enum Study {
    static func path(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/study"))
        return url.path
    }

    static func inputs(roads: Bool = true) throws -> StudyInputs {
        var i = StudyInputs(wards: try path("wards.geojson"), incidents: try path("incidents.csv"))
        if roads { i.roads = try path("roads.geojson") }
        return i
    }

    static func data(roads: Bool = true) throws -> StudyData { try StudyData.load(try inputs(roads: roads)) }

    /// An ad hoc 60 m all-round camera, `budget` new ones.
    static func disc(budget: Int) -> PlacementSettings {
        var p = PlacementSettings()
        p.adHocRangeMeters = 60
        p.adHocFOVDegrees = 360
        p.budgetCameras = budget
        return p
    }

    /// Hot spots on 250 m cells with a 300 m band (the 8 neighbours of a cell).
    static var hotSettings: HotSpotSettings {
        var h = HotSpotSettings()
        h.cellSizeMeters = 250
        h.bandMeters = 300
        return h
    }
}

@Suite("Study data")
struct StudyDataTests {
    @Test func loadsWardsIncidentsAndRoads() throws {
        let d = try Study.data()
        #expect(d.boundaries.wards.map(\.id) == ["A", "B"])
        #expect(d.boundaries.wards.map(\.group) == ["District 1", "District 2"])
        #expect(d.incidents.count == 90)
        #expect(d.roads.count == 3)
        #expect(d.populations == [12000, 6000])
        // 60 clustered incidents in A, 30 in B.
        #expect(d.incidents.wardIndices.filter { $0 == 0 }.count == 60)
        #expect(d.incidents.wardIndices.filter { $0 == 1 }.count == 30)
    }
}

@Suite("Hot-spot stage")
struct HotSpotStageTests {
    @Test func yearsFilterAndHotClusterCell() throws {
        let d = try Study.data()
        var h = Study.hotSettings
        h.years = [2023]
        let o = try HotSpotStage.run(d, h)
        #expect(o.incidentIndices.count == 30)
        #expect(o.incidentIndices.allSatisfy { d.incidents.dates[$0]?.year == 2023 })
        let records = HotSpotStage.wardRecords(d, o)
        #expect(records.map { $0.incidentsByYear[2023] ?? 0 }.reduce(0, +) == 30)
    }

    @Test func theClusterIsHot() throws {
        let d = try Study.data()
        let o = try HotSpotStage.run(d, Study.hotSettings)
        // The cell with the most incidents (the cluster's junction) is a 95% hot cell, and no
        // cell of ward B (spread incidents) is.
        let top = try #require(o.result.counts.indices.max { o.result.counts[$0] < o.result.counts[$1] })
        #expect(o.result.giBin[top] >= 2)
        #expect(o.isHot95(at: o.result.cells.centers[top]))
        #expect(o.result.cells.centers.xs.indices.filter { o.wardOfCell[$0] == 1 }.allSatisfy { o.result.giBin[$0] < 2 })
        #expect(HotSpotStage.wardRecords(d, o).map(\.hotCells95) == [o.result.giBin.indices.filter { o.result.giBin[$0] >= 2 && o.wardOfCell[$0] == 0 }.count, 0])
    }
}

@Suite("Demand sources")
struct DemandSourceTests {
    @Test func incidentDemandIsTheWeightedIncidents() throws {
        let d = try Study.data()
        var s = PlacementSettings()
        s.demand = .incidents
        let demand = try ScenarioDemand.make(d, hot: nil, incidents: HotSpotSettings(), settings: s)
        #expect(demand.demand.count == 90)
        // Severity weights 1/2/4/8 by class, the weight column absent (1).
        let expected = d.severityClasses.map { IncidentWeighting.defaultSeverityWeights[$0] ?? 1 }.reduce(0, +)
        #expect(abs(demand.demand.weights.reduce(0, +) - expected) < 1e-9)
        #expect(demand.wardOfDemand.compactMap { $0 }.count == 90)
    }

    @Test func hotPriorityMultipliesOnlyHotDemand() throws {
        let d = try Study.data()
        let hot = try HotSpotStage.run(d, Study.hotSettings)
        var s = PlacementSettings()
        let plain = try ScenarioDemand.make(d, hot: hot, incidents: HotSpotSettings(), settings: s)
        s.hotPriority = 3
        let tripled = try ScenarioDemand.make(d, hot: hot, incidents: HotSpotSettings(), settings: s)
        for i in 0 ..< plain.demand.count {
            let factor = hot.isHot95(at: plain.demand.points[i]) ? 3.0 : 1.0
            #expect(abs(tripled.demand.weights[i] - factor * plain.demand.weights[i]) < 1e-9)
        }
        #expect(tripled.demand.weights.reduce(0, +) > plain.demand.weights.reduce(0, +))
    }

    @Test func roadDemandIsEvenAlongTheRoads() throws {
        let d = try Study.data()
        var s = PlacementSettings()
        s.demand = .roads
        let demand = try ScenarioDemand.make(d, hot: nil, incidents: HotSpotSettings(), settings: s)
        #expect(demand.demand.weights.allSatisfy { $0 == 1 })
        // About 2.1 + 1.0 + 1.0 km of road at one point per 25 m.
        #expect(demand.demand.count > 150 && demand.demand.count < 190, "\(demand.demand.count)")
        var none = PlacementSettings()
        none.demand = .roads
        #expect(throws: PlannerError.self) { try ScenarioDemand.make(try Study.data(roads: false), hot: nil, incidents: HotSpotSettings(), settings: none) }
    }

    /// Spreading a cell's score over its road points keeps the cell's total.
    @Test(arguments: [DemandKind.kde, .gistar])
    func cellDemandKeepsEachCellsScore(kind: DemandKind) throws {
        let hotData = try Study.data()
        let hot = try HotSpotStage.run(hotData, Study.hotSettings)
        var s = PlacementSettings()
        s.demand = kind
        let r = hot.result
        let scores = kind == .kde ? r.kdePerSquareKm : r.giZ.map { max($0, 0) }
        let total = scores.filter { $0 > 0 }.reduce(0, +)
        for roads in [true, false] {
            let demand = try ScenarioDemand.make(try Study.data(roads: roads), hot: hot, incidents: HotSpotSettings(), settings: s)
            #expect(abs(demand.demand.weights.reduce(0, +) - total) < 1e-6 * total, "roads: \(roads)")
        }
        #expect(throws: PlannerError.self) { try ScenarioDemand.make(hotData, hot: nil, incidents: HotSpotSettings(), settings: s) }
    }
}

@Suite("Allocation policies")
struct AllocationPolicyTests {
    func context(budget: PlacementProblem.Budget, useful: [Int] = [10, 10]) throws -> AllocationContext {
        let d = try Study.data()
        return AllocationContext(groups: WardGroups(d.boundaries.wards), demandOfGroup: [5, 9], usefulSitesOfGroup: useful,
                                 perSite: 1, budget: budget)
    }

    @Test func equalByGroupGivesTheRemainderToTheMostDemand() throws {
        let q = try EqualByGroupAllocation().quotas(try context(budget: .count(5)))
        #expect(q[1] == (try PlacementProblem.GroupQuota(minimum: 3, maximum: 3)))
        #expect(q[0] == (try PlacementProblem.GroupQuota(minimum: 2, maximum: 2)))
        // A group with one useful site can take one camera at least.
        let short = try EqualByGroupAllocation().quotas(try context(budget: .count(6), useful: [1, 10]))
        #expect(short[0] == (try PlacementProblem.GroupQuota(minimum: 1, maximum: 3)))
        #expect(throws: PlannerError.self) { try EqualByGroupAllocation().quotas(try context(budget: .cost(100))) }
    }

    @Test func quotasAreByGroupName() throws {
        let c = try context(budget: .count(5))
        let q = try GroupQuotaAllocation(quotas: ["District 2": GroupQuota(min: 1, max: 4)]).quotas(c)
        #expect(q == [1: try PlacementProblem.GroupQuota(minimum: 1, maximum: 4)])
        #expect(throws: PlannerError.invalidConfiguration("group quota for 'Nowhere', which is not a group; groups are: District 1, District 2")) {
            try GroupQuotaAllocation(quotas: ["Nowhere": GroupQuota(min: 1)]).quotas(c)
        }
        #expect(try FreeAllocation().quotas(c).isEmpty)
    }
}

@Suite("Placement stage and pipeline")
struct PlacementStageTests {
    @Test func placesTheBudgetAndMeasuresWardsAndGroups() throws {
        let pipeline = Pipeline(data: try Study.data())
        var scenario = Scenario(name: "p")
        scenario.settings.hotSpots = Study.hotSettings
        scenario.settings.placement.budgetCameras = 2
        scenario.settings.placement.adHocRangeMeters = 150
        scenario.settings.placement.adHocFOVDegrees = 360
        let p = try pipeline.run(scenario, request: PipelineRequest(hotSpots: .required, placement: .plan, ranking: true))
        let o = try #require(p.placement)
        #expect(o.cameras.filter { !$0.existing }.count == 2)
        #expect(o.groups.map(\.camerasNew).reduce(0, +) == 2)
        // All demand lies inside the wards: the groups' demand adds up to the total.
        #expect(abs(o.groups.map(\.demandWeight).reduce(0, +) - o.totalWeight) < 1e-9)
        #expect(abs(o.groups.map(\.coveredWeight).reduce(0, +) - o.coveredWeight) < 1e-9)
        // A 150 m all-round camera at the junction sees most of the cluster in A (σ ≈ 90 m);
        // the records carry the plan's share.
        #expect((o.wardCoveredShare[0] ?? 0) > 0.5)
        #expect(p.records.map(\.coveredShare) == o.wardCoveredShare.map { $0 ?? 0 })
        #expect(p.ranks?.isEmpty == false)
    }

    @Test func scenariosShareHotSpotsAndCoverage() throws {
        let pipeline = Pipeline(data: try Study.data())
        var a = Scenario(name: "a")
        a.settings.hotSpots = Study.hotSettings
        a.settings.placement.budgetCameras = 1
        var b = a
        b.name = "b"
        b.settings.placement.budgetCameras = 3
        let request = PipelineRequest(hotSpots: .required, placement: .plan)
        let pa = try pipeline.run(a, request: request), pb = try pipeline.run(b, request: request)
        #expect(pipeline.coverageCache.hits == 1)
        #expect(pa.placement?.coveredWeight ?? 1 <= pb.placement?.coveredWeight ?? 0)
    }

    @Test func aFailingStepInARunNamesScenarioStepAndCause() throws {
        let pipeline = Pipeline(data: try Study.data(roads: false))
        var s = Scenario(name: "x")
        s.settings.placement.demand = .roads
        #expect(throws: PlannerError.runFailed(scenario: "x", step: "placement", cause: .planner(.invalidConfiguration(
            "road demand needs a road layer (--roads, or roads: in the scenario inputs)")))) {
            try pipeline.run(s, request: PipelineRequest(hotSpots: .skip, placement: .plan), inRun: true)
        }
    }
}

@Suite("Output registry and run")
struct OutputRegistryTests {
    func products(formats: [String]?) throws -> (PlanProducts, StudyData) {
        let pipeline = Pipeline(data: try Study.data())
        var s = Scenario(name: "place")
        s.settings.hotSpots = Study.hotSettings
        s.settings.placement.budgetCameras = 2
        s.settings.outputs.formats = formats
        return (try pipeline.run(s, request: PipelineRequest(hotSpots: .required, placement: .plan)), pipeline.data)
    }

    func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("camplan-registry-\(UUID().uuidString)").path
    }

    /// An output asked for by name that the run leaves empty is named with the setting it
    /// needs (it was an empty folder and exit 0); the usual set stays quiet.
    @Test func anExplicitOutputWithNothingToWriteIsNoted() throws {
        let (p, data) = try products(formats: ["heldout-curve", "demand-selection", "cameras"])
        #expect(OutputRegistry.unavailableNotes(p) == [
            "heldout-curve not written: it needs a placement with evaluate_year (--evaluate-year)",
            "demand-selection not written: it needs demand auto",
        ])
        let staging = try OutputStaging(destination: tempDir())
        #expect(try OutputRegistry.writeVerb(p, data: data, verb: .place, staging: staging, includeRuntime: false) == ["cameras.geojson"])
        #expect(OutputRegistry.unavailableNotes(try products(formats: nil).0).isEmpty)
    }

    @Test func aVerbWritesWhatItAsksForByName() throws {
        let (p, data) = try products(formats: ["cameras", "gpkg", "html", "wards"])
        let out = tempDir()
        let staging = try OutputStaging(destination: out)
        let files = try OutputRegistry.writeVerb(p, data: data, verb: .place, staging: staging, includeRuntime: false)
        try staging.commit()
        #expect(files == ["wards.geojson", "cameras.geojson", "plan.gpkg", "report.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted() == ["cameras.geojson", "plan.gpkg", "report.html", "wards.geojson"])
        let wards = try VectorReader.read(out + "/wards.geojson")
        #expect(wards.field(named: "covered_share") != nil)
    }

    @Test func defaultsAndRawPoints() throws {
        var o = OutputSettings()
        #expect(OutputRegistry.requested(o, verb: .place) == Set(Verb.place.defaultArtifacts))
        o.rawPoints = true
        #expect(OutputRegistry.requested(o, verb: .hotspots).contains("incidents"))
        for verb in Verb.allCases {
            for name in verb.defaultArtifacts { #expect(OutputRegistry.artifact(named: name) != nil, "\(verb): \(name)") }
        }
        #expect(Set(OutputRegistry.names).count == OutputRegistry.names.count)
    }

    /// `camplan run` on the study: every default artifact, byte-identical on a rerun.
    @Test func runWritesEveryScenarioAndRerunsIdentically() throws {
        let dir = try Study.path("wards.geojson")
        let base = (dir as NSString).deletingLastPathComponent
        let yaml = """
        inputs: {wards: \(base)/wards.geojson, incidents: \(base)/incidents.csv, roads: \(base)/roads.geojson}
        defaults: {cell_m: 250, band_m: 300, budget: 2}
        scenarios:
          - name: two
          - name: four
            budget: 4
        """
        let file = try ScenarioFile.parse(yaml: yaml, path: base + "/s.yaml")
        let a = tempDir(), b = tempDir()
        let report = try PlanRun.run(file, out: a)
        _ = try PlanRun.run(file, out: b)
        #expect(report.bestScenario == "four")
        // The run-level outputs and each scenario's folder (other files may sit beside them).
        let top = Set(try FileManager.default.contentsOfDirectory(atPath: a))
        #expect(top.isSuperset(of: ["comparison.csv", "comparison.md", "four", "report.html", "scorecard.csv", "two"]), "\(top)")
        let scenario = Set(try FileManager.default.contentsOfDirectory(atPath: a + "/two"))
        #expect(scenario.isSuperset(of: ["cameras.geojson", "coverage.geojson", "curve.csv", "groups.csv", "model-wards.csv",
                                         "model-wards.geojson", "plan.gpkg", "report.html", "summary.json", "wards.geojson"]), "\(scenario)")
        for f in ["comparison.csv", "two/cameras.geojson", "four/summary.json", "four/report.html", "two/wards.geojson"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(f)")) == Data(contentsOf: URL(fileURLWithPath: "\(b)/\(f)")), "\(f)")
        }
    }
}

@Suite("Allocation")
struct AllocationWarningTests {
    /// equal_by_group gives a group with fewer useful sites than its share what it can take,
    /// and the rest of the budget stays unplaced: a warning says so.
    @Test func anUnusableShareIsAWarning() throws {
        let data = try Study.data()
        let sites = try SiteSet.make(data, spacingMeters: 150)
        var p = Study.disc(budget: 60)
        p.allocation = .equalByGroup
        let big = try PlacementStage.run(data, sites: sites, hot: nil, incidents: HotSpotSettings(), settings: p)
        #expect(big.cameras.count < 60)
        #expect(big.warnings.contains { $0.hasPrefix("allocation equal_by_group: District 1 (") && $0.contains(" of 30), District 2 (") })
        p.budgetCameras = 2
        let small = try PlacementStage.run(data, sites: sites, hot: nil, incidents: HotSpotSettings(), settings: p)
        #expect(small.cameras.count == 2)
        #expect(!small.warnings.contains { $0.hasPrefix("allocation") })
    }
}

@Suite("Road sampling")
struct RoadSamplingWarningTests {
    /// Road demand points farther apart than twice a camera's range leave that camera
    /// credited with nothing between two points: a warning names the type and the spacing
    /// that would be fair.
    @Test func samplesTooSparseForACameraAreAWarning() throws {
        let specs = try CameraCatalog.builtIn().specs(ids: ["bullet_4mp_6mm", "dome_4mp_2_8mm"], level: .observe)
        var p = PlacementSettings()
        p.demand = .predictive
        let w = PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: true)
        #expect(w == ["predictive demand sits on road points 50 m apart, more than twice the range of dome_4mp_2_8mm (17.1 m): such a camera "
            + "between two points is credited with nothing; predictive_spacing_m at most 34 m compares it fairly"])
        p.predictiveSpacingMeters = 30
        #expect(PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: true).isEmpty)
        p.demand = .roads
        #expect(PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: true).isEmpty)   // 25 m
        p.roadDemandSpacingMeters = 40
        #expect(PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: true).first?.hasPrefix("roads demand sits on road points 40 m apart") == true)
        p.demand = .incidents
        #expect(PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: true).isEmpty)
        // Without roads, kde and gistar demand sits on cell points, not road points: no
        // road-spacing warning for any of the three kinds.
        for kind in [DemandKind.kde, .gistar, .roads] {
            p.demand = kind
            #expect(PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: false).isEmpty, "\(kind)")
            #expect(!PlacementStage.roadSamplingWarnings(p, specs: specs, hasRoads: true).isEmpty, "\(kind)")
        }
    }
}

