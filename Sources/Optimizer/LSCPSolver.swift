/// Location set covering, target-share form (Toregas et al. 1971): the fewest new facilities
/// whose coverage reaches `targetShare` of the total demand weight.
///
/// Greedy (lazy) adds the facility with the largest gain until the target is reached. The lower
/// bound on the count uses the online bound at checkpoints `A_t` of the greedy: with `k` new
/// facilities no solution covers more than `min_t f(A_t) + (k largest relaxed gains w.r.t. A_t)`,
/// so the smallest `k` where that reaches the target is a valid lower bound.
/// Backup credit is ignored (plain coverage). Budget, per-site limits and existing facilities of
/// the problem are respected (the budget caps the search).
public struct LSCPSolver: Sendable {
    /// The outcome of an LSCP solve.
    public struct Result: Sendable, Equatable {
        /// New facilities in the greedy order.
        public let facilities: [Int]
        /// Covered weight reached (existing facilities included).
        public let coveredWeight: Double
        public let totalWeight: Double
        /// `coveredWeight / totalWeight`.
        public let coveredShare: Double
        public let targetShare: Double
        /// Whether the target was reached within the budget.
        public let reachedTarget: Bool
        /// No solution with fewer new facilities reaches the target.
        public let lowerBound: Int
    }

    public let options: SolverOptions

    public init(options: SolverOptions = SolverOptions()) {
        self.options = options
    }

    /// - Parameters:
    ///   - problem: the instance; its budget caps the number (or cost) of new facilities.
    ///   - targetShare: share of the total weight to cover, in `0...1`.
    /// - Throws: ``OptimizerError/invalidProblem(_:)`` when `targetShare` is outside `0...1`.
    /// - Complexity: one lazy greedy plus O(nnz) per bound checkpoint (at most 9).
    public func solve(_ problem: PlacementProblem, targetShare: Double) throws -> Result {
        guard targetShare.isFinite, targetShare >= 0, targetShare <= 1 else {
            throw OptimizerError.invalidProblem("target share must be in 0...1, got \(targetShare)")
        }
        let plain = try PlacementProblem(
            matrix: problem.matrix, demandWeights: problem.demandWeights, facilityCosts: problem.facilityCosts,
            siteOfFacility: problem.siteOfFacility.map { Int($0) }, perSite: problem.perSite,
            groupOfFacility: problem.groupOfFacility.map { $0.map { Int($0) } }, groupQuotas: problem.groupQuotas,
            fixedFacilities: problem.fixedFacilities, budget: problem.budget,
            fixedCountTowardBudget: problem.fixedCountTowardBudget, backup: nil)
        let merged = options.mergeIdenticalDemand
            ? try MergedDemand(matrix: plain.matrix, weights: plain.demandWeights) : nil
        let inst = SolverInstance(problem: plain, merged: merged)
        let target = targetShare * inst.totalWeight
        let tolerance = 1e-12 * max(1, inst.totalWeight)
        let run = MCLPRun(inst: inst, options: options)
        run.greedy(stopAtValue: target - tolerance)
        let found = run.state.chosen
        // Checkpoints along the greedy order.
        let steps = found.count
        var checkpoints = Set([0, steps])
        for q in 1 ..< 8 { checkpoints.insert(steps * q / 8) }
        let replay = CoverageState(inst)
        var scores = [Double](repeating: 0, count: inst.m)
        let relaxed = RelaxedSelection(inst)
        let maxK = inst.isCostBudget ? inst.candidates.count : min(inst.newSlots, inst.candidates.count)
        var bestPrefix = [Double](repeating: .infinity, count: maxK + 1)
        for t in 0 ... steps {
            if t > 0 { replay.add(found[t - 1]) }
            guard checkpoints.contains(t) else { continue }
            for j32 in inst.candidates {
                let j = Int(j32)
                scores[j] = replay.selected[j] ? 0 : replay.gain(j)
            }
            // Relaxed best with k slots for every k, from one sorted relaxed pick list.
            _ = relaxed.best(scores: scores, candidates: inst.candidates[...], state: nil, slots: maxK, capacity: .infinity,
                                countOnly: true)
            var acc = replay.value
            bestPrefix[0] = min(bestPrefix[0], acc)
            for (k, pick) in relaxed.picks.prefix(maxK).enumerated() {
                acc += scores[Int(pick.0)]
                bestPrefix[k + 1] = min(bestPrefix[k + 1], acc)
            }
            if relaxed.picks.count < maxK {
                for k in (relaxed.picks.count + 1) ... maxK { bestPrefix[k] = min(bestPrefix[k], acc) }
            }
        }
        var lower = maxK + 1
        for k in 0 ... maxK where bestPrefix[k] >= target - tolerance {
            lower = k
            break
        }
        let reached = run.state.value >= target - tolerance
        var covered = 0.0
        for i in 0 ..< inst.n where run.state.count[i] > 0 { covered += inst.inc1[i] }
        return Result(
            facilities: found, coveredWeight: covered, totalWeight: inst.totalWeight,
            coveredShare: inst.totalWeight > 0 ? covered / inst.totalWeight : 0, targetShare: targetShare,
            reachedTarget: reached, lowerBound: min(lower, reached ? found.count : lower))
    }
}
