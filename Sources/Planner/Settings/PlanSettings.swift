import Foundation

/// Everything one scenario (or one verb) sets: the settings of the hot-spot, placement and
/// output stages. A scenario file's `defaults:` block and each scenario's own keys are read
/// onto it, in that order; the command line reads its options onto the same values.
public struct PlanSettings: Sendable, Equatable, StageSettings {
    public var hotSpots = HotSpotSettings()
    public var placement = PlacementSettings()
    public var outputs = OutputSettings()
    public var limits = LimitSettings()

    public init() {}

    public func validate() throws(SettingProblem) {
        try hotSpots.validate()
        try placement.validate()
        try outputs.validate()
        try limits.validate()
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
            + LimitSettings.settings.map { $0.scoped(\.limits) }
    }
}
