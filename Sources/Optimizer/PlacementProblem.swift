/// A maximal covering location problem (MCLP, Church & ReVelle 1974) over a sparse coverage
/// matrix, with the side constraints of camera planning.
///
/// A *facility* is one camera choice (a site with a heading and a camera type); a *site* holds
/// several facilities of which at most ``perSite`` may be selected. Existing cameras are
/// *fixed* facilities: always in the solution, counted in the coverage, never removed.
///
/// Model (binary `y_j` per facility, `x_i` per demand point):
/// `max Σ_i w_i x_i (+ β Σ_{i∈B} w_i x2_i)` subject to `x_i ≤ Σ_{j∈N_i} y_j`, the budget,
/// `Σ_{j∈site s} y_j ≤ perSite`, and per-group minimum/maximum counts of *new* facilities.
///
/// Budget conventions (documented choice): by default fixed (existing) facilities do **not**
/// consume the budget, so `.count(p)` means `p` new cameras on top of the existing ones and
/// `.cost(C)` means `C` to spend on new cameras. With `fixedCountTowardBudget == true` the
/// budget covers the existing cameras too (`p` cameras in all, or `C` including their cost),
/// and a budget below the existing cameras is an error. Fixed facilities occupy slots of their
/// site: a site whose existing cameras fill `perSite` slots takes no new camera.
public struct PlacementProblem: Sendable {
    /// How much may be spent on new facilities.
    public enum Budget: Sendable, Equatable {
        /// A number of facilities.
        case count(Int)
        /// A total cost, in the unit of ``PlacementProblem/facilityCosts``.
        case cost(Double)
    }

    /// Minimum and maximum numbers of *new* facilities in one group (e.g. a ward).
    public struct GroupQuota: Sendable, Equatable {
        /// At least this many new facilities in the group.
        public let minimum: Int
        /// `nil` means no maximum.
        public let maximum: Int?

