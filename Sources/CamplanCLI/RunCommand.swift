import ArgumentParser
import Foundation
import Planner

/// `camplan run`: every scenario of a file, compared.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the named scenarios of a YAML file and compare them across groups (districts).",
        discussion: """
        Each scenario goes to OUT/NAME/ (wards, cameras, coverage, model-wards as GeoJSON; curve.csv, \
        groups.csv, model-wards.csv, summary.json; plan.gpkg with QGIS styles and a QGIS project; \
        report.html; cameras.csv and cameras.xlsx, the installer's list). The hot-spot layers are \
        written once, in OUT/ (in a scenario's folder only when its hot-spot settings differ). \
        OUT/comparison.csv, .md and .xlsx compare scenario × group; OUT/scorecard.csv and .xlsx \
        judge the directive's targets; OUT/report.html charts the comparison. Loading, hot spots \
        and candidate sites are shared.
        """
    )

    @Argument(help: ArgumentHelp("Scenario file (YAML).", valueName: "scenarios.yaml"))
    public var scenarios: String

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/plan"

    @Option(name: .long, help: ArgumentHelp("Run only this scenario.", valueName: "name"))
    public var only: String?

    @OptionGroup(title: "Outputs (override the file's settings for every scenario)") var outputs: OutputOptions
    @OptionGroup(title: "Limits (override the file's settings for every scenario)") var limits: LimitOptions

    @OptionGroup public var feedback: FeedbackOptions

    public init() {}

    public mutating func validate() throws {
        try checkOutFolder(out)
    }

    public func run() throws {
        try reportingDataErrors {
            var file = try ScenarioFile.load(path: scenarios)
            for i in file.scenarios.indices {
                file.scenarios[i].settings.outputs = try outputs.settings(file.scenarios[i].settings.outputs)
                file.scenarios[i].settings.limits = try limits.settings(file.scenarios[i].settings.limits)
            }
            let progress = feedback.reporter()
            let report = try PlanRun.run(file, out: out, only: only, progress: progress)
            progress.finish()
            print(report.console, terminator: "")
            print("\nComparison (held-out: share of the evaluation year's weighted incidents in the footprints of the plan fit on earlier years; coverage: in-sample share of each scenario's own demand; 95% hot cells), by group:\n")
            let compact = RunCommand.compact(report.comparison)
            print(compact.console(decimals: 3))
            print("Directive scorecard (province):\n")
            var province = report.scorecard
            province.rows = province.rows.filter { $0.first == .string("province") }
            print(province.console(decimals: 3))
            if let best = report.bestScenario, let ranks = report.modelWards[best] {
                print("Model-ward and model-commune candidates after scenario \(best) (the plan that sees most of the held-out year; without evaluate_year, most of its own demand). Each scenario's lists are in NAME/model-wards.csv. Top 5:\n")
                print(ModelWardOutputs.consoleTable(ranks, top: 5).console(decimals: 1))
            }
            print("wrote \(out)/: comparison.csv, comparison.md, scorecard.csv, report.html, and one folder per scenario")
        }
    }

    /// The comparison without the weight columns, for the console.
    static func compact(_ t: ReportTable) -> ReportTable {
        let keep = ["scenario", "group", "heldout_coverage", "coverage", "hot95_coverage", "cameras_existing", "cameras_new", "cost", "cameras_per_km2", "gap"]
        let cols = keep.compactMap { k in t.fields.firstIndex { $0.name == k } }
        return ReportTable(fields: cols.map { t.fields[$0] }, rows: t.rows.map { r in cols.map { r[$0] } })
    }
}
