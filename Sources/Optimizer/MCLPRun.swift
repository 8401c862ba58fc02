import SeededRandom

/// One solve of ``MCLPSolver``: greedy, local search, bounds and exact search over a
/// ``SolverInstance``. Internal, single-threaded, deterministic.
final class MCLPRun {
    let inst: SolverInstance
    let options: SolverOptions
    var state: CoverageState
    let relaxed: RelaxedSelection
    /// Seconds since the run started (the wall clock; tests inject a scripted one).
    private let elapsed: () -> Double
    var timedOut = false
    /// Coverage-matrix non-zeros touched so far: the deterministic measure of effort.
    var work = 0
    /// The best objective and bound after each phase and bound improvement.
    var progress: [PlacementResult.ProgressPoint] = []
    var greedyEvaluations = 0
    var swaps = 0
    var subgradientIterations = 0
    var exactNodes = 0
    var upperBound = Double.infinity
    var boundSource = PlacementResult.BoundSource.online
    private var scores: [Double]
    /// Facility scores `Σ_{i∈N_j} λ_i` and constant part at the best Lagrangian multipliers.
    private var lagrangianScores: [Double] = []
    private var lagrangianConstant = 0.0
    private let eps: Double

    init(inst: SolverInstance, options: SolverOptions, elapsed: (() -> Double)? = nil) {
        self.inst = inst
        self.options = options
        if let elapsed {
            self.elapsed = elapsed
        } else {
            let clock = ContinuousClock()
            let start = clock.now
            self.elapsed = { (clock.now - start) / .seconds(1) }
        }
        state = CoverageState(inst)
        relaxed = RelaxedSelection(inst)
        scores = [Double](repeating: 0, count: inst.m)
        eps = 1e-10 * max(1, inst.totalWeight)
    }

    var elapsedSeconds: Double { elapsed() }

    /// The safety net: whether the wall-clock limit has been reached (sticky).
    func timeUp() -> Bool {
        if timedOut { return true }
        if let limit = options.timeLimitSeconds, elapsedSeconds >= limit { timedOut = true }
        return timedOut
    }

    /// Records the current objective and bound (only once a bound exists).
    func note(_ phase: String) {
        guard upperBound.isFinite else { return }
        progress.append(.init(phase: phase, work: work, seconds: elapsedSeconds, objective: state.value,
                              upperBound: max(upperBound, state.value)))
    }

