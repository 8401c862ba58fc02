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
    @Option(name: .customLong("coverage-quantile"), help: settingHelp(ModelWardCriteria.self, "coverage_quantile"))
    var coverageQuantile: String?
    @Option(name: .customLong("complex-category"), help: settingHelp(ModelWardCriteria.self, "complex_categories"))
    var complexCategory: [String] = []
    @Option(name: .customLong("complex-quantile"), help: settingHelp(ModelWardCriteria.self, "complex_quantile"))
    var complexQuantile: String?
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
         ("coverage_quantile", text(coverageQuantile)),
         ("complex_categories", list(complexCategory)), ("complex_quantile", text(complexQuantile)), ("rate_max_quantile", text(rateMaxQuantile)), ("weights", list(weight)),
         ("lists", list(lists))]
    }

    public mutating func validate() throws { _ = try settings() }
}
