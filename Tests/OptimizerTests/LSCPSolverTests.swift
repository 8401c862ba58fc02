import Optimizer
import Testing

@Suite("LSCP: fewest cameras for a target share")
struct LSCPSolverTests {
    /// Fewest new facilities reaching `target` by brute force.
    static func bruteForceCount(_ problem: PlacementProblem, target: Double) -> Int? {
        let m = problem.matrix.facilityCount
        let total = problem.totalWeight
        var best: Int?
        for mask in 0 ..< (1 << m) {
            let new = (0 ..< m).filter { mask & (1 << $0) != 0 }
            if let b = best, new.count >= b { continue }
            guard isFeasible(new: new, in: problem) else { continue }
            var covered = Set<Int32>()
            for j in problem.fixedFacilities + new { covered.formUnion(problem.matrix.covered(by: j)) }
            let w = covered.reduce(0.0) { $0 + problem.demandWeights[Int($1)] }
            if w >= target * total - 1e-9 { best = new.count }
        }
        return best
    }

    @Test("reaches the target; lower bound <= optimum <= found", arguments: [0.5, 0.8, 0.95])
    func reachesTarget(target: Double) throws {
        for seed in UInt64(1) ... 25 {
            let base = try SmallInstance.make(seed: seed, variant: .plain)
            let problem = try PlacementProblem(matrix: base.problem.matrix, demandWeights: base.weights, budget: .count(12))
            let opt = Self.bruteForceCount(problem, target: target)
            if let opt {
                let result = try LSCPSolver().solve(problem, targetShare: target)
                let placed = result.newFacilities.count
                let lower = try #require(result.cameraLowerBound)
                #expect(result.stopReason == .targetReached)
                #expect(result.coverageRatio >= target - 1e-12)
                #expect(lower <= opt, "seed \(seed): lower bound \(lower) > optimum \(opt)")
                #expect(opt <= placed)
                #expect(abs(result.gap - (placed == 0 ? 0 : Double(placed - lower) / Double(placed))) < 1e-15)
            } else {
                // No selection within the budget reaches the target: an error, never a capped answer.
                #expect(throws: OptimizerError.self) { _ = try LSCPSolver().solve(problem, targetShare: target) }
            }
        }
    }

    @Test func rejectsBadTarget() throws {
        let inst = try SmallInstance.make(seed: 1, variant: .plain)
        #expect(throws: OptimizerError.invalidProblem("target share must be in 0...1, got 1.5")) {
            _ = try LSCPSolver().solve(inst.problem, targetShare: 1.5)
        }
    }
}
