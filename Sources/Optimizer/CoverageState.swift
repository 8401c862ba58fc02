/// A selection with its coverage counts per demand point, updated incrementally.
///
/// `ownerSum[i]` is the sum of the selected facility ids covering `i` (so when the count is 1
/// it *is* the covering facility); with backup coverage `ownerSquares[i]` (sum of squares)
/// recovers both owners when the count is 2. Internal and single-threaded.
final class CoverageState {
    let inst: SolverInstance
    var count: [Int32]
    var ownerSum: [Int64]
    var ownerSquares: [Int64]
    var selected: [Bool]
    /// New facilities in the order they were added.
    var chosen: [Int] = []
    var siteUsed: [Int32]
    var groupUsed: [Int]
    var costUsed = 0.0
    var value = 0.0
    /// Σ_g max(0, min_g − used_g).
    var deficit = 0
    /// Facilities `canAdd` refuses (the iterated local search bans what it just removed).
    var banned: [Bool]

    init(_ inst: SolverInstance) {
        self.inst = inst
        count = [Int32](repeating: 0, count: inst.n)
        ownerSum = [Int64](repeating: 0, count: inst.n)
        ownerSquares = inst.hasBackup ? [Int64](repeating: 0, count: inst.n) : []
        selected = [Bool](repeating: false, count: inst.m)
        siteUsed = [Int32](repeating: 0, count: inst.siteCount)
        groupUsed = [Int](repeating: 0, count: inst.groupCount)
        deficit = inst.groupMin.reduce(0, +)
        banned = [Bool](repeating: false, count: inst.m)
        for j in inst.fixed { cover(j) }
    }

    /// Objective gain of adding `j`.
    @inline(__always)
    func gain(_ j: Int) -> Double {
        var g = 0.0
        let lo = inst.offsets[j], hi = inst.offsets[j + 1]
        inst.indices.withUnsafeBufferPointer { idx in
            count.withUnsafeBufferPointer { cnt in
                inst.inc1.withUnsafeBufferPointer { w1 in
                    if inst.hasBackup {
                        inst.inc2.withUnsafeBufferPointer { w2 in
                            for k in lo ..< hi {
                                let i = Int(idx[k])
                                let c = cnt[i]
                                if c == 0 { g += w1[i] } else if c == 1 { g += w2[i] }
                            }
                        }
                    } else {
                        for k in lo ..< hi {
                            let i = Int(idx[k])
                            if cnt[i] == 0 { g += w1[i] }
                        }
                    }
                }
            }
        }
        return g
    }

