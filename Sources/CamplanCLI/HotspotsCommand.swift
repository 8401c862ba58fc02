import ArgumentParser
import Foundation
import GeoKit
import Planner

/// `camplan hotspots`: Getis-Ord Gi*, Local Moran, KDE, trends and a held-out test.
public struct HotspotsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Score hot-spot cells (Gi* as ArcGIS/esda, Local Moran, KDE, emerging trends, held-out PAI/PEI*).",
        discussion: """
        Writes OUT/hotspot-cells.geojson (cell_id, count, weight, neighbors, gi_z, gi_p, gi_bin, kde, \
        trend, moran), OUT/wards.geojson (ward scores against the directive's targets) and \
        OUT/summary.json (--formats for others). Incident points are only exported aggregated \
        into cells and wards.
        """
    )

    @OptionGroup public var input: InputOptions
    @OptionGroup(title: "Hot spots") var hot: HotSpotOptions
    @OptionGroup(title: "Outputs") var outputs: OutputOptions
    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup public var feedback: FeedbackOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/hotspots"

    @Option(name: .long, help: ArgumentHelp("Ward attribute with residents (for rates per 1,000).", valueName: "field"))
    public var populationField: String?

    public init() {}

    public mutating func validate() throws {
        guard input.incidents != nil else { throw ValidationError("hotspots needs --incidents") }
        try checkOutFolder(out)
    }

    public func run() throws {
        try reportingDataErrors {
            let progress = feedback.reporter()
            var inputs = try input.studyInputs(wards: input.wardsFile)
            inputs.populationField = populationField
            var settings = PlanSettings()
            settings.hotSpots = try hot.settings()
            settings.outputs = try outputs.settings()
            settings.limits = try limits.settings()
            let pipeline = try Pipeline(loading: inputs, progress: progress)
            let products = try pipeline.run(Scenario(name: Verb.hotspots.rawValue, settings: settings),
                                            request: PipelineRequest(hotSpots: .required, placement: .skip))
            progress.stage("writing")
            let staging = try OutputStaging(destination: out, inputs: pipeline.data.inputs.files)
            let files = try OutputRegistry.writeVerb(products, data: pipeline.data, verb: .hotspots, staging: staging, includeRuntime: true)
            try staging.commit()
            progress.finish()
            if let hot = products.hot { print(HotSpotStage.consoleSummary(hot), terminator: "") }
            printWarnings(products.warnings)
            let data = pipeline.data
            if !data.incidents.rejections.isEmpty {
                print("\(data.incidents.rejections.count) incident rows rejected; see \(out)/rejects.csv")
            }
            printWritten(files, out: out)
        }
    }
}
