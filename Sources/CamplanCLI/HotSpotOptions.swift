import ArgumentParser
import Planner

/// Hot-spot options shared by `hotspots`, `place` and `rank-wards`: one per
/// ``HotSpotSettings`` setting.
public struct HotSpotOptions: SettingOptions {
    typealias Settings = HotSpotSettings

    @Option(name: .customLong("years"), parsing: .upToNextOption, help: settingHelp(HotSpotSettings.self, "years"))
    var years: [String] = []
    @Option(name: .customLong("categories"), parsing: .upToNextOption, help: settingHelp(HotSpotSettings.self, "categories"))
    var categories: [String] = []
    @Option(name: .customLong("units"), help: settingHelp(HotSpotSettings.self, "units"))
    var units: String?
    @Option(name: .customLong("cell"), help: settingHelp(HotSpotSettings.self, "cell_m"))
    var cell: String?
    @Option(name: .customLong("band"), help: settingHelp(HotSpotSettings.self, "band_m"))
    var band: String?
    @Option(name: .customLong("bandwidth"), help: settingHelp(HotSpotSettings.self, "bandwidth_m"))
    var bandwidth: String?
    @Option(name: .customLong("permutations"), help: settingHelp(HotSpotSettings.self, "permutations"))
    var permutations: String?
    @Option(name: .customLong("seed"), help: settingHelp(HotSpotSettings.self, "seed"))
    var seed: String?
    @Option(name: .customLong("half-life-days"), help: settingHelp(HotSpotSettings.self, "half_life_days"))
    var halfLifeDays: String?
    @Option(name: .customLong("evaluate-year"), help: settingHelp(HotSpotSettings.self, "evaluate_year"))
    var evaluateYear: String?
    @Flag(name: .customLong("no-trends"), help: settingHelp(HotSpotSettings.self, "trends"))
    var noTrends = false

    public init() {}

    var given: [(key: String, value: SettingValue?)] {
        [("years", list(years)), ("categories", list(categories)), ("units", text(units)), ("cell_m", text(cell)),
         ("band_m", text(band)), ("bandwidth_m", text(bandwidth)), ("permutations", text(permutations)), ("seed", text(seed)),
         ("half_life_days", text(halfLifeDays)), ("evaluate_year", text(evaluateYear)), ("trends", flag(noTrends, "false"))]
    }

    public mutating func validate() throws { _ = try settings() }
}
