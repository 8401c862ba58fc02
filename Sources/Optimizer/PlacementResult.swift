/// The outcome of a placement solve, one type for both models: MCLP (``MCLPSolver``: most
/// covered weight for a budget) and LSCP (``LSCPSolver``: fewest new cameras for a target
/// share). The placement, its coverage and curve read the same for both; the bound and the gap
/// are those of the model solved (see ``model``, ``upperBound``, ``cameraLowerBound``, ``gap``).
public struct PlacementResult: Sendable, Equatable {
    /// Which model was solved.
    public enum Model: Sendable, Equatable {
        /// Maximal covering (Church & ReVelle 1974): maximise the covered weight for the budget.
        case maximalCovering
        /// Location set covering, target-share form (Toregas et al. 1971): fewest new cameras
        /// whose coverage reaches `targetShare` of the total weight.
        case setCovering(targetShare: Double)
    }

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
        /// The bound equals the objective: the solution is optimal.
        case optimal
        /// The certified gap is within the requested tolerance (``SolverOptions/gapTolerance``).
        case gapReached
        /// The iteration and work limits of every phase were spent with a gap left.
        case iterationLimit
        /// `timeLimitSeconds` was reached first (the safety net): see ``warnings``.
        case timeLimit
        /// LSCP: the target share is reached (``gap`` compares the count with its lower bound).
        case targetReached = "target_reached"
    }

    /// Which bound gave ``upperBound`` (MCLP) or ``cameraLowerBound`` (LSCP).
    public enum BoundSource: String, Sendable, Equatable {
        case online, lagrangian, exactSearch
        /// LSCP: the online bound at checkpoints of the greedy order.
        case lscp
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

    /// One point of the solver's progress: the best objective and bound after some work, for
    /// time-to-gap figures (scripts/bench). `seconds` is the clock and differs between runs;
    /// `work` (coverage-matrix non-zeros touched) and the values do not.
    public struct ProgressPoint: Sendable, Equatable {
        /// The phase that produced the point (`greedy`, `swap`, `subgradient`, `restart`,
        /// `iterated-local-search`, `exact`).
        public let phase: String
        /// Coverage-matrix non-zeros touched so far (deterministic).
        public let work: Int
        public let seconds: Double
        public let objective: Double
        public let upperBound: Double
        /// `(upperBound − objective) / upperBound`.
        public var gap: Double { upperBound > 0 ? max(0, (upperBound - objective) / upperBound) : 0 }

        /// Equal on everything but the clock.
        public static func == (a: ProgressPoint, b: ProgressPoint) -> Bool {
            a.phase == b.phase && a.work == b.work && a.objective == b.objective && a.upperBound == b.upperBound
        }
    }

    public let model: Model
    /// Objective value: covered weight, plus backup credit when enabled (LSCP: plain covered weight).
    public let objective: Double
    /// Plain covered weight `Σ w_i [i covered]`.
    public let coveredWeight: Double
    /// `Σ w_i`.
    public let totalWeight: Double
    /// `coveredWeight / totalWeight` (0 when the total weight is 0).
    public let coverageRatio: Double
    /// MCLP: certified upper bound on the optimal objective. LSCP: the objective itself (its
    /// bound is on the camera count, ``cameraLowerBound``).
    public let upperBound: Double
    /// LSCP: no selection with fewer new cameras reaches the target (certified); `nil` for MCLP.
    public let cameraLowerBound: Int?
    /// Certified relative gap of the model solved. MCLP: `(upperBound − objective) / upperBound`
    /// (0 when the bound is 0). LSCP: `(new cameras − cameraLowerBound) / new cameras` (0 when
    /// no camera is needed).
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
    /// Coverage-matrix non-zeros touched by the whole solve (deterministic).
    public let work: Int
    /// The best objective and bound after each phase and each bound improvement (MCLP).
    public let progress: [ProgressPoint]
    /// Results that may be off, in words for the user (e.g. the time limit cut the search).
    public let warnings: [String]

    /// Indices of the new (non-existing) selected facilities, in selection order.
    public var newFacilities: [Int] { selected.filter { !$0.isExisting }.map(\.facility) }

    /// Results compare equal on what a solve decides; the clock (``runtimeSeconds`` and the
    /// progress points' seconds) is left out so that two runs can be compared.
    public static func == (a: PlacementResult, b: PlacementResult) -> Bool {
        a.model == b.model && a.objective == b.objective && a.coveredWeight == b.coveredWeight
            && a.totalWeight == b.totalWeight && a.upperBound == b.upperBound && a.cameraLowerBound == b.cameraLowerBound
            && a.gap == b.gap && a.boundSource == b.boundSource && a.selected == b.selected && a.newCost == b.newCost
            && a.curve == b.curve && a.iterations == b.iterations && a.stopReason == b.stopReason && a.work == b.work
            && a.warnings == b.warnings && a.progress == b.progress
    }
}
