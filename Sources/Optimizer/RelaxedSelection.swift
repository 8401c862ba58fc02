/// Solves the relaxed selection inside the upper bounds: pick facilities maximising a sum of
/// non-negative scores subject to the budget, the per-site limits and (when groups are constant
/// per site, so the constraints form a laminar matroid on which greedy is exact) the group
/// maximums. Group minimums are dropped (a relaxation). For cost budgets it is the fractional
/// knapsack (LP relaxation), ignoring per-site limits (a relaxation). Every value it returns is
/// therefore at least the best score sum of any feasible completion: the bounds stay valid.
/// Internal, with reusable scratch buffers (no per-call allocation after warm-up).
final class RelaxedSelection {
    let inst: SolverInstance
    private var siteTaken: [Int32]
    private var siteBest: [Double]
    private var groupTaken: [Int]
    private var buffer: [(Double, Int32)] = []
    private var heap: [Double] = []
    private var touchedSites: [Int32] = []
    /// Picks of the last call with their fractions (1 except possibly one for cost budgets).
    var picks: [(Int32, Double)] = []

    init(_ inst: SolverInstance) {
        self.inst = inst
        siteTaken = [Int32](repeating: 0, count: inst.siteCount)
        siteBest = [Double](repeating: -1, count: inst.siteCount)
        groupTaken = [Int](repeating: 0, count: inst.groupCount)
    }

    /// Best relaxed score sum over `candidates`, given `state`'s existing use of sites/groups
    /// (nil = nothing used), `slots` new facilities (count budget) or `capacity` (cost budget).
    /// `countOnly` forces the count form (top `slots` under the per-site and group caps).
    func best(scores: [Double], candidates: ArraySlice<Int32>, state: CoverageState?, slots: Int, capacity: Double,
              countOnly: Bool = false) -> Double {
        picks.removeAll(keepingCapacity: true)
        if inst.isCostBudget && !countOnly { return knapsack(scores: scores, candidates: candidates, capacity: capacity) }
        guard slots > 0 else { return 0 }
        // Threshold: the slots-th largest per-site maximum; items below it can enter only when
        // group caps block others (then the full pass below runs).
        touchedSites.removeAll(keepingCapacity: true)
        var best = siteBest
        siteBest = []
        var touched = touchedSites
        touchedSites = []
        let siteUsed = state?.siteUsed
        scores.withUnsafeBufferPointer { sc in
            inst.site.withUnsafeBufferPointer { site in
                inst.siteCapacity.withUnsafeBufferPointer { cap in
                    best.withUnsafeMutableBufferPointer { b in
                        for j32 in candidates {
                            let j = Int(j32)
                            let v = sc[j]
                            guard v > 0 else { continue }
                            let s = Int(site[j])
                            if let siteUsed, siteUsed[s] >= cap[s] { continue }
                            if siteUsed == nil && cap[s] <= 0 { continue }
                            if b[s] < 0 { touched.append(Int32(s)) }
                            if v > b[s] { b[s] = v }
                        }
                    }
                }
            }
        }
        siteBest = best
        touchedSites = touched
        var tau = 0.0
        if touchedSites.count > slots {
            heap.removeAll(keepingCapacity: true)
            for s in touchedSites {
                let v = siteBest[Int(s)]
                if heap.count < slots {
                    heapPush(v)
                } else if v > heap[0] {
                    heap[0] = v
                    siftDown(0)
                }
            }
            tau = heap[0]
        }
        for s in touchedSites { siteBest[Int(s)] = -1 }
        var result = scan(scores: scores, candidates: candidates, state: state, slots: slots, threshold: tau)
        if picks.count < slots && tau > 0 {
            picks.removeAll(keepingCapacity: true)
            result = scan(scores: scores, candidates: candidates, state: state, slots: slots, threshold: 0)
        }
        return result
    }

    private func scan(scores: [Double], candidates: ArraySlice<Int32>, state: CoverageState?, slots: Int, threshold: Double) -> Double {
        buffer.removeAll(keepingCapacity: true)
        for j32 in candidates {
            let v = scores[Int(j32)]
            if v > 0 && v >= threshold { buffer.append((v, j32)) }
        }
        buffer.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let useGroups = inst.hasGroupMax && inst.groupCapsInBounds
        var total = 0.0
        for (v, j32) in buffer {
            let j = Int(j32)
            let s = Int(inst.site[j])
            let used = (state?.siteUsed[s] ?? 0) + siteTaken[s]
            if used >= inst.siteCapacity[s] { continue }
            let g = Int(inst.group[j])
            if useGroups && g >= 0 && (state?.groupUsed[g] ?? 0) + groupTaken[g] >= inst.groupMax[g] { continue }
            siteTaken[s] += 1
            if useGroups && g >= 0 { groupTaken[g] += 1 }
            picks.append((j32, 1))
            total += v
            if picks.count == slots { break }
        }
        for (j32, _) in picks {
            let j = Int(j32)
            siteTaken[Int(inst.site[j])] = 0
            let g = Int(inst.group[j])
            if g >= 0 { groupTaken[g] = 0 }
        }
        return total
    }

    private func knapsack(scores: [Double], candidates: ArraySlice<Int32>, capacity: Double) -> Double {
        buffer.removeAll(keepingCapacity: true)
        var total = 0.0
        for j32 in candidates {
            let j = Int(j32)
            let v = scores[j]
            guard v > 0 else { continue }
            let c = inst.cost[j]
            if c <= 0 {
                total += v
                picks.append((j32, 1))
            } else {
                buffer.append((v / c, j32))
            }
        }
        buffer.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        var left = capacity
        for (_, j32) in buffer {
            guard left > 0 else { break }
            let j = Int(j32)
            let c = inst.cost[j]
            if c <= left {
                total += scores[j]
                left -= c
                picks.append((j32, 1))
            } else {
                let f = left / c
                total += scores[j] * f
                picks.append((j32, f))
                left = 0
            }
        }
        return total
    }

    private func heapPush(_ v: Double) {
        heap.append(v)
        var k = heap.count - 1
        while k > 0 {
            let p = (k - 1) / 2
            if heap[p] <= heap[k] { break }
            heap.swapAt(p, k)
            k = p
        }
    }

    private func siftDown(_ start: Int) {
        var k = start
        let n = heap.count
        while true {
            let l = 2 * k + 1, r = l + 1
            var m = k
            if l < n && heap[l] < heap[m] { m = l }
            if r < n && heap[r] < heap[m] { m = r }
            if m == k { return }
            heap.swapAt(k, m)
            k = m
        }
    }
}