        /// - Throws: ``OptimizerError/invalidProblem(_:)`` when `minimum < 0` or `maximum < minimum`.
        public init(minimum: Int = 0, maximum: Int? = nil) throws {
            guard minimum >= 0 else {
                throw OptimizerError.invalidProblem("group quota minimum must be >= 0, got \(minimum)")
            }
            if let maximum, maximum < minimum {
                throw OptimizerError.invalidProblem("group quota maximum \(maximum) is below its minimum \(minimum)")
            }
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// Backup coverage (BCLP-style, Hogan & ReVelle 1986): a flagged demand point seen by at least
    /// two selected facilities earns `beta · w_i` on top of `w_i`.
    public struct BackupCoverage: Sendable, Equatable {
        /// Extra credit factor in `0...1` (at most 1 keeps the objective submodular, so the
        /// greedy guarantee and every bound stay valid).
        public let beta: Double
        /// Demand indices that earn backup credit (e.g. the hottest cells).
        public let demandIndices: [Int]

        /// - Throws: ``OptimizerError/invalidProblem(_:)`` when `beta` is outside `0...1`.
        public init(beta: Double, demandIndices: [Int]) throws {
            guard beta.isFinite, beta >= 0, beta <= 1 else {
                throw OptimizerError.invalidProblem("backup beta must be in 0...1, got \(beta)")
            }
            self.beta = beta
            self.demandIndices = demandIndices
        }
    }

    /// Coverage by facility (CSR): which demand points each facility covers.
    public let matrix: CoverageMatrix
    /// Weight per demand point (finite, >= 0).
    public let demandWeights: [Double]
    /// Cost per facility (finite, >= 0).
    public let facilityCosts: [Double]
    /// Site index per facility, in `0..<siteCount`.
    public let siteOfFacility: [Int32]
    /// `max(site index) + 1` (site indices should be dense).
    public let siteCount: Int
    /// At most this many selected facilities per site (existing ones included).
    public let perSite: Int
    /// Group index per facility (`-1` = no group), or `nil` when groups are not used.
    public let groupOfFacility: [Int32]?
    /// Quota per group index.
    public let groupQuotas: [Int: GroupQuota]
    /// Existing facilities (sorted, unique).
    public let fixedFacilities: [Int]
    /// Count or cost budget for new facilities (see the budget conventions above).
    public let budget: Budget
    /// Whether fixed facilities consume the budget (default `false`).
    public let fixedCountTowardBudget: Bool
    /// Optional backup-coverage credit.
    public let backup: BackupCoverage?

    /// Validates and stores a problem.
    ///
    /// - Parameters:
    ///   - matrix: coverage by facility (CSR).
    ///   - demandWeights: one finite weight >= 0 per demand point.
    ///   - facilityCosts: one finite cost >= 0 per facility; `nil` = cost 1 each.
    ///   - siteOfFacility: site index per facility; `nil` = each facility is its own site.
    ///   - perSite: maximum selected facilities per site (>= 1).
    ///   - groupOfFacility: group index per facility (`-1` for none), needed for quotas.
    ///   - groupQuotas: min/max new facilities per group index.
    ///   - fixedFacilities: existing cameras (facility indices).
    ///   - budget: count or cost budget, see the type's budget conventions.
    ///   - fixedCountTowardBudget: whether existing cameras consume the budget.
    ///   - backup: optional backup-coverage credit.
    ///   - groupNames: the name of each group index (a district), for messages.
    /// - Throws: ``OptimizerError/invalidProblem(_:)`` naming the offending value: wrong array
    ///   length, NaN/negative weight or cost, budget below the existing cameras, infeasible quotas.
    public init(
        matrix: CoverageMatrix,
        demandWeights: [Double],
        facilityCosts: [Double]? = nil,
        siteOfFacility: [Int]? = nil,
        perSite: Int = 1,
        groupOfFacility: [Int]? = nil,
        groupQuotas: [Int: GroupQuota] = [:],
        fixedFacilities: [Int] = [],
        budget: Budget,
        fixedCountTowardBudget: Bool = false,
        backup: BackupCoverage? = nil,
        groupNames: [String] = []
    ) throws {
        let m = matrix.facilityCount
        let n = matrix.demandCount
        guard demandWeights.count == n else {
            throw OptimizerError.invalidProblem("\(demandWeights.count) demand weights for \(n) demand points")
        }
        for (i, w) in demandWeights.enumerated() where !(w.isFinite && w >= 0) {
            throw OptimizerError.invalidProblem("demand weight \(i) is \(w); weights must be finite and >= 0")
        }
        let costs = facilityCosts ?? Array(repeating: 1, count: m)
        guard costs.count == m else {
            throw OptimizerError.invalidProblem("\(costs.count) facility costs for \(m) facilities")
        }
        for (j, c) in costs.enumerated() where !(c.isFinite && c >= 0) {
            throw OptimizerError.invalidProblem("facility \(j) has cost \(c); costs must be finite and >= 0")
        }
        let sites = siteOfFacility ?? Array(0 ..< m)
        guard sites.count == m else {
            throw OptimizerError.invalidProblem("\(sites.count) site indices for \(m) facilities")
        }
        if let bad = sites.firstIndex(where: { $0 < 0 || $0 > Int(Int32.max) }) {
            throw OptimizerError.invalidProblem("facility \(bad) has site index \(sites[bad]); site indices must be >= 0")
        }
        guard perSite >= 1 else {
            throw OptimizerError.invalidProblem("per-site limit must be >= 1, got \(perSite)")
        }
        if let groupOfFacility {
            guard groupOfFacility.count == m else {
                throw OptimizerError.invalidProblem("\(groupOfFacility.count) group indices for \(m) facilities")
            }
            if let bad = groupOfFacility.firstIndex(where: { $0 < -1 || $0 > Int(Int32.max) }) {
                throw OptimizerError.invalidProblem("facility \(bad) has group index \(groupOfFacility[bad]); use -1 for none")
            }
        } else if !groupQuotas.isEmpty {
            throw OptimizerError.invalidProblem("group quotas given but no group per facility")
        }
        let fixed = Array(Set(fixedFacilities)).sorted()
        if let bad = fixed.first(where: { $0 < 0 || $0 >= m }) {
            throw OptimizerError.invalidProblem("existing facility \(bad) is outside 0..<\(m)")
        }
        if let backup {
            if let bad = backup.demandIndices.first(where: { $0 < 0 || $0 >= n }) {
                throw OptimizerError.invalidProblem("backup demand index \(bad) is outside 0..<\(n)")
            }
        }
        // Budget against the existing cameras.
        var newSlots = Int.max
        var newCost = Double.infinity
        switch budget {
        case .count(let p):
            guard p >= 0 else { throw OptimizerError.invalidProblem("budget must be >= 0 cameras, got \(p)") }
            if fixedCountTowardBudget {
                guard p >= fixed.count else {
                    throw OptimizerError.invalidProblem(
                        "budget of \(p) cameras is below the \(fixed.count) existing cameras that count toward it")
                }
                newSlots = p - fixed.count
            } else {
                newSlots = p
            }
        case .cost(let c):
            guard c.isFinite, c >= 0 else {
                throw OptimizerError.invalidProblem("cost budget must be finite and >= 0, got \(c)")
            }
            if fixedCountTowardBudget {
                let fixedCost = fixed.reduce(0.0) { $0 + costs[$1] }
                guard c + 1e-9 * max(1, c) >= fixedCost else {
                    throw OptimizerError.invalidProblem(
                        "cost budget \(c) is below the \(fixedCost) cost of the existing cameras that count toward it")
                }
                newCost = max(0, c - fixedCost)
            } else {
                newCost = c
            }
            // A budget that buys nothing is a mistake (units: million VND vs VND), not a plan
            // of zero cameras.
            let fixedSet = Set(fixed)
            if let cheapest = costs.indices.filter({ !fixedSet.contains($0) }).map({ costs[$0] }).min(),
               newCost + 1e-9 * max(1, newCost) < cheapest {
                throw OptimizerError.invalidProblem(
                    "cost budget \(c) leaves \(newCost) for new cameras, less than the cheapest candidate camera (\(cheapest)): no camera could be placed; check the budget's unit (the catalog's cost unit)")
            }
        }
        // Group quotas: simple necessary conditions for feasibility.
        if let groupOfFacility, !groupQuotas.isEmpty {
            var minTotal = 0
            var minCost = 0.0
            let isFixed = Set(fixed)
            var membersOf: [Int: [Int]] = [:]
            for j in 0 ..< m where groupQuotas[groupOfFacility[j]] != nil && !isFixed.contains(j) {
                membersOf[groupOfFacility[j], default: []].append(j)
            }
            for (g, quota) in groupQuotas.sorted(by: { $0.key < $1.key }) where quota.minimum > 0 {
                let members = membersOf[g] ?? []
                // Distinct sites bound the number of new facilities too.
                var perSiteCount: [Int: Int] = [:]
                for j in members { perSiteCount[sites[j], default: 0] += 1 }
                let available = perSiteCount.values.reduce(0) { $0 + min($1, perSite) }
                guard available >= quota.minimum else {
                    throw OptimizerError.invalidProblem(
                        "\(groupNames.indices.contains(g) ? "'\(groupNames[g])'" : "group \(g)") needs at least \(quota.minimum) new cameras but has only \(available) candidate slots")
                }
                minTotal += quota.minimum
                let cheapest = members.map { costs[$0] }.sorted().prefix(quota.minimum)
                minCost += cheapest.reduce(0, +)
            }
            if minTotal > newSlots {
                throw OptimizerError.invalidProblem(
                    "group minimums ask for \(minTotal) new cameras but the budget allows \(newSlots)")
            }
            if minCost > newCost + 1e-9 * max(1, newCost) {
                throw OptimizerError.invalidProblem(
                    "group minimums cost at least \(minCost) but the budget for new cameras is \(newCost)")
            }
        }
        self.matrix = matrix
        self.demandWeights = demandWeights
        self.facilityCosts = costs
        self.siteOfFacility = sites.map { Int32($0) }
        self.siteCount = (sites.max() ?? -1) + 1
        self.perSite = perSite
        self.groupOfFacility = groupOfFacility.map { $0.map { Int32($0) } }
        self.groupQuotas = groupQuotas
        self.fixedFacilities = fixed
        self.budget = budget
        self.fixedCountTowardBudget = fixedCountTowardBudget
        self.backup = backup
    }

    /// Total demand weight `Σ w_i`.
    public var totalWeight: Double { demandWeights.reduce(0, +) }
}
