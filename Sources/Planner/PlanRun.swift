import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// What `camplan run` printed and wrote.
public struct RunReport: Sendable {
    /// The scenario whose plan covers the largest share of weighted demand (its model-ward
    /// lists are the ones printed).
    public var bestScenario: String?
    public var comparison: ReportTable
    public var scorecard: ReportTable
    public var modelWards: [String: [RankedWard]]
    public var scenarios: [String]
    public var console: String
}

/// Runs the scenarios of a file: loads the inputs once, computes hot spots and candidate
/// sites once per distinct setting, then places cameras per scenario and writes every layer,
/// the comparison, the model-ward lists and the directive scorecard.
public enum PlanRun {
    /// Defaults for settings no scenario and no `defaults:` block gave.
    public static let defaultCameraMix = ["bullet_4mp_6mm", "dome_4mp_2_8mm"]

    public static func hotSpotSettings(_ s: ScenarioSettings) -> HotSpotSettings {
        var h = HotSpotSettings()
        h.years = s.years
        h.cellSizeMeters = s.cellSizeMeters ?? 500
        h.bandMeters = s.bandMeters
        h.evaluationYear = s.evaluateYear
        return h
    }

    public static func placementSettings(_ s: ScenarioSettings) throws -> PlacementSettings {
        var p = PlacementSettings()
        if let c = s.budgetCost { p.budget = .cost(c) } else { p.budget = .count(s.budget ?? 100) }
        p.cameraTypes = s.cameraMix ?? defaultCameraMix
        if let d = s.dori {
            guard let level = DORILevel(rawValue: d) else { throw PlannerError.invalidConfiguration("unknown DORI level '\(d)'") }
            p.dori = level
        }
        p.headings = s.headings ?? 8
        p.perSite = s.perSite ?? 1
        p.demand = s.demand ?? .incidents
        p.hotPriority = s.hotPriority ?? 1
        p.allocation = s.allocation ?? .free
        p.groupQuotas = s.groupQuotas ?? [:]
        p.siteSpacingMeters = s.siteSpacingMeters ?? 150
        p.timeLimitSeconds = s.timeLimitSeconds ?? 60
        return p
    }

    public static func studyInputs(_ i: ScenarioInputs) throws -> StudyInputs {
        var b = BoundaryOptions()
        b.idField = i.wardID
        b.nameField = i.wardName
        b.groupField = i.groupBy
        if let w = i.workCRS { b.workCRS = try CRS(w) }
        var incidentOptions = IncidentOptions()
        if let c = i.crs {
            b.sourceCRS = try CRS(c)
            incidentOptions.sourceCRS = b.sourceCRS
        }
        var s = StudyInputs(wards: i.wards, incidents: i.incidents, boundaryOptions: b, incidentOptions: incidentOptions)
        s.candidates = i.candidates
        s.candidateIDField = i.candidateID
        s.roads = i.roads
        s.existing = i.existing
        s.obstacles = i.obstacles
        s.catalog = i.catalog
        s.accidents = i.accidents
        s.exclusions = i.exclusions
        s.populationField = i.populationField
        return s
    }

