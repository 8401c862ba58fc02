/// The outcome of an MCLP solve: the placement, its value, and a certified upper bound.
public struct PlacementResult: Sendable, Equatable {
    /// One selected facility with the weight it adds in selection order.
    public struct Selection: Sendable, Equatable {
        /// Facility index (column of the coverage matrix).
        public let facility: Int
        /// Objective added by this facility given those before it in ``PlacementResult/selected``.
        public let marginalWeight: Double
        /// Whether it is an existing (fixed) facility.
        public let isExisting: Bool
    }

    /// One point of the coverage curve.
    public struct CurvePoint: Sendable, Equatable {
        /// New cameras placed (0 = existing cameras only).
        public let newCameras: Int
        /// Objective reached with them (covered weight, plus backup credit when enabled).
        public let objective: Double
        /// `objective / totalWeight` (0 when the total weight is 0).
        public let share: Double
    }

    /// Why the solver stopped.
    public enum StopReason: String, Sendable, Equatable {
        /// The gap is within the tolerance: the solution is optimal (up to the tolerance).
        case optimal
        /// Subgradient and exact-search limits reached with a gap left.
        case iterationLimit
        /// `timeLimitSeconds` reached.
        case timeLimit
    }

    /// Which bound gave ``upperBound``.
    public enum BoundSource: String, Sendable, Equatable {
        case online, lagrangian, exactSearch
    }

    /// Work counters.
    public struct Iterations: Sendable, Equatable {
        /// Gain evaluations in the lazy greedy.
        public let greedyEvaluations: Int
        /// Improving swaps applied by local search.
        public let swaps: Int
        /// Subgradient iterations of the Lagrangian bound.
        public let subgradient: Int
        /// Branch-and-bound nodes of the exact search.
        public let exactNodes: Int
    }

    /// Objective value: covered weight, plus backup credit when enabled.
    public let objective: Double
    /// Plain covered weight `Σ w_i [i covered]`.
    public let coveredWeight: Double
    /// `Σ w_i`.
    public let totalWeight: Double
    /// `coveredWeight / totalWeight` (0 when the total weight is 0).
    public let coverageRatio: Double
    /// Certified upper bound on the optimal objective.
    public let upperBound: Double
    /// `(upperBound − objective) / upperBound`, 0 when the bound is 0.
    public let gap: Double
    public let boundSource: BoundSource
    /// Existing facilities first (index order), then new ones in greedy order of the final set.
    public let selected: [Selection]
    /// Total cost of the new facilities.
    public let newCost: Double
    /// Objective against the number of new cameras, following ``selected``.
    public let curve: [CurvePoint]
    public let iterations: Iterations
    public let stopReason: StopReason
    public let runtimeSeconds: Double

    /// Indices of the new (non-existing) selected facilities, in selection order.
    public var newFacilities: [Int] { selected.filter { !$0.isExisting }.map(\.facility) }
}
