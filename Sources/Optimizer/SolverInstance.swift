/// The numeric data a solve works on, after validation and optional demand merging.
/// Internal: arrays are laid out for the hot loops (struct of arrays, dense group ids).
struct SolverInstance: Sendable {
    let n: Int
    let m: Int
    let offsets: [Int]
    let indices: [Int32]
    /// Objective increment when a point's coverage count goes 0 → 1 (its weight).
    let inc1: [Double]
    /// Increment when it goes 1 → 2 (backup credit `β·w`, 0 when not flagged).
    let inc2: [Double]
    let hasBackup: Bool
    let cost: [Double]
    let site: [Int32]
    let siteCount: Int
    /// Facilities per site (CSR): `siteMembers[siteOffsets[s] ..< siteOffsets[s + 1]]`.
    let siteOffsets: [Int]
    let siteMembers: [Int32]
    /// Slots left per site for new facilities (`perSite` minus existing ones, >= 0).
    let siteCapacity: [Int32]
    /// Dense group per facility (-1 none).
    let group: [Int32]
    let groupCount: Int
    let groupMin: [Int]
    let groupMax: [Int]
    /// Group caps can enter the relaxed bounds (groups constant per site: a laminar matroid).
    let groupCapsInBounds: Bool
    let hasGroupMax: Bool
    let hasGroupMin: Bool
    let isFixed: [Bool]
    let fixed: [Int]
    /// Non-fixed facilities covering at least one point.
    let candidates: [Int32]
    let isCostBudget: Bool
    let newSlots: Int
    let costBudget: Double
    let totalWeight: Double
    /// Cheapest-cost prefix sums per group (for reserving budget to meet minimums).
    let groupCheapestPrefix: [[Double]]

    init(problem: PlacementProblem, merged: MergedDemand?) {
        let matrix = merged?.matrix ?? problem.matrix
        n = matrix.demandCount
        m = matrix.facilityCount
        offsets = matrix.offsets
        indices = matrix.indices
        let beta = problem.backup?.beta ?? 0
        if let merged {
            inc1 = merged.weights
            hasBackup = problem.backup != nil && beta > 0
            inc2 = hasBackup ? zip(merged.weights, merged.tags).map { $1 != 0 ? beta * $0 : 0 } : [Double](repeating: 0, count: n)
        } else {
            inc1 = problem.demandWeights
            hasBackup = problem.backup != nil && beta > 0
            var b = [Double](repeating: 0, count: n)
            if hasBackup, let backup = problem.backup {
                for i in backup.demandIndices { b[i] = beta * problem.demandWeights[i] }
            }
            inc2 = b
        }
        cost = problem.facilityCosts
        site = problem.siteOfFacility
        siteCount = problem.siteCount
        var so = [Int](repeating: 0, count: siteCount + 1)
        for j in 0 ..< m { so[Int(site[j]) + 1] += 1 }
        for t in 0 ..< siteCount { so[t + 1] += so[t] }
        var sfill = so
        var members = [Int32](repeating: 0, count: m)
        for j in 0 ..< m {
            members[sfill[Int(site[j])]] = Int32(j)
            sfill[Int(site[j])] += 1
        }
        siteOffsets = so
        siteMembers = members
        var isFixed = [Bool](repeating: false, count: m)
        for j in problem.fixedFacilities { isFixed[j] = true }
        self.isFixed = isFixed
        fixed = problem.fixedFacilities
        var capacity = [Int32](repeating: Int32(problem.perSite), count: siteCount)
        for j in fixed { capacity[Int(site[j])] = max(0, capacity[Int(site[j])] - 1) }
        siteCapacity = capacity
        // Dense groups.
        var denseOf: [Int32: Int32] = [:]
        var groupIDs: [Int] = []
        var group = [Int32](repeating: -1, count: m)
        if let raw = problem.groupOfFacility {
            for j in 0 ..< m where raw[j] >= 0 {
                if let d = denseOf[raw[j]] {
                    group[j] = d
                } else {
                    let d = Int32(groupIDs.count)
                    denseOf[raw[j]] = d
                    groupIDs.append(Int(raw[j]))
                    group[j] = d
                }
            }
        }
        self.group = group
        groupCount = groupIDs.count
        groupMin = groupIDs.map { problem.groupQuotas[$0]?.minimum ?? 0 }
        groupMax = groupIDs.map { problem.groupQuotas[$0]?.maximum ?? Int.max }
        hasGroupMax = groupMax.contains { $0 != Int.max }
        hasGroupMin = groupMin.contains { $0 > 0 }
        var siteGroup = [Int32](repeating: -2, count: siteCount)
        var laminar = true
        for j in 0 ..< m where !isFixed[j] {
            let s = Int(site[j])
            if siteGroup[s] == -2 { siteGroup[s] = group[j] } else if siteGroup[s] != group[j] { laminar = false }
        }
        groupCapsInBounds = laminar
        var prefix: [[Double]] = Array(repeating: [0], count: groupCount)
        if hasGroupMin {
            var costsOf: [[Double]] = Array(repeating: [], count: groupCount)
            for j in 0 ..< m where !isFixed[j] && group[j] >= 0 { costsOf[Int(group[j])].append(problem.facilityCosts[j]) }
            for g in 0 ..< groupCount {
                var acc = 0.0
                for c in costsOf[g].sorted() {
                    acc += c
                    prefix[g].append(acc)
                }
            }
        }
        groupCheapestPrefix = prefix
        var cands: [Int32] = []
        for j in 0 ..< m where !isFixed[j] && matrix.offsets[j + 1] > matrix.offsets[j] { cands.append(Int32(j)) }
        // Facilities with empty coverage are still needed when group minimums must be met.
        if hasGroupMin {
            cands = (0 ..< m).filter { !isFixed[$0] }.map { Int32($0) }
        }
        candidates = cands
        var slots = Int.max
        var capacityLeft = Double.infinity
        switch problem.budget {
        case .count(let p):
            slots = problem.fixedCountTowardBudget ? p - fixed.count : p
        case .cost(let c):
            capacityLeft = problem.fixedCountTowardBudget ? max(0, c - fixed.reduce(0.0) { $0 + problem.facilityCosts[$1] }) : c
        }
        isCostBudget = capacityLeft.isFinite
        newSlots = slots
        costBudget = capacityLeft
        totalWeight = problem.demandWeights.reduce(0, +)
    }

    @inline(__always)
    func coverRange(_ j: Int) -> Range<Int> { offsets[j] ..< offsets[j + 1] }
}