    /// Runs `scenarios` (all of the file's, or the one `only` names) into `out`.
    /// Nothing is left in `out` when a step fails.
    public static func run(_ file: ScenarioFile, out: String, only: String? = nil, progress: ProgressReporter? = nil) throws -> RunReport {
        let criteria = file.criteria
        let scenarios = try file.selecting(only)
        let data = try StudyData.load(try studyInputs(file.inputs), progress: progress)
        let staging = try OutputStaging(destination: out)
        let toLonLat = try CoordinateTransform(from: data.boundaries.workCRS, to: .wgs84)
        var hotCache: [HotSpotSettings: HotSpotOutcome] = [:]
        var siteCache: [Double: SiteSet] = [:]
        let coverageCache = CoverageCache()
        var outcomes: [ScenarioOutcome] = []
        var ranked: [String: [RankedWard]] = [:]
        var scorecard: [ScorecardLine] = []
        var console = ""
        var best: (String, Double)?
        let rejected = try staging.writeRejects(of: data.incidents)
        if rejected > 0 { console += "\(rejected) incident rows rejected; see rejects.csv\n" }
        for (n, sc) in scenarios.enumerated() {
            progress?.overall(n, of: scenarios.count)
            let hs = hotSpotSettings(sc.settings)
            let hot: HotSpotOutcome
            do {
                if let h = hotCache[hs] {
                    hot = h
                } else {
                    progress?.stage("\(sc.name): hot spots")
                    hot = try HotSpotStage.run(data, hs)
                    hotCache[hs] = hot
                }
            } catch {
                throw PlannerError.runFailed(scenario: sc.name, step: "hot spots", reason: "\(error)")
            }
            let ps = try placementSettings(sc.settings)
            let outcome: PlacementOutcome
            var procedure: PlacementProcedure.Result?
            do {
                let sites: SiteSet
                if let s = siteCache[ps.siteSpacingMeters] {
                    sites = s
                } else {
                    progress?.stage("\(sc.name): candidate sites")
                    sites = try SiteSet.make(data, spacingMeters: ps.siteSpacingMeters)
                    siteCache[ps.siteSpacingMeters] = sites
                }
                var proc = PlacementProcedure(data: data, sites: sites, coverageCache: coverageCache, hotOutcomes: hotCache,
                                              progress: progress)
                proc.label = sc.name + ": "
                let r = try proc.run(hot: hs, placement: ps, evaluateYear: sc.settings.evaluateYear)
                hotCache = proc.hotOutcomes
                outcome = r.outcome
                procedure = r
            } catch {
                throw PlannerError.runFailed(scenario: sc.name, step: "placement", reason: "\(error)")
            }
            progress?.stage("\(sc.name): writing")
            var records = HotSpotStage.wardRecords(data, hot)
            for i in records.indices { records[i].coveredShare = outcome.wardCoveredShare[i] ?? 0 }
            let year = hot.currentYear ?? 0
            let ranks = ModelWardRanking.rank(records, year: year, criteria: criteria)
            ranked[sc.name] = ranks
            if scorecard.isEmpty { scorecard = DirectiveScorecard.compute(records, year: year) }
            try writeScenario(sc, data: data, hot: hot, outcome: outcome, procedure: procedure, records: records, ranks: ranks,
                              staging: staging, toLonLat: toLonLat)
            outcomes.append(ScenarioOutcome(name: sc.name, gap: outcome.gap, groups: outcome.groups))
            let share = outcome.totalWeight > 0 ? outcome.coveredWeight / outcome.totalWeight : 0
            if best == nil || share > best!.1 { best = (sc.name, share) }
            console += "\(sc.name): " + PlacementOutputs.console(outcome, costUnit: data.catalog.costUnit)
                .replacingOccurrences(of: "\n", with: "\n  ").trimmingCharacters(in: .whitespaces)
            if let r = procedure { console += HeldOutPlacement.console(r).replacingOccurrences(of: "\n", with: "\n  ").trimmingCharacters(in: .whitespaces) }
        }
        progress?.overall(scenarios.count, of: scenarios.count)
        let comparison = ScenarioComparison.table(outcomes)
        try staging.writeCSV(comparison, to: "comparison.csv")
        try staging.write("# Scenario comparison\n\n" + comparison.markdown() + "\n", to: "comparison.md")
        let scoreTable = PlannerTables.scorecard(scorecard)
        try staging.writeCSV(scoreTable, to: "scorecard.csv")
        try staging.write(runReportHTML(file: file, comparison: comparison, scorecard: scoreTable, scenarios: scenarios.map(\.name)),
                          to: "report.html")
        try staging.commit()
        return RunReport(bestScenario: best?.0, comparison: comparison, scorecard: scoreTable, modelWards: ranked, scenarios: scenarios.map(\.name),
                         console: console)
    }

