import ArgumentParser
import Planner

/// Placement options of `place`: one per ``PlacementSettings`` setting.
public struct PlacementOptions: SettingOptions {
    typealias Settings = PlacementSettings

    @Option(name: .customLong("budget"), help: settingHelp(PlacementSettings.self, "budget"))
    var budget: String?
    @Option(name: .customLong("budget-cost"), help: settingHelp(PlacementSettings.self, "budget_cost"))
    var budgetCost: String?
    @Flag(name: .customLong("budget-includes-existing"), help: settingHelp(PlacementSettings.self, "budget_includes_existing"))
    var budgetIncludesExisting = false
    @Option(name: .customLong("target"), help: settingHelp(PlacementSettings.self, "target"))
    var target: String?
    @Option(name: .customLong("camera-types"), parsing: .upToNextOption, help: settingHelp(PlacementSettings.self, "camera_mix"))
    var cameraTypes: [String] = []
    @Option(name: .customLong("dori"), help: settingHelp(PlacementSettings.self, "dori"))
    var dori: String?
    @Option(name: .customLong("radius"), help: settingHelp(PlacementSettings.self, "radius_m"))
    var radius: String?
    @Option(name: .customLong("fov"), help: settingHelp(PlacementSettings.self, "fov_deg"))
    var fov: String?
    @Option(name: .customLong("camera-cost"), help: settingHelp(PlacementSettings.self, "camera_cost"))
    var cameraCost: String?
    @Option(name: .customLong("headings"), help: settingHelp(PlacementSettings.self, "headings"))
    var headings: String?
    @Option(name: .customLong("per-site"), help: settingHelp(PlacementSettings.self, "per_site"))
    var perSite: String?
    @Option(name: .customLong("demand"), help: settingHelp(PlacementSettings.self, "demand"))
    var demand: String?
    @Option(name: .customLong("hot-priority"), help: settingHelp(PlacementSettings.self, "hot_priority"))
    var hotPriority: String?
    @Option(name: .customLong("backup"), help: settingHelp(PlacementSettings.self, "backup"))
    var backup: String?
    @Option(name: .customLong("allocation"), help: settingHelp(PlacementSettings.self, "allocation"))
    var allocation: String?
    @Option(name: .customLong("group-quota"), help: settingHelp(PlacementSettings.self, "group_quotas"))
    var groupQuota: [String] = []
    @Option(name: .customLong("site-spacing"), help: settingHelp(PlacementSettings.self, "site_spacing_m"))
    var siteSpacing: String?
    @Option(name: .customLong("road-demand-spacing"), help: settingHelp(PlacementSettings.self, "road_demand_spacing_m"))
    var roadDemandSpacing: String?
    @Option(name: .customLong("gap"), help: settingHelp(PlacementSettings.self, "gap"))
    var gap: String?
    @Option(name: .customLong("time-limit"), help: settingHelp(PlacementSettings.self, "time_limit_s"))
    var timeLimit: String?

    public init() {}

    var given: [(key: String, value: SettingValue?)] {
        [("budget", text(budget)), ("budget_cost", text(budgetCost)), ("budget_includes_existing", flag(budgetIncludesExisting)),
         ("target", text(target)), ("camera_mix", list(cameraTypes)), ("dori", text(dori)), ("radius_m", text(radius)),
         ("fov_deg", text(fov)), ("camera_cost", text(cameraCost)), ("headings", text(headings)), ("per_site", text(perSite)),
         ("demand", text(demand)), ("hot_priority", text(hotPriority)), ("backup", text(backup)), ("allocation", text(allocation)),
         ("group_quotas", list(groupQuota)), ("site_spacing_m", text(siteSpacing)), ("road_demand_spacing_m", text(roadDemandSpacing)),
         ("gap", text(gap)), ("time_limit_s", text(timeLimit))]
    }

    public mutating func validate() throws { _ = try settings() }
}
