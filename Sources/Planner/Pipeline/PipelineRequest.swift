import Foundation

/// Which stages a verb runs. Loading always runs; the outputs come after, from the
/// artifacts the verb asks for.
public struct PipelineRequest: Sendable, Equatable {
    public enum HotSpots: Sendable, Equatable {
        case skip
        /// Run them, but when the data are too few keep going without (a note says why).
        case ifPossible
        case required
    }

    public enum Placement: Sendable, Equatable {
        case skip
        /// Demand, coverage, allocation and solve for the settings' budget.
        case plan
        /// The coverage of the installed cameras alone (no new camera).
        case installedOnly
    }

    public var hotSpots: HotSpots
    public var placement: Placement
    public var ranking: Bool

    public init(hotSpots: HotSpots = .required, placement: Placement = .plan, ranking: Bool = false) {
        self.hotSpots = hotSpots
        self.placement = placement
        self.ranking = ranking
    }
}
