import Foundation

/// Maximal covering location solver (MCLP, Church & ReVelle 1974) with a certified gap.
///
/// Pipeline: merge demand points with identical coverage sets (Lv et al. 2025) → lazy greedy
/// (CELF; Leskovec et al. 2007; ≥ 1 − 1/e of optimum for a count budget, Nemhauser, Wolsey &
/// Fisher 1978) → Teitz–Bart swap local search → upper bounds: the online bound and a
/// Lagrangian bound tightened by subgradient steps (whose inner selections are also tried as
/// solutions) → on small instances a branch and bound closes the remaining gap. The reported
/// ``PlacementResult/upperBound`` is the lowest valid bound found; ``PlacementResult/gap``
/// is `(upperBound − objective) / upperBound`.
///
/// Deterministic: ties break by the lowest facility index; no randomness, no threads.
/// Complexity per phase is O(nnz) per greedy round of fresh evaluations, per swap pass and per
/// subgradient iteration (nnz = non-zeros of the coverage matrix); memory O(nnz + n + m).
public struct MCLPSolver: Sendable {
    public let options: SolverOptions

    public init(options: SolverOptions = SolverOptions()) {
        self.options = options
    }

    /// Solves `problem`, stopping at the certified gap ``SolverOptions/gapTolerance``, at the
    /// iteration and work limits, or (the safety net, with a warning) at the time limit.
    /// - Throws: ``OptimizerError/invalidProblem(_:)`` when the group minimums cannot be met.
    public func solve(_ problem: PlacementProblem) throws -> PlacementResult {
        try solve(problem, elapsed: nil)
    }

    /// `elapsed` replaces the wall clock (seconds since the start), for tests of the time limit.
    func solve(_ problem: PlacementProblem, elapsed: (() -> Double)?) throws -> PlacementResult {
        let clock = ContinuousClock()
        let t0 = clock.now
        var merged: MergedDemand?
        if options.mergeIdenticalDemand {
            var tags: [Int32]?
            if let backup = problem.backup, backup.beta > 0 {
                var t = [Int32](repeating: 0, count: problem.matrix.demandCount)
                for i in backup.demandIndices { t[i] = 1 }
                tags = t
            }
            merged = try MergedDemand(matrix: problem.matrix, weights: problem.demandWeights, tags: tags)
        }
        let inst = SolverInstance(problem: problem, merged: merged)
        let run = MCLPRun(inst: inst, options: options, elapsed: elapsed)
        run.greedy()
        if run.state.deficit > 0 {
            throw OptimizerError.invalidProblem("the group minimums cannot be met within the budget and per-site limits")
        }
        run.localSearch()
        run.onlineBound()
        run.note("greedy+swap")
        if !run.gapClosed && !run.timeUp() {
            // Lagrangian heuristic: local search from the inner selections, keep the best.
            let starts = run.lagrangianBound()
            var best = run.state
            for picks in starts where !run.gapClosed && !run.timeUp() {
                run.adopt(picks)
                run.localSearch()
                if run.state.value > best.value { best = run.state }
            }
            run.state = best
            run.onlineBound()
            run.note("restart")
        }
        if !run.gapClosed {
            run.iteratedLocalSearch()
        }
        run.exactSearch()
        run.state.recomputeValue()
        var warnings: [String] = []
        if run.timedOut, let limit = options.timeLimitSeconds {
            // What the clock cut differs between runs; the bound written is recomputed from the
            // final cameras alone (online bound), so equal cameras give equal figures.
            run.upperBound = .infinity
            run.onlineBound()
            let gap = run.upperBound > 0 ? max(0, (run.upperBound - run.state.value) / run.upperBound) : 0
            warnings.append(String(format: "the solver's time limit of %g s was reached before its iteration limits: "
                    + "the cameras are the best found by then and may differ between runs or machines; the upper "
                    + "bound is recomputed from them alone (certified gap %.3f%%); a longer time limit gives a "
                    + "reproducible result", limit, gap * 100))
        }
        return Self.result(run: run, inst: inst, seconds: (clock.now - t0) / .seconds(1), warnings: warnings)
    }

    /// The existing facilities (index order) then the new ones of `final` in lazy-greedy order,
    /// each with its marginal objective, and the curve that follows them.
    static func ordered(_ final: CoverageState, inst: SolverInstance)
        -> (selections: [PlacementResult.Selection], curve: [PlacementResult.CurvePoint]) {
        let s = CoverageState(inst)
        var selections: [PlacementResult.Selection] = []
        var fixedCount = [Int32](repeating: 0, count: inst.n)
        for j in inst.fixed {
            var g = 0.0
            for k in inst.coverRange(j) {
                let i = Int(inst.indices[k])
                let c = fixedCount[i]
                if c == 0 { g += inst.inc1[i] } else if c == 1 { g += inst.inc2[i] }
                fixedCount[i] = c + 1
            }
            selections.append(.init(facility: j, marginalWeight: g, isExisting: true))
        }
        var curve = [PlacementResult.CurvePoint(newCameras: 0, objective: s.value, share: share(s.value, inst))]
        var heap = LazyGreedyHeap(final.chosen.map { .init(key: s.gain($0), facility: Int32($0), stamp: 0) })
        var version: Int32 = 0
        while !heap.isEmpty {
            let top = heap.top
            let j = Int(top.facility)
            if top.stamp == version {
                heap.popTop()
                let before = s.value
                s.add(j)
                version += 1
                selections.append(.init(facility: j, marginalWeight: s.value - before, isExisting: false))
                curve.append(.init(newCameras: selections.count - inst.fixed.count, objective: s.value,
                                   share: share(s.value, inst)))
            } else {
                heap.replaceTop(.init(key: s.gain(j), facility: top.facility, stamp: version))
            }
        }
        return (selections, curve)
    }

    /// Orders the final set greedily (lazy), builds the selections, curve and summary.
    static func result(run: MCLPRun, inst: SolverInstance, seconds: Double, warnings: [String]) -> PlacementResult {
        let final = run.state
        let (selections, curve) = ordered(final, inst: inst)
        var covered = 0.0
        for i in 0 ..< inst.n where final.count[i] > 0 { covered += inst.inc1[i] }
        let objective = final.value
        let ub = max(run.upperBound, objective)
        let gap = ub > 0 ? max(0, (ub - objective) / ub) : 0
        let reason: PlacementResult.StopReason
        if ub <= objective + 1e-10 * max(1, inst.totalWeight) {
            reason = .optimal
        } else if gap <= run.options.gapTolerance {
            reason = .gapReached
        } else {
            reason = run.timedOut ? .timeLimit : .iterationLimit
        }
        return PlacementResult(
            model: .maximalCovering,
            objective: objective,
            coveredWeight: covered,
            totalWeight: inst.totalWeight,
            coverageRatio: inst.totalWeight > 0 ? covered / inst.totalWeight : 0,
            upperBound: ub,
            cameraLowerBound: nil,
            gap: gap,
            boundSource: run.boundSource,
            selected: selections,
            newCost: final.chosen.reduce(0) { $0 + inst.cost[$1] },
            curve: curve,
            iterations: .init(greedyEvaluations: run.greedyEvaluations, swaps: run.swaps,
                              subgradient: run.subgradientIterations, exactNodes: run.exactNodes),
            stopReason: reason,
            runtimeSeconds: seconds,
            work: run.work,
            progress: run.progress,
            warnings: warnings)
    }

    static func share(_ v: Double, _ inst: SolverInstance) -> Double {
        inst.totalWeight > 0 ? v / inst.totalWeight : 0
    }
}
