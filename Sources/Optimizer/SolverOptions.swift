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
    /// Rounds of iterated local search (perturb, refill, swap) after the bounds; 0 disables it.
    public var perturbationRounds: Int
    /// Work limit of the iterated local search, in matrix non-zeros touched (about 4·nnz a round).
    public var perturbationWorkLimit: Int
    /// Work limit (matrix non-zeros touched) for the final branch-and-bound that closes a
    /// remaining gap on small instances; 0 disables it.
    public var exactSearchWorkLimit: Int

    public init(
        timeLimitSeconds: Double? = nil,
        localSearch: Bool = true,
        subgradientIterations: Int = 1000,
        gapTolerance: Double = 1e-9,
        mergeIdenticalDemand: Bool = true,
        perturbationRounds: Int = 1000,
        perturbationWorkLimit: Int = 200_000_000,
        exactSearchWorkLimit: Int = 20_000_000
    ) {
        self.perturbationRounds = perturbationRounds
        self.perturbationWorkLimit = perturbationWorkLimit
        self.timeLimitSeconds = timeLimitSeconds
        self.localSearch = localSearch
        self.subgradientIterations = subgradientIterations
        self.gapTolerance = gapTolerance
        self.mergeIdenticalDemand = mergeIdenticalDemand
        self.exactSearchWorkLimit = exactSearchWorkLimit
    }
}
