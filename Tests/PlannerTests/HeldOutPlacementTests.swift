import Coverage
import Foundation
import GeoKit
import HotSpots
import SeededRandom
import Testing
@testable import Planner

/// A small study written on the fly: 6 candidate sites 300 m apart on an east-west road near
/// Mỹ Tho; incidents of 2021 and 2022 cluster at sites S1 and S3 (more at S1), those of 2023
/// at S1 and S5. Every incident lies within 15 m of its site, and sites are 300 m apart, so a
/// 40 m disc camera covers exactly its own site's incidents.
struct HeldOutStudy {
    let dir: String
    static let sites = [(106.3600, 10.3600), (106.3627, 10.3600), (106.3654, 10.3600), (106.3681, 10.3600),
                        (106.3708, 10.3600), (106.3735, 10.3600)]

    /// - Parameters:
    ///   - year3Site: the site (0-based) of the second 2023 cluster.
    ///   - robberySite: a site with `robbery` incidents (30 less serious in 2021 and in 2022,
    ///     10 in 2023), the other category; `nil`: none.
    init(year3Site: Int = 4, year3Shift: Double = 0, robberySite: Int? = nil) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-heldout-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let features = Self.sites.enumerated().map { i, s in
            #"{"type":"Feature","properties":{"id":"S\#(i + 1)"},"geometry":{"type":"Point","coordinates":[\#(s.0),\#(s.1)]}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir + "/candidates.geojson", atomically: true, encoding: .utf8)
        let road = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[106.3590,10.3600],[106.3745,10.3600]]}}]}"#
        try road.write(toFile: dir + "/roads.geojson", atomically: true, encoding: .utf8)
        var rng = SplitMix64(seed: 11)
        var csv = "id,date,category,severity,solved,lon,lat\n"
        var n = 0
        func add(_ site: Int, year: Int, count: Int, severity: String, shift: Double = 0, category: String = "property_theft") {
            let s = Self.sites[site]
            for k in 0 ..< count {
                let dx = (rng.unit() - 0.5) * 0.00025, dy = (rng.unit() - 0.5) * 0.00025
                csv += "I\(n),\(year)-0\(1 + k % 9)-1\(k % 10),\(category),\(severity),1,\(s.0 + dx + shift),\(s.1 + dy)\n"
                n += 1
            }
        }
        for y in [2021, 2022] {
            add(0, year: y, count: 12, severity: "serious")
            add(2, year: y, count: 8, severity: "less_serious")
        }
        add(0, year: 2023, count: 5, severity: "less_serious")
        add(year3Site, year: 2023, count: 9, severity: "very_serious", shift: year3Shift)
        if let r = robberySite {
            for (y, count) in [(2021, 30), (2022, 30), (2023, 10)] { add(r, year: y, count: count, severity: "less_serious", category: "robbery") }
        }
        try csv.write(toFile: dir + "/incidents.csv", atomically: true, encoding: .utf8)
    }

    func data() throws -> StudyData {
        var inputs = StudyInputs(wards: nil, incidents: dir + "/incidents.csv", boundaryOptions: BoundaryOptions(),
                                 incidentOptions: IncidentOptions())
        inputs.candidates = dir + "/candidates.geojson"
        inputs.roads = dir + "/roads.geojson"
        return try StudyData.load(inputs)
    }

    static func settings(budget: Int = 1, demand: DemandKind = .incidents) throws -> PlacementSettings {
        var p = PlacementSettings()
        p.adHocRangeMeters = 40
        p.adHocFOVDegrees = 360
        p.budgetCameras = budget
        p.demand = demand
        return p
    }
}

@Suite("held-out placement")
struct HeldOutPlacementTests {
    /// Severity weights of the 2023 incidents inside `footprints`, by a plain ring test on the
    /// written footprint polygons (independent of the coverage code).
    static func recompute(_ plan: PlacementOutcome, _ data: StudyData, year: Int) -> (covered: Double, total: Double) {
        var covered = 0.0, total = 0.0
        let weight: [SeverityClass: Double] = [.lessSerious: 1, .serious: 2, .verySerious: 4, .especiallySerious: 8]
        for i in 0 ..< data.incidents.count where data.incidents.dates[i]?.year == year {
            let w = weight[data.severityClasses[i]]! * data.incidents.weights[i]
            total += w
            let p = data.incidents.points[i]
            if plan.cameras.contains(where: { c in c.footprint.polygons.contains { inside(p, $0.exterior) } }) { covered += w }
        }
        return (covered, total)
    }

