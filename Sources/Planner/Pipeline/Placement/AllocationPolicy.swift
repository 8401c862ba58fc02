import Foundation
import Optimizer

/// What an allocation policy sees: the groups, the demand of each, how many new cameras each
/// can usefully take, and the budget.
struct AllocationContext {
    var groups: WardGroups
    /// Weighted demand inside each group.
    var demandOfGroup: [Double]
    /// Candidate sites in each group where a new camera covers something.
    var usefulSitesOfGroup: [Int]
    var perSite: Int
    var budget: PlacementProblem.Budget
}

/// How new cameras are shared between groups: minimum and maximum new cameras per group
/// index for the problem. `allocation:` picks one (``GroupAllocation/policy``); explicit
/// `group_quotas:` are one too, and a policy's quotas replace them group by group.
protocol AllocationPolicy {
    func quotas(_ context: AllocationContext) throws -> [Int: PlacementProblem.GroupQuota]
}

extension GroupAllocation {
    var policy: any AllocationPolicy {
        switch self {
        case .free: FreeAllocation()
        case .equalByGroup: EqualByGroupAllocation()
        }
    }
}

/// `allocation: free`: no quota; cameras go where they cover most.
struct FreeAllocation: AllocationPolicy {
    func quotas(_ context: AllocationContext) throws -> [Int: PlacementProblem.GroupQuota] { [:] }
}

/// `group_quotas:`: the minimum and/or maximum the scenario gives per group name.
struct GroupQuotaAllocation: AllocationPolicy {
    var quotas: [String: GroupQuota]

    func quotas(_ context: AllocationContext) throws -> [Int: PlacementProblem.GroupQuota] {
        var out: [Int: PlacementProblem.GroupQuota] = [:]
        for (name, q) in quotas {
            guard let g = context.groups.index(of: name) else {
                throw PlannerError.invalidConfiguration(
                    "group quota for '\(name)', which is not a group; groups are: \(context.groups.names.joined(separator: ", "))")
            }
            out[g] = try PlacementProblem.GroupQuota(minimum: q.min ?? 0, maximum: q.max)
        }
        return out
    }
}

/// `allocation: equal_by_group`: every group gets the same number of new cameras, the
/// remainder one each to the groups with most demand; a group with fewer useful sites than
/// its share gets what it can take.
struct EqualByGroupAllocation: AllocationPolicy {
    func quotas(_ c: AllocationContext) throws -> [Int: PlacementProblem.GroupQuota] {
        guard case .count(let p) = c.budget else {
            throw PlannerError.invalidConfiguration("allocation equal_by_group needs a camera-count budget")
        }
        let count = c.groups.names.count
        let base = p / count, extra = p % count
        let order = (0 ..< count).sorted {
            c.demandOfGroup[$0] != c.demandOfGroup[$1] ? c.demandOfGroup[$0] > c.demandOfGroup[$1] : $0 < $1
        }
        var out: [Int: PlacementProblem.GroupQuota] = [:]
        for (rank, g) in order.enumerated() {
            let n = base + (rank < extra ? 1 : 0)
            // Exactly the share, unless the group has fewer useful sites than that.
            let floor = min(n, c.usefulSitesOfGroup[g] * c.perSite)
            out[g] = try PlacementProblem.GroupQuota(minimum: floor, maximum: n)
        }
        return out
    }
}
