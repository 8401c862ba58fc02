import Foundation

/// Location set covering, target-share form (Toregas et al. 1971): the fewest new facilities
/// whose coverage reaches `targetShare` of the total demand weight.
///
/// Greedy (lazy) adds the facility with the largest gain until the target is reached. The lower
/// bound on the count uses the online bound at checkpoints `A_t` of the greedy: with `k` new
/// facilities no solution covers more than `min_t f(A_t) + (k largest relaxed gains w.r.t. A_t)`,
/// so the smallest `k` where that reaches the target is a valid lower bound.
/// Backup credit is ignored (plain coverage). Budget, per-site limits and existing facilities of
/// the problem are respected: the budget caps the search, and a target not reached within it is
/// an error, never a capped answer.
public struct LSCPSolver: Sendable {
    public let options: SolverOptions

    public init(options: SolverOptions = SolverOptions()) {
        self.options = options
    }

    /// - Parameters:
    ///   - problem: the instance; its budget caps the number (or cost) of new facilities.
    ///   - targetShare: share of the total weight to cover, in `0...1`.
    /// - Returns: a ``PlacementResult`` of model ``PlacementResult/Model/setCovering(targetShare:)``
    ///   with ``PlacementResult/cameraLowerBound`` and the gap between the count and that bound.
    /// - Throws: ``OptimizerError/invalidProblem(_:)`` when `targetShare` is outside `0...1`;
    ///   ``OptimizerError/targetNotReached(_:)`` when the target is not reached within the
    ///   problem's budget (never a capped answer: the message gives the share reached, what all
    ///   candidates could cover and whether the bound proves that the budget is too small).
    /// - Complexity: one lazy greedy plus O(nnz) per bound checkpoint (at most 9).
    public func solve(_ problem: PlacementProblem, targetShare: Double) throws -> PlacementResult {
        guard targetShare.isFinite, targetShare >= 0, targetShare <= 1 else {
            throw OptimizerError.invalidProblem("target share must be in 0...1, got \(targetShare)")
        }
        let clock = ContinuousClock()
        let t0 = clock.now
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
                run.work += inst.offsets[j + 1] - inst.offsets[j]
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
        guard run.state.value >= target - tolerance else {
            throw OptimizerError.targetNotReached(Self.shortfall(run: run, inst: inst, targetShare: targetShare,
                                                                 boundExceedsBudget: lower > maxK))
        }
        lower = min(lower, found.count)
        var covered = 0.0
        for i in 0 ..< inst.n where run.state.count[i] > 0 { covered += inst.inc1[i] }
        let (selections, curve) = MCLPSolver.ordered(run.state, inst: inst)
        let gap = found.isEmpty ? 0 : Double(found.count - lower) / Double(found.count)
        return PlacementResult(
            model: .setCovering(targetShare: targetShare),
            objective: run.state.value, coveredWeight: covered, totalWeight: inst.totalWeight,
            coverageRatio: inst.totalWeight > 0 ? covered / inst.totalWeight : 0,
            upperBound: run.state.value, cameraLowerBound: lower, gap: gap, boundSource: .lscp,
            selected: selections, newCost: found.reduce(0) { $0 + inst.cost[$1] }, curve: curve,
            iterations: .init(greedyEvaluations: run.greedyEvaluations, swaps: 0, subgradient: 0, exactNodes: 0),
            stopReason: .targetReached, runtimeSeconds: (clock.now - t0) / .seconds(1), work: run.work,
            progress: [], warnings: [])
    }

    /// Why the target was not reached, in words: the share reached with the budget, the share
    /// all candidates (and existing cameras) cover together, and whether the bound proves it.
    static func shortfall(run: MCLPRun, inst: SolverInstance, targetShare: Double, boundExceedsBudget: Bool) -> String {
        var all = [Bool](repeating: false, count: inst.n)
        for j in inst.fixed + inst.candidates.map(Int.init) { for k in inst.coverRange(j) { all[Int(inst.indices[k])] = true } }
        var coverable = 0.0
        for i in 0 ..< inst.n where all[i] { coverable += inst.inc1[i] }
        func pct(_ v: Double) -> String { String(format: "%.2f%%", inst.totalWeight > 0 ? 100 * v / inst.totalWeight : 0) }
        let budget = inst.isCostBudget ? String(format: "a budget of %g for new cameras", inst.costBudget)
            : "a budget of \(inst.newSlots) new cameras"
        var text = String(format: "target share %.2f%% is not reached: ", targetShare * 100)
            + "\(run.state.chosen.count) new cameras within \(budget) cover \(pct(run.state.value)) of the weighted demand"
        if coverable < targetShare * inst.totalWeight - 1e-12 * max(1, inst.totalWeight) {
            text += "; all candidate sites together cover only \(pct(coverable)), so no budget reaches the target: "
                + "lower the target or add candidate sites"
        } else if boundExceedsBudget {
            text += "; the lower bound proves that more than the budget is needed: raise the budget or lower the target"
        } else {
            text += "; raise the budget or lower the target"
        }
        return text
    }
}
