import ArgumentParser
import Coverage
import Foundation
import GeoKit
import Planner

/// `camplan inspect`: load and check the inputs, and report what is in them.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Check the ward and incident inputs and summarise them per group (district).",
        discussion: """
        Prints, per group, the wards by type (phường/xã), their area in km², and the incidents \
        by year, category and severity; then what was rejected (with reasons) and which \
        boundaries were repaired. Exit 65 on bad data, 64 on bad arguments.
        """
    )

    @OptionGroup public var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Write rejected incident rows (row, id, reason, raw x, raw y) to this CSV.", valueName: "file"))
    public var rejects: String?

    @Option(name: .long, help: ArgumentHelp("Installed cameras to check (repeated ids or places, cameras far outside the wards), against the built-in catalog.", valueName: "file"))
    public var existing: String?

    @Flag(name: .long, help: "Machine-readable JSON on stdout instead of the table.")
    public var json = false

    public init() {}

    public mutating func validate() throws {
        if rejects != nil, input.incidents == nil {
            throw ValidationError("--rejects needs --incidents")
        }
    }

    public func run() throws {
        try reportingDataErrors {
            let (boundaries, incidents) = try input.load()
            if let rejects, let incidents {
                try IncidentLoader.writeRejects(incidents.rejections, to: rejects)
            }
            var summary = InputSummary(boundaries: boundaries, incidents: incidents)
            if let existing {
                let (cameras, warnings) = try StudyData.readInstalled(existing, to: boundaries.workCRS, catalog: try CameraCatalog.builtIn(),
                                                                      studyArea: boundaries)
                summary.installedFile = existing
                summary.installedCount = cameras.count
                summary.warnings += warnings
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(summary)
                print(String(decoding: data, as: UTF8.self))
            } else {
                print(InspectTable.render(summary), terminator: "")
            }
            // The report above says why; with no usable row the input is still an error.
            if let incidents {
                try StudyData.requireUsable(incidents)
                // Every later verb reads the severity classes; say now if one is not a class.
                _ = try SeverityParsing.classes(of: incidents)
            }
        }
    }
}