    /// Writes one scenario's folder: the layers of `place` and `hotspots`, the model-ward
    /// lists, a GeoPackage with QGIS styles, and a self-contained HTML report.
    static func writeScenario(_ sc: Scenario, data: StudyData, hot: HotSpotOutcome, outcome: PlacementOutcome,
                              procedure: PlacementProcedure.Result?, records: [WardRecord], ranks: [RankedWard], staging: OutputStaging,
                              toLonLat: CoordinateTransform) throws {
        let dir = sc.name + "/"
        let wards = data.boundaries.wards
        let cells = try HotSpotStage.cellLayer(hot, toLonLat: toLonLat)
        let covered: [[String: FieldValue]] = wards.indices.map { i in
            ["covered_share": outcome.wardCoveredShare[i].map { .real($0) } ?? .null]
        }
        let wardLayer = try HotSpotStage.wardLayer(data, hot, records: records, extra: covered,
                                                   extraFields: [.init("covered_share", .real)], toLonLat: toLonLat)
        let cameras = try PlacementOutputs.cameraLayer(outcome, wards: wards, toLonLat: toLonLat)
        let coverage = try PlacementOutputs.coverageLayer(outcome, toLonLat: toLonLat)
        let model = try ModelWardOutputs.layer(ranks, wards: wards, toLonLat: toLonLat)
        try VectorWriter.writeGeoJSON(cells, to: try staging.path(dir + "hotspot-cells.geojson"))
        try VectorWriter.writeGeoJSON(wardLayer, to: try staging.path(dir + "wards.geojson"))
        try VectorWriter.writeGeoJSON(cameras, to: try staging.path(dir + "cameras.geojson"))
        try VectorWriter.writeGeoJSON(coverage, to: try staging.path(dir + "coverage.geojson"))
        try VectorWriter.writeGeoJSON(model, to: try staging.path(dir + "model-wards.geojson"))
        try staging.writeCSV(PlannerTables.modelWards(ranks), to: dir + "model-wards.csv")
        try staging.writeCSV(PlacementOutputs.curveTable(outcome), to: dir + "curve.csv")
        try staging.writeCSV(PlacementOutputs.groupTable(outcome), to: dir + "groups.csv")
        var summary = PlacementOutputs.summary(outcome, workCRS: data.boundaries.workCRS, costUnit: data.catalog.costUnit,
                                               includeRuntime: false)
        if let procedure {
            summary.add(procedure)
            if let h = procedure.heldOut { try staging.writeCSV(HeldOutPlacement.curveTable(h), to: dir + "heldout-curve.csv") }
            if let sel = procedure.selection, !sel.rows.isEmpty {
                try staging.writeCSV(DemandSelection.table(sel), to: dir + "demand-selection.csv")
            }
        }
        try staging.writeJSON(summary, to: dir + "summary.json")
        try staging.writeJSON(HotSpotStage.summary(hot, workCRS: data.boundaries.workCRS), to: dir + "hotspot-summary.json")
        try GeoPackageExport.write([cells, wardLayer, cameras, coverage, model], to: try staging.path(dir + "plan.gpkg"))
        let report = HTMLReport(
            title: "camplan: \(sc.name)", subtitle: sc.description ?? "",
            layers: [
                .init(title: "Wards", features: wardLayer.features, paint: .single(fill: "#ffffff", stroke: "#555", opacity: 0.0),
                      labelFields: ["ward_name", "group", "incidents", "covered_share"]),
                .init(title: "Gi* hot and cold cells", features: cells.features.filter { $0["gi_bin"] != .integer(0) },
                      paint: .categorized(field: "gi_bin", colors: HTMLReport.giBinColors, fallback: "#ccc"),
                      labelFields: ["cell_id", "count", "gi_z", "gi_bin", "trend"]),
                .init(title: "Camera footprints", features: coverage.features, paint: .single(fill: "#1f78b4", stroke: "#1f78b4", opacity: 0.35),
                      labelFields: ["site_id", "camera_type"]),
                .init(title: "Cameras", features: cameras.features, paint: .flag(field: "existing", on: "#444", off: "#1f78b4"),
                      labelFields: ["site_id", "camera_type", "heading_deg", "order", "existing", "ward"]),
            ],
            tables: [("Coverage by group", PlacementOutputs.groupTable(outcome)),
                     ("Model-ward candidates", ModelWardOutputs.consoleTable(ranks, top: 10))],
            notes: ["Incidents, accidents, existing cameras and population in the shipped data are synthetic.",
                    "Roads, buildings and places: © OpenStreetMap contributors (ODbL)."])
        try staging.write(report.render(), to: dir + "report.html")
    }

    static func runReportHTML(file: ScenarioFile, comparison: ReportTable, scorecard: ReportTable, scenarios: [String]) -> String {
        let r = HTMLReport(title: "camplan: scenario comparison", subtitle: "Scenarios of \((file.path as NSString).lastPathComponent): " +
                           scenarios.joined(separator: ", ") + ". Each scenario's own map is in its folder (NAME/report.html).",
                           layers: [], tables: [("Comparison by group", comparison), ("Directive scorecard (Chỉ thị 15/CT-UBND)", scorecard)],
                           notes: ["Incidents, accidents, existing cameras and population in the shipped data are synthetic."])
        return r.render()
    }
}
