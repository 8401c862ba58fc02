/// Knobs of ``MCLPSolver``. Every default gives a deterministic run.
public struct SolverOptions: Sendable, Equatable {
    /// Wall-clock limit; when reached the best solution so far is returned with its gap.
    public var timeLimitSeconds: Double?
    /// Run Teitz–Bart swap local search after the greedy.
    public var localSearch: Bool
    /// Maximum subgradient iterations for the Lagrangian bound (0 = online bound only).
    public var subgradientIterations: Int
    /// Stop when `(upper bound − objective) / upper bound` is at most this.
    public var gapTolerance: Double
    /// Merge demand points with identical coverage sets before solving.
    public var mergeIdenticalDemand: Bool
    /// Work limit (matrix non-zeros touched) for the final branch-and-bound that closes a
    /// remaining gap on small instances; 0 disables it.
    public var exactSearchWorkLimit: Int

    public init(
        timeLimitSeconds: Double? = nil,
        localSearch: Bool = true,
        subgradientIterations: Int = 300,
        gapTolerance: Double = 1e-9,
        mergeIdenticalDemand: Bool = true,
        exactSearchWorkLimit: Int = 50_000_000
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.localSearch = localSearch
        self.subgradientIterations = subgradientIterations
        self.gapTolerance = gapTolerance
        self.mergeIdenticalDemand = mergeIdenticalDemand
        self.exactSearchWorkLimit = exactSearchWorkLimit
    }
}
