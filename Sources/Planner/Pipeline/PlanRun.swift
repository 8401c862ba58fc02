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

/// `camplan run`: the ``Pipeline`` once per scenario of a file (loading, hot spots, candidate
/// sites and coverage matrices shared), each scenario's artifacts into its folder, then the
/// run-level artifacts (comparison, scorecard, comparison page, rejected rows).
public enum PlanRun {
    /// The pipeline of one scenario in a run.
    public static let request = PipelineRequest(hotSpots: .required, placement: .plan, ranking: true)

    public static func studyInputs(_ i: ScenarioInputs) throws -> StudyInputs {
        var b = BoundaryOptions()
        b.idField = i.wardID
        b.nameField = i.wardName
        b.groupField = i.groupBy
        if let w = i.workCRS { b.workCRS = try CRS(w) }
        var incidentOptions = IncidentOptions()
        if let w = i.dateWindow { incidentOptions.dateWindow = try DateWindow(parsing: w) }
        incidentOptions.encoding = i.encoding
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
        let scenarios = try file.selecting(only)
        let pipeline = try Pipeline(loading: try studyInputs(file.inputs), progress: progress)
        let data = pipeline.data
        let staging = try OutputStaging(destination: out, inputs: data.inputs.files + [file.path])
        let requested = scenarios.map { OutputRegistry.requested($0.settings.outputs, verb: .run) }
        let runLevel = requested.reduce(into: Set<String>()) { $0.formUnion($1) }
        var products: [PlanProducts] = []
        var console = ""
        var best: (name: String, rank: (Int, Double))?   // the plan that sees most of the held-out year
        if !data.incidents.rejections.isEmpty, runLevel.contains("rejects") {
            console += "\(data.incidents.rejections.count) incident rows rejected; see rejects.csv\n"
        }
        // The study's warnings once; each scenario adds its own below.
        for w in data.warnings { console += "warning: \(w)\n" }
        for (n, sc) in scenarios.enumerated() {
            progress?.overall(n, of: scenarios.count)
            let p = try pipeline.run(sc, criteria: file.criteria, request: request, inRun: true)
            progress?.stage("\(sc.name): writing")
            let context = try ArtifactContext(products: p, data: data, staging: staging, folder: sc.name + "/", includeRuntime: false)
            for artifact in OutputRegistry.selection(requested[n]) {
                _ = try artifact.write?(context)
            }
            products.append(p)
            for w in p.warnings.dropFirst(data.warnings.count) { console += "\(sc.name): warning: \(w)\n" }
            for note in OutputRegistry.unavailableNotes(p) { console += "\(sc.name): note: \(note)\n" }
            if let o = p.placement {
                // Scenarios compare on the held-out year (the same incidents for all) and rank
                // before those without one; in-sample shares are on each scenario's own demand,
                // so they only order the scenarios that have no held-out figure.
                let rank = p.heldOut.map { (1, $0.score.coverage) } ?? (0, o.totalWeight > 0 ? o.coveredWeight / o.totalWeight : 0)
                if best.map({ rank > $0.rank }) ?? true { best = (sc.name, rank) }
                console += "\(sc.name): " + PlacementOutputs.console(p, costUnit: data.catalog.costUnit)
                    .replacingOccurrences(of: "\n", with: "\n  ").trimmingCharacters(in: .whitespaces)
            }
        }
        progress?.overall(scenarios.count, of: scenarios.count)
        let run = RunArtifactContext(scenarios: products, data: data, staging: staging, sourceFile: file.path)
        for artifact in OutputRegistry.selection(runLevel) {
            _ = try artifact.writeRun?(run)
        }
        try staging.commit()
        var ranked: [String: [RankedWard]] = [:]
        for p in products { ranked[p.name] = p.ranks }
        return RunReport(bestScenario: best?.name, comparison: run.comparison, scorecard: run.scorecard, modelWards: ranked,
                         scenarios: scenarios.map(\.name), console: console)
    }
}
