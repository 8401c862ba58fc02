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
        OUT/summary.json. Incident points are only exported aggregated into cells and wards.
        """
    )

    @OptionGroup public var input: InputOptions
    @OptionGroup public var hot: HotSpotOptions
    @OptionGroup public var feedback: FeedbackOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/hotspots"

    @Option(name: .long, help: ArgumentHelp("Ward attribute with residents (for rates per 1,000).", valueName: "field"))
    public var populationField: String?

    @Flag(name: .long, help: "Also write the incident points (incidents.geojson). Incident data are sensitive: by default only cells and wards leave camplan.")
    public var rawPoints = false

    public init() {}

    public mutating func validate() throws {
        guard input.incidents != nil else { throw ValidationError("hotspots needs --incidents") }
    }

    public func run() throws {
        try reportingDataErrors {
            let progress = feedback.reporter()
            var inputs = try input.studyInputs(wards: input.wardsFile)
            inputs.populationField = populationField
            let data = try StudyData.load(inputs, progress: progress)
            progress.stage("hot spots")
            let outcome = try HotSpotStage.run(data, hot.settings())
            progress.stage("writing")
            let staging = try OutputStaging(destination: out, inputs: inputs.files)
            let toLonLat = try CoordinateTransform(from: data.boundaries.workCRS, to: .wgs84)
            let records = HotSpotStage.wardRecords(data, outcome)
            try VectorWriter.writeGeoJSON(try HotSpotStage.cellLayer(outcome, toLonLat: toLonLat), to: try staging.path("hotspot-cells.geojson"))
            try VectorWriter.writeGeoJSON(try HotSpotStage.wardLayer(data, outcome, records: records, toLonLat: toLonLat),
                                          to: try staging.path("wards.geojson"))
            try staging.writeJSON(HotSpotStage.summary(outcome, workCRS: data.boundaries.workCRS), to: "summary.json")
            if rawPoints {
                try VectorWriter.writeGeoJSON(try HotSpotStage.incidentLayer(data, outcome, toLonLat: toLonLat),
                                              to: try staging.path("incidents.geojson"))
            }
            try staging.writeRejects(of: data.incidents)
            try staging.commit()
            progress.finish()
            print(HotSpotStage.consoleSummary(outcome), terminator: "")
            if !data.incidents.rejections.isEmpty {
                print("\(data.incidents.rejections.count) incident rows rejected; see \(out)/rejects.csv")
            }
            print("wrote \(out)/hotspot-cells.geojson, wards.geojson, summary.json")
        }
    }
}
