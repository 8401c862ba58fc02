import Optimizer
import SeededRandom

enum Variant: CaseIterable, Sendable {
    case plain, perSite, fixed, fixedInBudget, cost, groups, backup, everything
}

/// A small random instance of the given variant, plus its brute-force optimum.
struct SmallInstance {
    let problem: PlacementProblem
    let coverage: [[Int]]
    let weights: [Double]

    static func make(seed: UInt64, variant: Variant, facilities m: Int = 12, demand n: Int = 30) throws -> SmallInstance {
        var rng = SplitMix64(seed: seed)
        let density = Double.random(in: 0.08 ... 0.3, using: &rng)
        var coverage: [[Int]] = []
        for _ in 0 ..< m {
            var list: [Int] = []
            for i in 0 ..< n where Double.random(in: 0 ..< 1, using: &rng) < density { list.append(i) }
            coverage.append(list)
        }
        // Integer weights make ties (and so tie-breaking) common.
        let weights = (0 ..< n).map { _ in Double(Int.random(in: 0 ... 9, using: &rng)) }
        let matrix = try CoverageMatrix(demandCount: n, coverage: coverage)
        let p = Int.random(in: 3 ... 4, using: &rng)
        var sites: [Int]?
        var perSite = 1
        var groups: [Int]?
        var quotas: [Int: PlacementProblem.GroupQuota] = [:]
        var fixed: [Int] = []
        var budget = PlacementProblem.Budget.count(p)
        var costs: [Double]?
        var fixedInBudget = false
        var backup: PlacementProblem.BackupCoverage?
        let wantSites = [.perSite, .groups, .everything].contains(variant)
        if wantSites {
            sites = (0 ..< m).map { $0 / 2 }
            perSite = variant == .everything ? 2 : 1
            if variant == .everything { sites = (0 ..< m).map { $0 / 3 } }
        }
        if [.fixed, .fixedInBudget, .everything].contains(variant) {
            fixed = [Int.random(in: 0 ..< m, using: &rng)]
            if variant != .everything { fixed.append(Int.random(in: 0 ..< m, using: &rng)) }
        }
        if variant == .fixedInBudget {
            fixedInBudget = true
            budget = .count(p + 1)
        }
        if variant == .cost || variant == .everything {
            costs = (0 ..< m).map { _ in Double(Int.random(in: 1 ... 5, using: &rng)) }
            budget = .cost(Double(Int.random(in: 5 ... 10, using: &rng)))
        }
        if variant == .groups || variant == .everything {
            let siteOf = sites ?? Array(0 ..< m)
            groups = siteOf.map { $0 % 3 }
            quotas[0] = try .init(minimum: 1)
            quotas[1] = try .init(minimum: 0, maximum: 1)
        }
        if variant == .backup || variant == .everything {
            let flagged = (0 ..< n).filter { _ in Bool.random(using: &rng) }
            backup = try .init(beta: Double.random(in: 0.2 ... 1, using: &rng), demandIndices: flagged)
        }
        let problem = try PlacementProblem(
            matrix: matrix, demandWeights: weights, facilityCosts: costs, siteOfFacility: sites, perSite: perSite,
            groupOfFacility: groups, groupQuotas: quotas, fixedFacilities: fixed, budget: budget,
            fixedCountTowardBudget: fixedInBudget, backup: backup)
        return SmallInstance(problem: problem, coverage: coverage, weights: weights)
    }
}

/// Objective of a full selection (existing + new) by direct counting.
func objective(of selection: [Int], in problem: PlacementProblem) -> Double {
    var count = [Int](repeating: 0, count: problem.matrix.demandCount)
    for j in selection { for i in problem.matrix.covered(by: j) { count[Int(i)] += 1 } }
    var flagged = Set<Int>()
    if let b = problem.backup { flagged = Set(b.demandIndices) }
    var v = 0.0
    for i in 0 ..< count.count {
        if count[i] >= 1 { v += problem.demandWeights[i] }
        if count[i] >= 2 && flagged.contains(i) { v += (problem.backup?.beta ?? 0) * problem.demandWeights[i] }
    }
    return v
}

/// Whether `new` (non-existing facilities) satisfies every constraint of `problem`.
func isFeasible(new: [Int], in problem: PlacementProblem) -> Bool {
    let fixed = Set(problem.fixedFacilities)
    if new.contains(where: { fixed.contains($0) }) || Set(new).count != new.count { return false }
    switch problem.budget {
    case .count(let p):
        if new.count > (problem.fixedCountTowardBudget ? p - fixed.count : p) { return false }
    case .cost(let c):
        let spent = new.reduce(0.0) { $0 + problem.facilityCosts[$1] }
            + (problem.fixedCountTowardBudget ? fixed.reduce(0.0) { $0 + problem.facilityCosts[$1] } : 0)
        if spent > c + 1e-9 { return false }
    }
    var perSite: [Int32: Int] = [:]
    for j in problem.fixedFacilities { perSite[problem.siteOfFacility[j], default: 0] += 1 }
    var atSiteNew: [Int32: Int] = [:]
    for j in new { atSiteNew[problem.siteOfFacility[j], default: 0] += 1 }
    for (s, k) in atSiteNew where k + (perSite[s] ?? 0) > problem.perSite { return false }
    if let groups = problem.groupOfFacility {
        var used: [Int: Int] = [:]
        for j in new where groups[j] >= 0 { used[Int(groups[j]), default: 0] += 1 }
        for (g, q) in problem.groupQuotas {
            let u = used[g] ?? 0
            if u < q.minimum { return false }
            if let mx = q.maximum, u > mx { return false }
        }
    }
    return true
}

/// Brute-force optimum over every subset of non-existing facilities (small m only).
func bruteForceOptimum(_ problem: PlacementProblem) -> Double {
    let m = problem.matrix.facilityCount
    let fixed = Set(problem.fixedFacilities)
    let free = (0 ..< m).filter { !fixed.contains($0) }
    var best = -Double.infinity
    for mask in 0 ..< (1 << free.count) {
        var new: [Int] = []
        for (b, j) in free.enumerated() where mask & (1 << b) != 0 { new.append(j) }
        guard isFeasible(new: new, in: problem) else { continue }
        best = max(best, objective(of: problem.fixedFacilities + new, in: problem))
    }
    return best
}