    /// For adding `j`: its gain, and for each selected new facility `o` that covers some of
    /// `j`'s points alone (or, with backup credit, as one of two), the weight `j` would take
    /// over from it, added to `extra[o]`; each such `o` is marked and listed once in `touched`.
    /// The swap search's inner loop: O(|cov(j)|), on raw buffers.
    func swapGain(_ j: Int, extra: inout [Double], mark: inout [Bool], touched: inout [Int]) -> Double {
        var g = 0.0
        let lo = inst.offsets[j], hi = inst.offsets[j + 1]
        let hasBackup = inst.hasBackup
        count.withUnsafeBufferPointer { cnt in
            ownerSum.withUnsafeBufferPointer { own in
                inst.indices.withUnsafeBufferPointer { idx in
                    inst.inc1.withUnsafeBufferPointer { w1 in
                        inst.inc2.withUnsafeBufferPointer { w2 in
                            inst.isFixed.withUnsafeBufferPointer { fixed in
                                mark.withUnsafeMutableBufferPointer { mk in
                                    extra.withUnsafeMutableBufferPointer { ex in
                                        for k in lo ..< hi {
                                            let i = Int(idx[k])
                                            let c = cnt[i]
                                            if c == 0 {
                                                g += w1[i]
                                            } else if c == 1 {
                                                g += w2[i]
                                                let o = Int(own[i])
                                                if !fixed[o] {
                                                    if !mk[o] { mk[o] = true; touched.append(o) }
                                                    ex[o] += w1[i] - w2[i]
                                                }
                                            } else if c == 2 && hasBackup && w2[i] > 0 {
                                                let (a, b) = twoOwners(i)
                                                if !fixed[a] {
                                                    if !mk[a] { mk[a] = true; touched.append(a) }
                                                    ex[a] += w2[i]
                                                }
                                                if !fixed[b] {
                                                    if !mk[b] { mk[b] = true; touched.append(b) }
                                                    ex[b] += w2[i]
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return g
    }

    /// Objective lost by removing selected `j`.
    func loss(_ j: Int) -> Double {
        var l = 0.0
        for k in inst.coverRange(j) {
            let i = Int(inst.indices[k])
            let c = count[i]
            if c == 1 { l += inst.inc1[i] } else if c == 2 { l += inst.inc2[i] }
        }
        return l
    }

    private func cover(_ j: Int) {
        selected[j] = true
        let id = Int64(j)
        for k in inst.coverRange(j) {
            let i = Int(inst.indices[k])
            let c = count[i]
            if c == 0 { value += inst.inc1[i] } else if c == 1 { value += inst.inc2[i] }
            count[i] = c + 1
            ownerSum[i] += id
            if inst.hasBackup { ownerSquares[i] += id * id }
        }
    }

    private func uncover(_ j: Int) {
        selected[j] = false
        let id = Int64(j)
        for k in inst.coverRange(j) {
            let i = Int(inst.indices[k])
            let c = count[i]
            if c == 1 { value -= inst.inc1[i] } else if c == 2 { value -= inst.inc2[i] }
            count[i] = c - 1
            ownerSum[i] -= id
            if inst.hasBackup { ownerSquares[i] -= id * id }
        }
    }

    /// Adds new facility `j` (bookkeeping of site, group, cost and order).
    func add(_ j: Int) {
        cover(j)
        chosen.append(j)
        siteUsed[Int(inst.site[j])] += 1
        let g = Int(inst.group[j])
        if g >= 0 {
            if groupUsed[g] < inst.groupMin[g] { deficit -= 1 }
            groupUsed[g] += 1
        }
        costUsed += inst.cost[j]
    }

    /// Removes new facility `j`.
    func remove(_ j: Int) {
        uncover(j)
        if let p = chosen.firstIndex(of: j) { chosen.remove(at: p) }
        siteUsed[Int(inst.site[j])] -= 1
        let g = Int(inst.group[j])
        if g >= 0 {
            groupUsed[g] -= 1
            if groupUsed[g] < inst.groupMin[g] { deficit += 1 }
        }
        costUsed -= inst.cost[j]
    }

    /// Replaces `out` by `inn` keeping `inn` at `out`'s place in the order.
    func swap(out: Int, inn: Int) {
        let p = chosen.firstIndex(of: out) ?? chosen.count
        remove(out)
        add(inn)
        chosen.removeLast()
        chosen.insert(inn, at: min(p, chosen.count))
    }

    /// Budget reserve (cost) still needed to meet the group minimums, cheapest facilities first.
    func reserveCost(excludingGroup g: Int, by amount: Int) -> Double {
        guard inst.hasGroupMin else { return 0 }
        var r = 0.0
        for h in 0 ..< inst.groupCount {
            var d = max(0, inst.groupMin[h] - groupUsed[h])
            if h == g { d = max(0, d - amount) }
            if d > 0 { r += inst.groupCheapestPrefix[h][min(d, inst.groupCheapestPrefix[h].count - 1)] }
        }
        return r
    }

    /// Whether new facility `j` can be added now, keeping room to meet the group minimums.
    func canAdd(_ j: Int) -> Bool {
        if selected[j] || inst.isFixed[j] || banned[j] { return false }
        if siteUsed[Int(inst.site[j])] >= inst.siteCapacity[Int(inst.site[j])] { return false }
        let g = Int(inst.group[j])
        var deficitAfter = deficit
        if g >= 0 {
            if groupUsed[g] >= inst.groupMax[g] { return false }
            if groupUsed[g] < inst.groupMin[g] { deficitAfter -= 1 }
        }
        if inst.isCostBudget {
            let left = inst.costBudget - costUsed - inst.cost[j]
            if left < -1e-9 * max(1, inst.costBudget) { return false }
            if inst.hasGroupMin && left + 1e-9 * max(1, inst.costBudget) < reserveCost(excludingGroup: g, by: 1) { return false }
        } else {
            if chosen.count + 1 + deficitAfter > inst.newSlots { return false }
        }
        return true
    }

    /// Whether swapping selected new `out` for `inn` keeps every constraint.
    @inline(__always)
    func canSwap(out: Int, inn: Int) -> Bool {
        let si = Int(inst.site[inn])
        if si != Int(inst.site[out]) && siteUsed[si] >= inst.siteCapacity[si] { return false }
        let gi = Int(inst.group[inn]), go = Int(inst.group[out])
        if gi != go {
            if gi >= 0 && groupUsed[gi] >= inst.groupMax[gi] { return false }
            if go >= 0 && groupUsed[go] <= inst.groupMin[go] { return false }
        }
        if inst.isCostBudget && costUsed - inst.cost[out] + inst.cost[inn] > inst.costBudget + 1e-9 * max(1, inst.costBudget) {
            return false
        }
        return true
    }

    /// Recomputes the value from the counts (removes floating drift of incremental updates).
    func recomputeValue() {
        var v = 0.0
        for i in 0 ..< inst.n {
            let c = count[i]
            if c >= 1 { v += inst.inc1[i] }
            if c >= 2 { v += inst.inc2[i] }
        }
        value = v
    }

    /// Both owners of a point covered exactly twice (needs backup bookkeeping).
    @inline(__always)
    func twoOwners(_ i: Int) -> (Int, Int) {
        let s = ownerSum[i], q = ownerSquares[i]
        let d2 = 2 * q - s * s
        var d = Int64(Double(d2).squareRoot().rounded())
        while d * d > d2 { d -= 1 }
        while (d + 1) * (d + 1) <= d2 { d += 1 }
        return (Int((s - d) / 2), Int((s + d) / 2))
    }
}
