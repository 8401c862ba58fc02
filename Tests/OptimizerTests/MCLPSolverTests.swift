import Testing
import Optimizer
import SeededRandom

@Suite("MCLP solver against brute force")
struct MCLPSolverTests {
    static let seeds: [UInt64] = Array(1 ... 40)

    @Test("equals the brute-force optimum and never exceeds its bound", arguments: Variant.allCases)
    func matchesBruteForce(variant: Variant) throws {
        for seed in Self.seeds {
            let inst = try SmallInstance.make(seed: seed &* 7919 &+ UInt64(Variant.allCases.firstIndex(of: variant) ?? 0), variant: variant)
            let opt = bruteForceOptimum(inst.problem)
            let result = try MCLPSolver(options: SolverOptions(gapTolerance: 0)).solve(inst.problem)
            let scale = max(1, opt)
            #expect(abs(result.objective - opt) <= 1e-9 * scale, "variant \(variant) seed \(seed): \(result.objective) vs \(opt)")
            #expect(result.upperBound >= opt - 1e-9 * scale, "bound \(result.upperBound) below optimum \(opt)")
            #expect(result.objective <= result.upperBound + 1e-9 * scale)
            let new = result.newFacilities
            #expect(isFeasible(new: new, in: inst.problem), "infeasible selection \(new)")
            #expect(abs(objective(of: inst.problem.fixedFacilities + new, in: inst.problem) - result.objective) <= 1e-9 * scale)
            let marginalSum = result.selected.reduce(0) { $0 + $1.marginalWeight }
            #expect(abs(marginalSum - result.objective) <= 1e-9 * scale)
        }
    }

    @Test("heuristic plus bounds alone: bound valid, greedy guarantee holds", arguments: Variant.allCases)
    func boundsWithoutExactSearch(variant: Variant) throws {
        let solver = MCLPSolver(options: SolverOptions(exactSearchWorkLimit: 0))
        for seed in Self.seeds {
            let inst = try SmallInstance.make(seed: seed &* 104_729 &+ 3, variant: variant)
            let opt = bruteForceOptimum(inst.problem)
            let result = try solver.solve(inst.problem)
            let scale = max(1, opt)
            #expect(result.upperBound >= opt - 1e-9 * scale, "variant \(variant) seed \(seed): bound \(result.upperBound) < opt \(opt)")
            #expect(result.objective <= opt + 1e-9 * scale)
            #expect(result.gap >= 0 && result.gap <= 1)
            if variant == .plain {
                #expect(result.objective >= (1 - 1 / 2.718281828) * opt - 1e-9)
            }
        }
    }

    @Test("adding a candidate never lowers the optimum found")
    func monotoneInCandidates() throws {
        for seed in UInt64(1) ... 30 {
            var rng = SplitMix64(seed: seed)
            let n = 25
            var coverage: [[Int]] = (0 ..< 11).map { _ in (0 ..< n).filter { _ in Double.random(in: 0 ..< 1, using: &rng) < 0.2 } }
            let weights = (0 ..< n).map { _ in Double.random(in: 0 ... 5, using: &rng) }
            let exact = MCLPSolver(options: SolverOptions(gapTolerance: 0))
            let before = try exact.solve(PlacementProblem(
                matrix: CoverageMatrix(demandCount: n, coverage: coverage), demandWeights: weights, budget: .count(3)))
            coverage.append((0 ..< n).filter { _ in Double.random(in: 0 ..< 1, using: &rng) < 0.3 })
            let after = try exact.solve(PlacementProblem(
                matrix: CoverageMatrix(demandCount: n, coverage: coverage), demandWeights: weights, budget: .count(3)))
            #expect(after.objective >= before.objective - 1e-9)
        }
    }

    @Test("coverage curve rises to the objective")
    func curve() throws {
        let inst = try SmallInstance.make(seed: 99, variant: .fixed)
        let result = try MCLPSolver().solve(inst.problem)
        #expect(result.curve.count == result.newFacilities.count + 1)
        #expect(zip(result.curve, result.curve.dropFirst()).allSatisfy { $0.objective <= $1.objective + 1e-12 })
        #expect(abs((result.curve.last?.objective ?? -1) - result.objective) < 1e-9)
        #expect(result.curve.first?.newCameras == 0)
    }

    @Test("a zero time limit still returns a feasible solution with a valid gap")
    func timeLimit() throws {
        let inst = try SmallInstance.make(seed: 5, variant: .plain)
        let result = try MCLPSolver(options: SolverOptions(timeLimitSeconds: 0)).solve(inst.problem)
        #expect(isFeasible(new: result.newFacilities, in: inst.problem))
        #expect(result.upperBound >= bruteForceOptimum(inst.problem) - 1e-9)
        #expect([.timeLimit, .optimal, .gapReached].contains(result.stopReason))
    }

    @Test("hand-checked instance: two disjoint heavy facilities beat one big one")
    func handChecked() throws {
        // f0 covers {0,1,2} (w 1 each), f1 covers {3} (w 5), f2 covers {4} (w 5), p = 2.
        let matrix = try CoverageMatrix(demandCount: 5, coverage: [[0, 1, 2], [3], [4]])
        let problem = try PlacementProblem(matrix: matrix, demandWeights: [1, 1, 1, 5, 5], budget: .count(2))
        let result = try MCLPSolver().solve(problem)
        #expect(result.objective == 10)
        #expect(Set(result.newFacilities) == [1, 2])
        #expect(result.selected.map(\.facility) == [1, 2])
        #expect(result.gap == 0)
        #expect(result.stopReason == .optimal)
        #expect(result.coverageRatio == 10.0 / 13.0)
    }
}
