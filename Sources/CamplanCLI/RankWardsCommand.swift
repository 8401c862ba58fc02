import ArgumentParser
import Foundation
import GeoKit
import Planner

/// `camplan rank-wards`: model-ward and model-commune candidates (directive item 5).
public struct RankWardsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rank-wards",
        abstract: "Rank model-ward (phường) and model-commune (xã) candidates against the directive's targets.",
        discussion: """
        Criteria (defaults from Chỉ thị 15/CT-UBND item 3; a ward is judged against its own list, \
        phường against phường, xã against xã): crime change on the previous year at or below -5%, \
        clearance above 75% (above 90% for very serious and especially serious cases), not a \
        complex area (persistent or intensifying hot-spot cells per km² at or below the list's 75% \
        quantile; needs 3 years), camera coverage of weighted incidents by the installed cameras \
        at or above the list's median (--existing; left out without it), incident rate at or below \
        the list's median. Writes \
        OUT/model-wards.geojson and model-wards.csv with every criterion's value, threshold and \
        pass/fail (--formats for others).
        """
    )

    @OptionGroup public var input: InputOptions
    @OptionGroup(title: "Hot spots") var hot: HotSpotOptions
    @OptionGroup(title: "Criteria") var criteria: RankingOptions
    @OptionGroup(title: "Outputs") var outputs: OutputOptions
    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup public var feedback: FeedbackOptions

    @Option(name: .long, help: ArgumentHelp("Installed cameras, for the coverage criterion.", valueName: "file"))
    public var existing: String?
    @Option(name: .long, help: ArgumentHelp("Building footprints that block the view.", valueName: "file"))
    public var obstacles: String?
    @Option(name: .long, help: ArgumentHelp("Ward attribute with residents (rates per 1,000).", valueName: "field"))
    public var populationField: String?
    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/rank-wards"

    public init() {}

    public mutating func validate() throws {
        guard input.incidents != nil else { throw ValidationError("rank-wards needs --incidents") }
        try checkOutFolder(out)
    }

    public func run() throws {
        try reportingDataErrors {
            let progress = feedback.reporter()
            var inputs = try input.studyInputs(wards: input.wardsFile)
            inputs.existing = existing
            inputs.obstacles = obstacles
            inputs.populationField = populationField
            var settings = PlanSettings()
            settings.hotSpots = try hot.settings()
            settings.outputs = try outputs.settings()
            settings.limits = try limits.settings()
            var criteria = try self.criteria.settings()
            // The coverage criterion judges the installed cameras; without them it is left out.
            if existing == nil { criteria.coverageMin = nil }
            let pipeline = try Pipeline(loading: inputs, progress: progress)
            let products = try pipeline.run(Scenario(name: Verb.rankWards.rawValue, settings: settings), criteria: criteria,
                                            request: PipelineRequest(hotSpots: .required, placement: existing == nil ? .skip : .installedOnly,
                                                                     ranking: true))
            let staging = try OutputStaging(destination: out, inputs: pipeline.data.inputs.files)
            let files = try OutputRegistry.writeVerb(products, data: pipeline.data, verb: .rankWards, staging: staging, includeRuntime: true)
            try staging.commit()
            progress.finish()
            if let ranks = products.ranks { print(ModelWardOutputs.consoleTable(ranks, top: 10).console(decimals: 1), terminator: "") }
            printWarnings(products.warnings)
            let rejected = pipeline.data.incidents.rejections.count
            if rejected > 0, files.contains("rejects.csv") { print("\(rejected) incident rows rejected; see \(out)/rejects.csv") }
            printWritten(files, out: out)
        }
    }
}
