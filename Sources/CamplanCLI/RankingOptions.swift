import ArgumentParser
import Planner

/// Model-ward criteria options of `rank-wards`: one per ``ModelWardCriteria`` setting.
public struct RankingOptions: SettingOptions {
    typealias Settings = ModelWardCriteria

    @Option(name: .customLong("crime-change-max"), help: settingHelp(ModelWardCriteria.self, "crime_change_max_pct"))
    var crimeChangeMax: String?
    @Option(name: .customLong("clearance-min"), help: settingHelp(ModelWardCriteria.self, "clearance_min"))
    var clearanceMin: String?
    @Option(name: .customLong("serious-clearance-min"), help: settingHelp(ModelWardCriteria.self, "serious_clearance_min"))
    var seriousClearanceMin: String?
    @Option(name: .customLong("coverage-min"), help: settingHelp(ModelWardCriteria.self, "coverage_min"))
    var coverageMin: String?
    @Option(name: .customLong("max-hot-cells-95"), help: settingHelp(ModelWardCriteria.self, "max_hot_cells_95"))
    var maxHotCells95: String?
    @Option(name: .customLong("rate-max-quantile"), help: settingHelp(ModelWardCriteria.self, "rate_max_quantile"))
    var rateMaxQuantile: String?
    @Option(name: .customLong("weight"), help: settingHelp(ModelWardCriteria.self, "weights"))
    var weight: [String] = []
    @Option(name: .customLong("list"), help: settingHelp(ModelWardCriteria.self, "lists"))
    var lists: [String] = []

    public init() {}

    var given: [(key: String, value: SettingValue?)] {
        [("crime_change_max_pct", text(crimeChangeMax)), ("clearance_min", text(clearanceMin)),
         ("serious_clearance_min", text(seriousClearanceMin)), ("coverage_min", text(coverageMin)),
         ("max_hot_cells_95", text(maxHotCells95)), ("rate_max_quantile", text(rateMaxQuantile)), ("weights", list(weight)),
         ("lists", list(lists))]
    }

    public mutating func validate() throws { _ = try settings() }
}