    /// Whether every objective coefficient is an integer (then the optimum is too, and any
    /// bound can be rounded down).
    lazy var integralObjective: Bool = {
        inst.inc1.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 } && inst.inc2.allSatisfy { $0 == $0.rounded() }
    }()

    /// Records a valid bound, rounded down when the objective is integral.
    func offerBound(_ b: Double, source: PlacementResult.BoundSource) {
        let v = integralObjective ? (b + 1e-9 * max(1, abs(b))).rounded(.down) : b
        if v < upperBound { upperBound = v; boundSource = source }
    }

    var gapClosed: Bool {
        upperBound <= state.value + eps || (upperBound - state.value) / upperBound <= options.gapTolerance
    }

    @inline(__always)
    private func key(gain g: Double, facility j: Int) -> Double {
        guard inst.isCostBudget else { return g }
        let c = inst.cost[j]
        return c > 0 ? g / c : (g > 0 ? Double.greatestFiniteMagnitude : 0)
    }

    private var slotsLeft: Int { inst.isCostBudget ? Int.max : inst.newSlots - state.chosen.count }

    // MARK: Lazy greedy

    /// Lazy greedy (CELF): same picks as the plain greedy, far fewer gain evaluations.
    /// Facilities that cannot be added now never can later (sites, groups and the budget only
    /// fill up), so they are dropped from the queue.
    func greedy(stopAtValue target: Double = .infinity, onAdd: ((Int) -> Void)? = nil) {
        var entries: [LazyGreedyHeap.Entry] = []
        entries.reserveCapacity(inst.candidates.count)
        for j32 in inst.candidates {
            let j = Int(j32)
            let g = state.gain(j)
            greedyEvaluations += 1
            work += inst.offsets[j + 1] - inst.offsets[j]
            entries.append(.init(key: key(gain: g, facility: j), facility: j32, stamp: 0))
        }
        var heap = LazyGreedyHeap(entries)
        var version: Int32 = 0
        var steps = 0
        while !heap.isEmpty && slotsLeft > 0 && state.value < target {
            steps += 1
            if steps & 1023 == 0 && timeUp() { break }
            let top = heap.top
            let j = Int(top.facility)
            if !state.canAdd(j) {
                heap.popTop()
                continue
            }
            if top.stamp == version {
                if top.key <= 0 { break }
                heap.popTop()
                state.add(j)
                version += 1
                onAdd?(j)
            } else {
                let g = state.gain(j)
                greedyEvaluations += 1
                work += inst.offsets[j + 1] - inst.offsets[j]
                heap.replaceTop(.init(key: key(gain: g, facility: j), facility: top.facility, stamp: version))
            }
        }
        repairMinimums()
    }

    /// Adds facilities of groups still under their minimum, best gain first.
    func repairMinimums() {
        while state.deficit > 0 {
            var best = -1
            var bestGain = -1.0
            for j32 in inst.candidates {
                let j = Int(j32)
                let g = Int(inst.group[j])
                guard g >= 0, state.groupUsed[g] < inst.groupMin[g], state.canAdd(j) else { continue }
                let v = state.gain(j)
                if v > bestGain { bestGain = v; best = j }
            }
            if best < 0 { return }
            state.add(best)
        }
    }

    /// Adds the best feasible facility while one adds weight (room left after swaps).
    @discardableResult
    func fill() -> Bool {
        var added = false
        while slotsLeft > 0 {
            var best = -1
            var bestKey = 0.0
            for j32 in inst.candidates {
                let j = Int(j32)
                guard !state.selected[j], state.canAdd(j) else { continue }
                let g = state.gain(j)
                work += inst.offsets[j + 1] - inst.offsets[j]
                guard g > eps else { continue }
                let k = key(gain: g, facility: j)
                if k > bestKey { bestKey = k; best = j }
            }
            if best < 0 { break }
            state.add(best)
            added = true
        }
        return added
    }

    // MARK: Swap local search

    /// Teitz–Bart vertex substitution, first improvement: for each facility outside the
    /// solution, the best feasible facility to swap out is found in O(|cov(in)|) from the
    /// coverage counts and owner sums (a point covered once names its owner), plus a scan of
    /// the solution ordered by loss.
    func localSearch() {
        guard options.localSearch, !inst.candidates.isEmpty else { return }
        var extra = [Double](repeating: 0, count: inst.m)
        var mark = [Bool](repeating: false, count: inst.m)
        var touched: [Int] = []
        var lossOf = [Double](repeating: 0, count: inst.m)
        var byLoss: [Int] = []
        func refresh() {
            for o in state.chosen { lossOf[o] = state.loss(o) }
            byLoss = state.chosen.sorted { lossOf[$0] != lossOf[$1] ? lossOf[$0] < lossOf[$1] : $0 < $1 }
        }
        refresh()
        var improved = true
        var steps = 0
        while improved && !timeUp() {
            improved = false
            if !state.chosen.isEmpty {
                for j32 in inst.candidates {
                    let j = Int(j32)
                    if state.selected[j] { continue }
                    steps += 1
                    if steps & 511 == 0 && timeUp() { break }
                    touched.removeAll(keepingCapacity: true)
                    work += inst.offsets[j + 1] - inst.offsets[j]
                    let g = state.swapGain(j, extra: &extra, mark: &mark, touched: &touched)
                    var bestDelta = eps
                    var bestOut = -1
                    for o in touched where state.canSwap(out: o, inn: j) {
                        let d = g - lossOf[o] + extra[o]
                        if d > bestDelta || (d == bestDelta && bestOut >= 0 && o < bestOut) { bestDelta = d; bestOut = o }
                    }
                    let sj = Int(inst.site[j])
                    if state.siteUsed[sj] >= inst.siteCapacity[sj] {
                        // Full site: only a facility of the same site can leave.
                        for t in inst.siteOffsets[sj] ..< inst.siteOffsets[sj + 1] {
                            let o = Int(inst.siteMembers[t])
                            guard state.selected[o], !inst.isFixed[o], !mark[o], state.canSwap(out: o, inn: j) else { continue }
                            let d = g - lossOf[o]
                            if d > bestDelta || (d == bestDelta && bestOut >= 0 && o < bestOut) { bestDelta = d; bestOut = o }
                        }
                    } else {
                        for o in byLoss where !mark[o] {
                            if state.canSwap(out: o, inn: j) {
                                let d = g - lossOf[o]
                                if d > bestDelta || (d == bestDelta && bestOut >= 0 && o < bestOut) { bestDelta = d; bestOut = o }
                                break
                            }
                        }
                    }
                    for o in touched { mark[o] = false; extra[o] = 0 }
                    if bestOut >= 0 {
                        state.swap(out: bestOut, inn: j)
                        swaps += 1
                        improved = true
                        refresh()
                    }
                }
            }
            if fill() { improved = true; refresh() }
        }
        state.recomputeValue()
    }

    // MARK: Iterated local search

    /// Iterated local search (deterministic): remove a few random facilities of the best
    /// solution, refill with the lazy greedy, run the swap search, keep the result when better.
    /// Stops after `perturbationRounds` rounds, when the work spent reaches
    /// `perturbationWorkLimit` non-zeros, when the gap closes, or at the time limit.
    func iteratedLocalSearch() {
        guard options.perturbationRounds > 0, options.localSearch, !state.chosen.isEmpty else { return }
        var rng = SplitMix64(seed: 0x5EED)
        var best = state.chosen
        var bestValue = state.value
        let nnz = max(1, inst.indices.count)
        // The limit counts a planned 4·nnz per round (the real work goes into `work` as done).
        var planned = 0
        for _ in 0 ..< options.perturbationRounds {
            if timeUp() || upperBound <= bestValue + eps || (upperBound - bestValue) / upperBound <= options.gapTolerance {
                break
            }
            planned += 4 * nnz
            if planned > options.perturbationWorkLimit { break }
            let k = min(state.chosen.count, 1 + Int(rng.next() % UInt64(max(1, min(8, state.chosen.count / 4 + 1)))))
            var removed: [Int] = []
            for _ in 0 ..< k {
                let victim = state.chosen[Int(rng.next() % UInt64(state.chosen.count))]
                state.remove(victim)
                state.banned[victim] = true
                removed.append(victim)
            }
            greedy()
            for v in removed { state.banned[v] = false }
            localSearch()
            if state.value > bestValue + eps && state.deficit == 0 {
                best = state.chosen
                bestValue = state.value
                note("iterated-local-search")
            } else {
                adopt(best)
            }
        }
        if state.value < bestValue - eps { adopt(best) }
    }

    // MARK: Bounds

    /// Weight of the previous direction in the deflected subgradient step.
    static let deflection = 0.7
    /// Subgradient iterations between two swap searches from the inner selection.
    static let restartInterval = 40

    /// Online bound (Nemhauser–Wolsey–Fisher): OPT ≤ f(A) + the best relaxed selection of
    /// marginal gains w.r.t. A (p largest for a count budget, fractional knapsack for cost).
    func onlineBound() {
        for j32 in inst.candidates {
            let j = Int(j32)
            scores[j] = state.selected[j] ? 0 : state.gain(j)
        }
        let b = state.value + relaxed.best(scores: scores, candidates: inst.candidates[...], state: nil,
                                           slots: inst.newSlots, capacity: inst.costBudget)
        offerBound(b, source: .online)
    }

    /// Lagrangian relaxation of `x_i ≤ Σ_{j∈N_i} y_j` (and, with backup credit,
    /// `x1_i + x2_i ≤ Σ y_j`): `L(λ) = Σ_i [max(0, w_i−λ_i) + max(0, βw_i−λ_i)] + Σ_{fixed} Σ λ +
    /// max_{relaxed y} Σ_j y_j Σ_{i∈N_j} λ_i`, minimised by subgradient steps (Polyak step
    /// towards the best primal value, step factor halved after 10 non-improving iterations).
    /// Every `L(λ)` with `λ ≥ 0` is a valid upper bound. Returns start solutions for local search
    /// (Lagrangian heuristic): the feasible inner selection of the best-bound multipliers and the
    /// best-valued feasible inner selection seen.
    func lagrangianBound() -> [[Int]] {
        let n = inst.n
        guard options.subgradientIterations > 0, n > 0 else { return [] }
        var fixedCover = [Int32](repeating: 0, count: n)
        for j in inst.fixed { for k in inst.coverRange(j) { fixedCover[Int(inst.indices[k])] += 1 } }
        var lambda = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            let c = state.count[i]
            lambda[i] = c == 0 ? inst.inc1[i] : (c == 1 ? inst.inc2[i] : 0)
        }
        var fixedValue = 0.0
        for i in 0 ..< n {
            if fixedCover[i] >= 1 { fixedValue += inst.inc1[i] }
            if fixedCover[i] >= 2 { fixedValue += inst.inc2[i] }
        }
        var cov = [Double](repeating: 0, count: n)
        var tmpCount = fixedCover
        var theta = 1.0
        var direction = [Double](repeating: 0, count: n)
        var stale = 0
        var bestPicks: [Int]?
        var boundPicks: [Int]?
        var bestLagrangian = Double.infinity
        var bestPickValue = state.value
        for it in 0 ..< options.subgradientIterations {
            if timeUp() || gapClosed { break }
            subgradientIterations = it + 1
            work += inst.indices.count + n
            var constant = 0.0
            var fixedScore = 0.0
            lambda.withUnsafeBufferPointer { lam in
                for i in 0 ..< n {
                    let l = lam[i]
                    constant += max(0, inst.inc1[i] - l) + max(0, inst.inc2[i] - l)
                    fixedScore += Double(fixedCover[i]) * l
                }
            }
            ParallelScores.compute(inst: inst, values: lambda, into: &scores)
            let inner = relaxed.best(scores: scores, candidates: inst.candidates[...], state: nil,
                                     slots: inst.newSlots, capacity: inst.costBudget)
            let value = constant + fixedScore + inner
            if value < bestLagrangian - eps * 1e-3 {
                bestLagrangian = value
                let before = upperBound
                offerBound(value, source: .lagrangian)
                if upperBound < before { note("subgradient") }
                stale = 0
                lagrangianScores = scores
                lagrangianConstant = constant + fixedScore
                let ids = relaxed.picks.filter { $0.1 >= 1 }.map { Int($0.0) }
                if isFeasible(ids) { boundPicks = ids }
            } else {
                stale += 1
                if stale >= 10 {
                    theta /= 2
                    stale = 0
                    if theta < 1e-4 { break }
                }
            }
            // Lagrangian heuristic: the inner selection as a primal solution.
            if it % 3 == 0 {
                var v = fixedValue
                var ids: [Int] = []
                for (j32, f) in relaxed.picks where f >= 1 {
                    let j = Int(j32)
                    ids.append(j)
                    for k in inst.coverRange(j) {
                        let i = Int(inst.indices[k])
                        let c = tmpCount[i]
                        if c == 0 { v += inst.inc1[i] } else if c == 1 { v += inst.inc2[i] }
                        tmpCount[i] = c + 1
                    }
                }
                for j in ids { for k in inst.coverRange(j) { tmpCount[Int(inst.indices[k])] -= 1 } }
                if v > bestPickValue + eps && isFeasible(ids) {
                    bestPickValue = v
                    bestPicks = ids
                }
            }
            if gapClosed { break }
            // Subgradient g_i = Σ_j y_j a_ij − x1_i − x2_i.
            for i in 0 ..< n { cov[i] = Double(fixedCover[i]) }
            for (j32, f) in relaxed.picks { for k in inst.coverRange(Int(j32)) { cov[Int(inst.indices[k])] += f } }
            var norm = 0.0
            for i in 0 ..< n {
                let l = lambda[i]
                let x = (inst.inc1[i] > l ? 1.0 : 0) + (inst.inc2[i] > l ? 1.0 : 0)
                let g = cov[i] - x
                cov[i] = g
                norm += g * g
            }
            if norm == 0 { break }
            // Deflected direction d = g + γ·d_prev (Camerini, Fratta & Maffioli 1975): damps the
            // zig-zag of plain subgradient steps; on the issue-size case it reaches a given
            // bound in about a third of the iterations.
            norm = 0
            for i in 0 ..< n {
                let d = cov[i] + Self.deflection * direction[i]
                direction[i] = d
                norm += d * d
            }
            if norm == 0 { break }
            let target = max(bestPickValue, state.value)
            let step = theta * max(value - target, eps) / norm
            for i in 0 ..< n {
                lambda[i] = min(inst.inc1[i], max(0, lambda[i] - step * direction[i]))
            }
            // Lagrangian heuristic during the ascent: swap search from the best feasible inner
            // selection; a better primal closes the gap from below and sharpens the Polyak target.
            if (it + 1) % Self.restartInterval == 0, let picks = bestPicks ?? boundPicks, !timeUp() {
                let kept = state
                adopt(picks)
                localSearch()
                if state.value > kept.value + eps {
                    note("subgradient-restart")
                } else {
                    state = kept
                }
                if gapClosed { break }
            }
        }
        var starts: [[Int]] = []
        for ids in [bestPicks, boundPicks].compactMap({ $0 }) where !starts.contains(ids) { starts.append(ids) }
        return starts
    }

    /// Whether new facilities `ids` satisfy budget, per-site limits and group quotas (the
    /// relaxed selections may break the constraints the bounds relax).
    private func isFeasible(_ ids: [Int]) -> Bool {
        if !inst.isCostBudget && ids.count > inst.newSlots { return false }
        var spent = 0.0
        var siteUse: [Int: Int32] = [:]
        var used = [Int](repeating: 0, count: inst.groupCount)
        for j in ids {
            spent += inst.cost[j]
            let s = Int(inst.site[j])
            siteUse[s, default: 0] += 1
            if siteUse[s, default: 0] > inst.siteCapacity[s] { return false }
            if inst.group[j] >= 0 { used[Int(inst.group[j])] += 1 }
        }
        if inst.isCostBudget && spent > inst.costBudget + 1e-9 * max(1, inst.costBudget) { return false }
        for g in 0 ..< inst.groupCount where used[g] < inst.groupMin[g] || used[g] > inst.groupMax[g] { return false }
        return true
    }

    /// Replaces the current solution by `ids` (added in the given order).
    func adopt(_ ids: [Int]) {
        let s = CoverageState(inst)
        for j in ids { s.add(j) }
        s.recomputeValue()
        state = s
    }

    // MARK: Exact search

    /// Depth-first branch and bound over the candidates, proving optimality when it finishes
    /// within `exactSearchWorkLimit`. Each node (partial set A, remaining candidates R) is
    /// pruned by the smaller of two valid bounds on every completion: the online bound
    /// `f(A) + relaxed best gains over R`, and the Lagrangian bound at the best multipliers λ*
    /// `C(λ*) + Σ_{j∈A} s_j + relaxed best s over R` (s_j = Σ_{i∈N_j} λ*_i), which costs no
    /// matrix work. At the root, Lagrangian variable fixing drops every candidate whose forced
    /// inclusion bound cannot beat the incumbent (count budgets).
    func exactSearch() {
        guard options.exactSearchWorkLimit > 0, !gapClosed, !timeUp() else { return }
        let root = CoverageState(inst)
        let haveLag = !lagrangianScores.isEmpty
        var incumbent = state.value
        func prunable(_ bound: Double) -> Bool {
            if integralObjective { return (bound + 1e-9 * max(1, abs(bound))).rounded(.down) <= incumbent + 1e-9 }
            return bound <= incumbent + eps
        }
        var order: [(Double, Int32)] = []
        for j32 in inst.candidates {
            let g = root.gain(Int(j32))
            if g > 0 || inst.hasGroupMin { order.append((haveLag ? lagrangianScores[Int(j32)] : g, j32)) }
        }
        // Lagrangian variable fixing (count budget): with V_p the relaxed best of p scores and
        // V_{p-1} = V_p − the p-th pick, forcing j outside the picks gives ≤ C + s_j + V_{p-1}.
        if haveLag && !inst.isCostBudget && !inst.hasGroupMin {
            let all = order.map(\.1)
            let vp = relaxed.best(scores: lagrangianScores, candidates: all[...], state: nil, slots: inst.newSlots,
                                  capacity: inst.costBudget)
            let picked = Set(relaxed.picks.map { $0.0 })
            let last = relaxed.picks.count == inst.newSlots ? (relaxed.picks.last.map { lagrangianScores[Int($0.0)] } ?? 0) : 0
            let vp1 = vp - last
            order = order.filter { picked.contains($0.1) || !prunable(lagrangianConstant + lagrangianScores[Int($0.1)] + vp1) }
        }
        order.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let cands = order.map(\.1)
        var incumbentSet: [Int]?
        var searchWork = 0
        var aborted = false
        let s = root
        var lagChosen = 0.0
        func dfs(_ pos: Int) {
            if aborted { return }
            exactNodes += 1
            if exactNodes & 255 == 0 && timeUp() { aborted = true; return }
            if s.deficit == 0 && s.value > incumbent + eps {
                incumbent = s.value
                incumbentSet = s.chosen
            }
            let left = inst.isCostBudget ? Int.max : inst.newSlots - s.chosen.count
            if left <= 0 || pos >= cands.count { return }
            let capacityLeft = inst.costBudget - s.costUsed
            searchWork += cands.count - pos
            if haveLag {
                let lag = lagrangianConstant + lagChosen
                    + relaxed.best(scores: lagrangianScores, candidates: cands[pos...], state: s, slots: left, capacity: capacityLeft)
                if prunable(lag) { return }
            }
            var gains = [Double](repeating: 0, count: cands.count - pos)
            for k in pos ..< cands.count {
                let j = Int(cands[k])
                let g = s.selected[j] ? 0 : s.gain(j)
                gains[k - pos] = g
                scores[j] = g
                searchWork += inst.offsets[j + 1] - inst.offsets[j] + 1
            }
            if searchWork > options.exactSearchWorkLimit { aborted = true; return }
            let bound = s.value + relaxed.best(scores: scores, candidates: cands[pos...], state: s, slots: left,
                                               capacity: capacityLeft)
            if prunable(bound) { return }
            for k in pos ..< cands.count {
                let j = Int(cands[k])
                if gains[k - pos] <= 0 && s.deficit == 0 { continue }
                guard s.canAdd(j) else { continue }
                s.add(j)
                if haveLag { lagChosen += lagrangianScores[j] }
                dfs(k + 1)
                s.remove(j)
                if haveLag { lagChosen -= lagrangianScores[j] }
                if aborted { return }
            }
        }
        dfs(0)
        work += searchWork
        if let incumbentSet, incumbent > state.value + eps {
            adopt(incumbentSet)
        }
        if !aborted {
            upperBound = max(state.value, min(upperBound, incumbent))
            boundSource = .exactSearch
        }
        note("exact")
    }
}
