import CamplanBench
import Optimizer
import Testing

@Suite("Solver behaviour: options, determinism, backup, quotas")
struct SolverBehaviourTests {
    @Test("same input, same output")
    func deterministic() throws {
        let inst = try OptimizerBenchmark.makeInstance(demandCount: 3_000, siteCount: 400, seed: 7)
        let problem = try PlacementProblem(matrix: inst.matrix, demandWeights: inst.weights,
                                           siteOfFacility: inst.siteOfFacility, budget: .count(25))
        let a = try MCLPSolver().solve(problem)
        let b = try MCLPSolver().solve(problem)
        #expect(a.selected == b.selected)
        #expect(a.objective == b.objective)
        #expect(a.upperBound == b.upperBound)
        #expect(a.newFacilities.count == 25)
        // One heading per site.
        #expect(Set(a.newFacilities.map { inst.siteOfFacility[$0] }).count == 25)
    }

    @Test("a time limit that has passed returns the best so far with a valid bound")
    func expiredTimeLimit() throws {
        let inst = try OptimizerBenchmark.makeInstance(demandCount: 20_000, siteCount: 4_000, seed: 3)
        let problem = try PlacementProblem(matrix: inst.matrix, demandWeights: inst.weights,
                                           siteOfFacility: inst.siteOfFacility, budget: .count(200))
        let limited = try MCLPSolver(options: SolverOptions(timeLimitSeconds: 0)).solve(problem)
        let full = try MCLPSolver(options: SolverOptions(perturbationRounds: 0, exactSearchWorkLimit: 0)).solve(problem)
        #expect(limited.stopReason == .timeLimit)
        #expect(limited.iterations.subgradient == 0)
        #expect(limited.objective <= limited.upperBound)
        #expect(limited.upperBound >= full.objective)
        #expect(limited.gap > 0)
        #expect(limited.newFacilities.count <= 200)
    }

    @Test("backup credit changes the choice toward double coverage of flagged points")
    func backupCoverage() throws {
        // f0 and f1 both cover the hot point 0 (w 10); f2 covers point 1 (w 4). p = 2.
        // Plain: {f0, f2} = 14. With beta 0.5 on point 0: {f0, f1} = 10 + 5 = 15 beats 14.
        let matrix = try CoverageMatrix(demandCount: 2, coverage: [[0], [0], [1]])
        let plain = try MCLPSolver().solve(PlacementProblem(matrix: matrix, demandWeights: [10, 4], budget: .count(2)))
        #expect(plain.objective == 14)
        let backup = try PlacementProblem(matrix: matrix, demandWeights: [10, 4], budget: .count(2),
                                          backup: .init(beta: 0.5, demandIndices: [0]))
        let result = try MCLPSolver().solve(backup)
        #expect(result.objective == 15)
        #expect(Set(result.newFacilities) == [0, 1])
        #expect(result.coveredWeight == 10)
        #expect(result.upperBound >= 15)
    }

    @Test("group minimum and maximum are honoured")
    func groupQuotas() throws {
        // Group 0 = {f0, f1} (heavy), group 1 = {f2, f3} (light). p = 2, group 1 needs one.
        let matrix = try CoverageMatrix(demandCount: 4, coverage: [[0], [1], [2], [3]])
        let weights: [Double] = [9, 8, 2, 1]
        let free = try MCLPSolver().solve(PlacementProblem(matrix: matrix, demandWeights: weights, budget: .count(2)))
        #expect(Set(free.newFacilities) == [0, 1])
        let quota = try PlacementProblem(matrix: matrix, demandWeights: weights, groupOfFacility: [0, 0, 1, 1],
                                         groupQuotas: [1: .init(minimum: 1)], budget: .count(2))
        let result = try MCLPSolver().solve(quota)
        #expect(Set(result.newFacilities) == [0, 2])
        #expect(result.objective == 11)
        let capped = try PlacementProblem(matrix: matrix, demandWeights: weights, groupOfFacility: [0, 0, 1, 1],
                                          groupQuotas: [0: .init(maximum: 1)], budget: .count(3))
        #expect(Set(try MCLPSolver().solve(capped).newFacilities) == [0, 2, 3])
    }

    @Test("cost budget: cheap pair beats one expensive facility")
    func costBudget() throws {
        let matrix = try CoverageMatrix(demandCount: 3, coverage: [[0, 1, 2], [0], [1]])
        let problem = try PlacementProblem(matrix: matrix, demandWeights: [5, 5, 1], facilityCosts: [10, 3, 3],
                                           budget: .cost(9))
        let result = try MCLPSolver().solve(problem)
        #expect(Set(result.newFacilities) == [1, 2])
        #expect(result.newCost == 6)
        #expect(result.objective == 10)
    }

    @Test func unsortedCSRIsRejected() {
        #expect(throws: OptimizerError.invalidMatrix("facility 0: demand indices must be strictly ascending")) {
            _ = try CoverageMatrix(demandCount: 3, offsets: [0, 2], indices: [2, 1])
        }
    }
}

@Suite("Degenerate inputs")
struct DegenerateInputTests {
    @Test func emptyAndZeroBudget() throws {
        let none = try CoverageMatrix(demandCount: 0, coverage: [[], []])
        let r0 = try MCLPSolver().solve(PlacementProblem(matrix: none, demandWeights: [], budget: .count(1)))
        #expect(r0.objective == 0 && r0.gap == 0 && r0.coverageRatio == 0)
        let noFacilities = try CoverageMatrix(demandCount: 2, coverage: [])
        let r1 = try MCLPSolver().solve(PlacementProblem(matrix: noFacilities, demandWeights: [1, 2], budget: .count(3)))
        #expect(r1.selected.isEmpty && r1.objective == 0 && r1.upperBound == 0)
        let matrix = try CoverageMatrix(demandCount: 2, coverage: [[0], [1]])
        let r2 = try MCLPSolver().solve(PlacementProblem(matrix: matrix, demandWeights: [1, 2], budget: .count(0)))
        #expect(r2.newFacilities.isEmpty && r2.objective == 0 && r2.stopReason == .optimal)
        let r3 = try MCLPSolver().solve(PlacementProblem(matrix: matrix, demandWeights: [1, 2], budget: .count(5)))
        #expect(r3.objective == 3 && r3.gap == 0)
        let lscp = try LSCPSolver().solve(PlacementProblem(matrix: matrix, demandWeights: [1, 2], budget: .count(5)),
                                          targetShare: 1)
        #expect(lscp.newFacilities.count == 2 && lscp.cameraLowerBound == 2 && lscp.stopReason == .targetReached && lscp.gap == 0)
    }
}

@Suite("Coverage counts helper")
struct CoverageCountsTests {
    @Test func countsMatchResult() throws {
        let inst = try SmallInstance.make(seed: 11, variant: .fixed)
        let result = try MCLPSolver().solve(inst.problem)
        let counts = inst.problem.matrix.coverageCounts(selecting: result.selected.map(\.facility))
        var covered = 0.0
        for (i, c) in counts.enumerated() where c > 0 { covered += inst.weights[i] }
        #expect(abs(covered - result.coveredWeight) < 1e-9)
        #expect(try CoverageMatrix(demandCount: 3, coverage: [[0, 1], [1]]).coverageCounts(selecting: [0, 1]) == [1, 2, 0])
    }
}
