import ArgumentParser
import Planner

/// Output options of the verbs that write files: one per ``OutputSettings`` setting.
public struct OutputOptions: SettingOptions {
    typealias Settings = OutputSettings

    @Option(name: .customLong("formats"), parsing: .upToNextOption,
            help: settingHelp(OutputSettings.self, "formats"))
    var formats: [String] = []
    @Flag(name: .customLong("raw-points"), help: settingHelp(OutputSettings.self, "raw_points"))
    var rawPoints = false
    @Option(name: .customLong("min-cell-count"), help: settingHelp(OutputSettings.self, "min_cell_count"))
    var minCellCount: String?
    @Option(name: .customLong("lang"), help: settingHelp(OutputSettings.self, "lang"))
    var lang: String?
    @Option(name: .customLong("out-crs"), help: settingHelp(OutputSettings.self, "out_crs"))
    var outCRS: String?

    public init() {}

    var given: [(key: String, value: SettingValue?)] {
        [("formats", list(formats)), ("raw_points", flag(rawPoints)), ("min_cell_count", text(minCellCount)), ("lang", text(lang)),
         ("out_crs", text(outCRS))]
    }

    public mutating func validate() throws { _ = try settings() }
}

/// Refuses an empty `--out` (it would write into the root folder as `/hotspot-cells.geojson`).
func checkOutFolder(_ out: String) throws {
    guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ValidationError("--out must name a folder; it is empty")
    }
}
