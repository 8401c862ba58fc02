import Foundation
import Traffic

/// Everything one scenario (or one verb) sets: the settings of the hot-spot, placement and
/// output stages. A scenario file's `defaults:` block and each scenario's own keys are read
/// onto it, in that order; the command line reads its options onto the same values.
public struct PlanSettings: Sendable, Equatable, StageSettings {
    public var hotSpots = HotSpotSettings()
    public var placement = PlacementSettings()
    public var outputs = OutputSettings()
    public var traffic = TrafficSettings()
    public var limits = LimitSettings()

    public init() {}

    /// Whether this scenario plans traffic cameras (``TrafficStage``): accident demand or a cordon.
    public var plansTraffic: Bool { placement.demand == .accidents || !traffic.plan.gatewayGroups.isEmpty }

    /// The traffic plan's settings with this scenario's budget, demand and time limit.
    public var trafficPlan: TrafficPlanSettings {
        var t = traffic.plan
        t.budget = placement.budget
        t.demand = placement.demand == .roads ? .roads : .accidents
        t.timeLimitSeconds = placement.timeLimitSeconds
        t.perSite = placement.perSite
        t.roadDemandSpacingMeters = placement.roadDemandSpacingMeters
        return t
    }

    public func validate() throws(SettingProblem) {
        try hotSpots.validate()
        try placement.validate()
        try outputs.validate()
        try traffic.validate()
        try limits.validate()
        // A cordon plans traffic cameras, whose demand is the accidents or the roads: any other
        // demand (e.g. `auto` inherited from the defaults) would silently become the accidents.
        if !traffic.plan.gatewayGroups.isEmpty, placement.demand != .accidents, placement.demand != .roads {
            throw SettingProblem("gateway_groups (--gateway-group) plans traffic cameras: set demand (--demand) to accidents or roads "
                + "(found \(placement.demand.rawValue))", key: "gateway_groups")
        }
    }

    public static var alternatives: [[String]] {
        HotSpotSettings.alternatives + PlacementSettings.alternatives + OutputSettings.alternatives
    }

    public static func clear(_ key: String, in root: inout PlanSettings) {
        HotSpotSettings.clear(key, in: &root.hotSpots)
        PlacementSettings.clear(key, in: &root.placement)
        OutputSettings.clear(key, in: &root.outputs)
    }

    /// The keys of every stage, one flat namespace in a scenario block.
    public static var settings: [Setting<PlanSettings>] {
        HotSpotSettings.settings.map { $0.scoped(\.hotSpots) }
            + PlacementSettings.settings.map { $0.scoped(\.placement) }
            + OutputSettings.settings.map { $0.scoped(\.outputs) }
            + TrafficSettings.settings.map { $0.scoped(\.traffic) }
            + LimitSettings.settings.map { $0.scoped(\.limits) }
    }
}