    static func inside(_ p: PlanarPoint, _ ring: [PlanarPoint]) -> Bool {
        var c = false
        var j = ring.count - 1
        for i in 0 ..< ring.count {
            let a = ring[i], b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { c.toggle() }
            j = i
        }
        return c
    }

    /// The study of Fixtures/study with only the incidents `keep(number, date)` accepts.
    static func study(keeping keep: (Int, Substring) -> Bool) throws -> StudyData {
        let lines = try String(contentsOfFile: try Study.path("incidents.csv"), encoding: .utf8).split(separator: "\n")
        let kept = [lines[0]] + lines.dropFirst().filter { line in
            let f = line.split(separator: ",")
            return keep(Int(f[0].dropFirst())!, f[1])
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-study-\(UUID().uuidString).csv").path
        try (kept.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        var inputs = try Study.inputs()
        inputs.incidents = file
        return try StudyData.load(inputs)
    }

    @Test func heldOutCoverageEqualsARecomputationFromThePlanFitOnEarlierYears() throws {
        let data = try HeldOutStudy().data()
        let p = try HeldOutStudy.settings()
        let sites = try SiteSet.make(data, spacingMeters: 150)
        var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: sites)
        proc.hotSpotsMode = .ifPossible
        let r = try proc.run(hot: HotSpotSettings(), placement: p, evaluateYear: 2023)
        let held = try #require(r.heldOut).score
        #expect(held.year == 2023 && held.yearsFit == [2021, 2022])
        // The plan fit on 2021-2022 alone, as `place --years 2021 2022` fits it.
        var fitYears = HotSpotSettings()
        fitYears.years = [2021, 2022]
        let alone = try PlacementStage.run(data, sites: sites, hot: nil, incidents: fitYears, settings: p)
        #expect(alone.cameras.map(\.siteID) == ["S1"])
        let (covered, total) = Self.recompute(alone, data, year: 2023)
        #expect(abs(held.coveredWeight - covered) < 1e-9)
        #expect(abs(held.totalWeight - total) < 1e-9)
        // 5 less serious at S1 covered, 9 very serious at S5 not: 5 / 41.
        #expect(abs(held.coverage - 5.0 / 41.0) < 1e-12)
        // The written plan is fit on all years; in-sample it covers more than held out.
        #expect(r.outcome.coveredWeight / r.outcome.totalWeight > held.coverage)
        // Three years: rolling origins 2022 and 2023; the curve runs from 0 to the score.
        #expect(try #require(r.heldOut).rolling.map { $0.year } == [2022, 2023])
        #expect(held.curve.first == 0 && abs(held.curve.last! - held.coverage) < 1e-12)
        // 14 incidents in 2023, 20 in 2022: each share is a warning.
        #expect(held.incidentCount == 14)
        #expect(r.warnings.filter { $0.hasPrefix("held-out 20") } == [
            "held-out 2023 is scored on only 14 incidents (fewer than 30): one incident moves its share by about 7 points",
            "held-out 2022 is scored on only 20 incidents (fewer than 30): one incident moves its share by about 5 points",
        ])
    }

    @Test func yearYNeverShapesTheChosenDemandOrTheHeldOutPlan() throws {
        let p = try HeldOutStudy.settings(demand: .auto)
        func run(_ study: HeldOutStudy) throws -> PlacementProcedure.Result {
            let data = try study.data()
            var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
            proc.hotSpotsMode = .ifPossible
            return try proc.run(hot: HotSpotSettings(), placement: p, evaluateYear: 2023)
        }
        let a = try run(HeldOutStudy(year3Site: 4))
        let b = try run(HeldOutStudy(year3Site: 5, year3Shift: 0.00005))
        let sa = try #require(a.selection), sb = try #require(b.selection)
        #expect(sa.scoreYear == 2022 && sa.fitYears == [2021])
        #expect(sa == sb)
        #expect(sa.rows.count == (try DemandSelection.defaultCandidates()).count)
        let ha = try #require(a.heldOut).score, hb = try #require(b.heldOut).score
        #expect(ha.newCameras == hb.newCameras)
        #expect(ha.coveredWeight == hb.coveredWeight)   // S1's 2023 incidents are the same in both
        // ... while the written plans, fit on all years, may differ: year Y does reach them.
        #expect(ha.totalWeight == hb.totalWeight)
    }

    @Test func theCategoryFilterShapesTheDemandAndTheHeldOutScoreWithoutHotSpots() throws {
        let data = try HeldOutStudy(robberySite: 5).data()
        var h = HotSpotSettings()
        h.categories = ["property_theft"]
        var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
        proc.hotSpotsMode = .skip
        let r = try proc.run(hot: h, placement: try HeldOutStudy.settings(), evaluateYear: 2023)
        let held = try #require(r.heldOut).score
        // Unfiltered, the robberies at S6 (30 a year) outweigh S1's thefts (24 a year); with
        // the filter S1 wins, and 2023 is scored on its thefts alone: 5 / (5 + 9 × 4).
        #expect(held.newCameras.count == 1 && held.newCameras[0].hasPrefix("S1/"))
        #expect(r.outcome.cameras.map(\.siteID) == ["S1"])
        #expect(abs(held.totalWeight - 41) < 1e-9)
        #expect(abs(held.coverage - 5.0 / 41.0) < 1e-12)
        // In-sample demand: the thefts of the three years, (24 + 8) × 2 + 41.
        #expect(abs(r.outcome.totalWeight - 105) < 1e-9)
        // A category with no incident in the evaluation year is an error naming the filter.
        h.categories = ["burglary"]
        #expect(throws: PlannerError.self) { try proc.run(hot: h, placement: try HeldOutStudy.settings(), evaluateYear: 2023) }
    }

    /// `place` computes hot spots only when it can; `run` always: the same settings must give
    /// the same demand, plan and held-out figures either way (categories and half-life
    /// included).
    @Test(arguments: [DemandKind.incidents, .predictive])
    func theSameSettingsGiveTheSameFiguresWithOrWithoutHotSpots(demand: DemandKind) throws {
        let data = try Study.data()
        var h = Study.hotSettings
        h.halfLifeDays = 200
        var p = Study.disc(budget: 3)
        p.demand = demand
        func run(_ mode: PipelineRequest.HotSpots) throws -> PlacementProcedure.Result {
            var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
            proc.hotSpotsMode = mode
            return try proc.run(hot: h, placement: p, evaluateYear: 2023)
        }
        let with = try run(.required), without = try run(.skip)
        #expect(with.hot != nil && without.hot == nil)
        #expect(abs(with.outcome.totalWeight - without.outcome.totalWeight) <= 1e-9 * with.outcome.totalWeight)
        #expect(with.outcome.cameras.map(\.siteID) == without.outcome.cameras.map(\.siteID))
        #expect(with.heldOut == without.heldOut)
        // 30 incidents a year: enough, no warning on the shares.
        #expect(!with.warnings.contains { $0.hasPrefix("held-out 20") })
        if demand == .incidents {
            // Each incident's severity weight halves every 200 days before the latest day.
            let inc = data.incidents
            let day = { (i: Int) in inc.dates[i].map { CivilDate.dayNumber(year: $0.year, month: $0.month, day: $0.day) }! }
            let latest = (0 ..< inc.count).map(day).max()!
            let weight: [SeverityClass: Double] = [.lessSerious: 1, .serious: 2, .verySerious: 4, .especiallySerious: 8]
            let expected = (0 ..< inc.count).map { weight[data.severityClasses[$0]]! * pow(0.5, Double(latest - day($0)) / 200) }.reduce(0, +)
            #expect(abs(without.outcome.totalWeight - expected) < 1e-9 * expected)
        }
    }

    /// The predictive surface decays its incidents once: `half_life_days` in the hot-spot
    /// settings gives the same demand as the same half-life set on the surface alone.
    @Test func predictiveDemandDecaysOnce() throws {
        let data = try Study.data()
        let sites = try SiteSet.make(data, spacingMeters: 150)
        var p = Study.disc(budget: 3)
        p.demand = .predictive
        var h = Study.hotSettings
        h.halfLifeDays = 200
        let a = try PlacementStage.run(data, sites: sites, hot: try HotSpotStage.run(data, h), incidents: h, settings: p)
        var q = p
        q.predictiveHalfLifeDays = 200
        let b = try PlacementStage.run(data, sites: sites, hot: try HotSpotStage.run(data, Study.hotSettings), incidents: Study.hotSettings,
                                       settings: q)
        #expect(abs(a.totalWeight - b.totalWeight) < 1e-9 * b.totalWeight)
        #expect(a.cameras.map(\.siteID) == b.cameras.map(\.siteID))
    }

    /// `auto` keeps the first of tied candidates and says so; when no candidate covered
    /// anything, it says the choice carries no evidence.
    @Test func autoStatesATieAndAChoiceWithoutEvidence() throws {
        let c = try DemandSelection.defaultCandidates()
        func row(_ k: Int, covered: Double) -> DemandSelectionResult.Row {
            .init(candidate: c[k], score: HeldOutScore(year: 2022, yearsFit: [2021], coveredWeight: covered, totalWeight: 10, curve: [],
                                                       newCameras: []))
        }
        let clear = DemandSelection.choose([row(0, covered: 2), row(1, covered: 3), row(2, covered: 1)])
        #expect(clear.best == 1 && clear.notes.isEmpty)
        let tie = DemandSelection.choose([row(0, covered: 2), row(1, covered: 3), row(2, covered: 3)])
        #expect(tie.best == 1)
        #expect(tie.notes == ["demand auto: 2 candidates tie at 30.00% of 2022 (\(c[1].label), \(c[2].label)); the first listed, \(c[1].label), is used"])
        let none = DemandSelection.choose([row(0, covered: 0), row(1, covered: 0)])
        #expect(none.best == 0 && none.notes.count == 1 && none.notes[0].contains("no candidate covered any of 2022"))
        // The small study: the clusters of 2021 and 2022 sit at the same sites, so several
        // surfaces pick the same camera; the warning reaches the procedure's warnings.
        let data = try HeldOutStudy().data()
        var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
        proc.hotSpotsMode = .skip
        let r = try proc.run(hot: HotSpotSettings(), placement: try HeldOutStudy.settings(demand: .auto), evaluateYear: 2023)
        let sel = try #require(r.selection)
        let top = sel.rows.map(\.score.coverage).max()!
        #expect(sel.rows.filter { abs($0.score.coverage - top) <= 1e-12 }.count > 1)
        #expect(r.warnings.contains { $0.contains("candidates tie at") })
        #expect(sel.chosen == sel.rows.first { abs($0.score.coverage - top) <= 1e-12 }!.candidate)
        // demand-selection.csv says how many new cameras each fit placed (the budget: 1).
        let table = DemandSelection.table(sel)
        let column = try #require(table.fields.firstIndex { $0.name == "new_cameras" })
        #expect(table.rows.map { $0[column] } == sel.rows.map { _ in .integer(1) })
    }

    /// A demand without weight (a bandwidth that reaches no road point, a category with no
    /// incident) is an error, not a plan of 0 cameras covering "0.00 of 0.00".
    @Test func aDemandWithoutWeightIsAnError() throws {
        let data = try HeldOutStudy().data()
        func run(_ h: HotSpotSettings, _ p: PlacementSettings) throws {
            var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
            proc.hotSpotsMode = .skip
            _ = try proc.run(hot: h, placement: p, evaluateYear: nil)
        }
        var p = try HeldOutStudy.settings(demand: .predictive)
        p.demandBandwidthMeters = 0.001
        let narrow = #expect(throws: PlannerError.self) { try run(HotSpotSettings(), p) }
        #expect(narrow == .invalidConfiguration("demand predictive carries no weight: no road point lies within demand_bandwidth_m (0.001 m) "
            + "of an incident used; no camera could cover anything"))
        var h = HotSpotSettings()
        h.categories = ["burglary"]
        let none = #expect(throws: PlannerError.self) { try run(h, try HeldOutStudy.settings()) }
        #expect(none == .invalidConfiguration("demand incidents carries no weight: no incident used keeps a weight (categories burglary); "
            + "no camera could cover anything"))
        // The same study with a bandwidth that reaches the road plans as before.
        p.demandBandwidthMeters = 50
        try run(HotSpotSettings(), p)
        // A repeat boost that overflows names the setting (was "demand weight at index 2 ... inf").
        p.repeatBoost = 1e308
        let overflow = #expect(throws: PlannerError.self) { try run(HotSpotSettings(), p) }
        #expect(overflow?.description.hasPrefix("predictive demand overflows") == true && overflow?.description.contains("repeat_boost 1e+308") == true,
                "\(String(describing: overflow))")
    }

    /// A weight column whose product with the severity weight overflows names the incident.
    @Test func anOverflowingIncidentWeightIsNamed() throws {
        let lines = try String(contentsOfFile: try Study.path("incidents.csv"), encoding: .utf8).split(separator: "\n")
        let rows = [lines[0] + ",w"] + lines.dropFirst().map { $0 + ($0.contains("very_serious") ? ",1e308" : ",1") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-weight-\(UUID().uuidString).csv").path
        try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        var inputs = try Study.inputs()
        inputs.incidents = file
        inputs.incidentOptions.weightField = "w"
        let data = try StudyData.load(inputs)
        let e = #expect(throws: PlannerError.self) {
            try ScenarioDemand.make(data, hot: nil, incidents: HotSpotSettings(), settings: PlacementSettings())
        }
        #expect(e?.description.hasPrefix("incident I3: its demand weight (severity × weight column 1e+308) overflows") == true,
                "\(String(describing: e))")
    }

    /// A held-out fit can fail where the plan on all years does not (a group without any
    /// incident before the evaluation year cannot meet its quota): the error says it was the
    /// held-out fit.
    @Test func aFailingHeldOutFitIsNamed() throws {
        // Ward B's incidents (I60-I89, District 2) of 2023 only.
        let data = try Self.study { n, date in n < 60 || date.hasPrefix("2023") }
        var p = Study.disc(budget: 4)
        p.groupQuotas = ["District 2": GroupQuota(min: 2)]
        var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
        proc.hotSpotsMode = .skip
        let error = #expect(throws: PlannerError.self) { try proc.run(hot: HotSpotSettings(), placement: p, evaluateYear: 2023) }
        #expect(error?.description.hasPrefix("the held-out fit (the same procedure on 2021-2022, to score 2023) failed: 'District 2' needs at least 2") == true,
                "\(String(describing: error))")
        // The plan on all years meets the quota.
        let plan = try proc.run(hot: HotSpotSettings(), placement: p, evaluateYear: nil)
        #expect(plan.outcome.cameras.filter { !$0.existing }.count == 4)
        // With auto, the split inside the training years fails first, and says so.
        p.demand = .auto
        let split = #expect(throws: PlannerError.self) { try proc.run(hot: HotSpotSettings(), placement: p, evaluateYear: 2023) }
        #expect(split?.description.hasPrefix("demand auto: candidate incidents, fit on 2021 to score 2022 (the split inside the training years), "
            + "failed: 'District 2' needs at least 2") == true, "\(String(describing: split))")
    }

    /// `run` computes hot spots for the plan it writes; the held-out fits need them only when
    /// the demand does. A training year with too few incidents for hot spots (15 in 2021)
    /// stopped `run` though `place` scored it.
    @Test func heldOutFitsNeedHotSpotsOnlyWhenTheDemandDoes() throws {
        let data = try Self.study { n, date in !date.hasPrefix("2021") || n < 45 }
        var p = Study.disc(budget: 3)
        func run(_ mode: PipelineRequest.HotSpots) throws -> PlacementProcedure.Result {
            var proc = PlacementProcedure(pipeline: Pipeline(data: data), sites: try SiteSet.make(data, spacingMeters: 150))
            proc.hotSpotsMode = mode
            return try proc.run(hot: Study.hotSettings, placement: p, evaluateYear: 2023)
        }
        let required = try run(.required)
        #expect(required.hot != nil)
        #expect(required.heldOut?.rolling.map(\.year) == [2022, 2023])
        #expect(required.heldOut == (try run(.skip)).heldOut)
        // A demand built on hot-spot cells still needs them in every fit.
        p.demand = .kde
        let e = #expect(throws: PlannerError.self) { try run(.required) }
        #expect(e?.description.hasPrefix("the held-out fit (the same procedure on 2021, to score 2022) failed") == true,
                "\(String(describing: e))")
    }
}
