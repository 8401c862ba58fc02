import Testing
@testable import Optimizer
import SeededRandom

/// The certified-gap stop, the time limit as a safety net (issue 12 row 16) and the LSCP gap
/// (issue 12 row 10).
@Suite("Gap stop, deterministic time-limit figures, LSCP gap")
struct GapAndTimeLimitTests {
    /// A geometric instance where the Lagrangian bound needs many iterations: `n` points with
    /// integer weights 1...9 and `m` candidate sites uniform in a 1.5 km square, a site covering
    /// the points within 100 m (a disc), p = 15.
    static func instance(seed: UInt64, n: Int = 1_500, m: Int = 300) throws -> PlacementProblem {
        var rng = SplitMix64(seed: seed)
        let side = 1_500.0
        let points = (0 ..< n).map { _ in (Double.random(in: 0 ..< side, using: &rng), Double.random(in: 0 ..< side, using: &rng)) }
        let weights = (0 ..< n).map { _ in Double(Int.random(in: 1 ... 9, using: &rng)) }
        let coverage = (0 ..< m).map { _ -> [Int] in
            let x = Double.random(in: 0 ..< side, using: &rng), y = Double.random(in: 0 ..< side, using: &rng)
            return points.indices.filter { i in
                let dx = points[i].0 - x, dy = points[i].1 - y
                return dx * dx + dy * dy <= 100 * 100
            }
        }
        return try PlacementProblem(matrix: CoverageMatrix(demandCount: n, coverage: coverage), demandWeights: weights,
                                    budget: .count(15))
    }

    /// A clock that advances one second per reading, so "seconds" count the solver's clock reads.
    final class CountingClock: @unchecked Sendable {
        var reads = 0.0
        func read() -> Double { reads += 1; return reads }
    }

    @Test("the solver stops at the requested certified gap, and the gap it reports is a true bound")
    func stopsAtRequestedGap() throws {
        let problem = try Self.instance(seed: 11)
        let exact = try MCLPSolver(options: SolverOptions(gapTolerance: 0)).solve(problem)
        for tolerance in [0.05, 0.02, 0.01] {
            let r = try MCLPSolver(options: SolverOptions(gapTolerance: tolerance)).solve(problem)
            #expect(r.gap <= tolerance, "tolerance \(tolerance): gap \(r.gap)")
            #expect(r.stopReason == .gapReached || r.stopReason == .optimal)
            // The bound holds against the best solution any run found.
            #expect(r.upperBound >= exact.objective - 1e-9)
            #expect(r.objective >= (1 - tolerance) * r.upperBound - 1e-9)
            // Stopping earlier does less work than going on to the end.
            #expect(r.work <= exact.work)
        }
        let loose = try MCLPSolver(options: SolverOptions(gapTolerance: 0.05)).solve(problem)
        #expect(loose.work < exact.work, "a 5% gap should stop before the full search")
        // Progress points are recorded in order of work, with a valid gap each.
        #expect(zip(exact.progress, exact.progress.dropFirst()).allSatisfy { $0.work <= $1.work })
        #expect(exact.progress.allSatisfy { $0.upperBound >= exact.objective - 1e-9 })
    }

    @Test("the default gap is 0.5%")
    func defaultGap() {
        #expect(SolverOptions().gapTolerance == 0.005)
        #expect(SolverOptions.defaultGapTolerance == 0.005)
    }

    @Test("when the time limit cuts the search, equal cameras give equal bound and gap, with a warning")
    func timeLimitFiguresAreDeterministic() throws {
        let problem = try Self.instance(seed: 5)
        let options = { (limit: Double) in
            SolverOptions(timeLimitSeconds: limit, gapTolerance: 0, perturbationRounds: 0, exactSearchWorkLimit: 0)
        }
        // Where the phases end, in clock reads.
        let probe = CountingClock()
        let full = try MCLPSolver(options: options(1e12)).solve(problem, elapsed: probe.read)
        let greedyEnd = try #require(full.progress.first { $0.phase == "greedy+swap" }).seconds
        let lagrangianEnd = try #require(full.progress.last { $0.phase == "subgradient" }).seconds
        #expect(full.iterations.subgradient > 20 && full.warnings.isEmpty)
        // Two runs cut at different points of the subgradient phase: the same cameras ...
        let early = try MCLPSolver(options: options(greedyEnd + (lagrangianEnd - greedyEnd) / 4))
            .solve(problem, elapsed: CountingClock().read)
        let late = try MCLPSolver(options: options(greedyEnd + 3 * (lagrangianEnd - greedyEnd) / 4))
            .solve(problem, elapsed: CountingClock().read)
        #expect(early.iterations.subgradient < late.iterations.subgradient)
        #expect(early.selected == late.selected)
        // ... give the same written figures (they used to differ: the bound was wherever the
        // subgradient had got to when the clock stopped it).
        #expect(early.upperBound == late.upperBound)
        #expect(early.gap == late.gap)
        #expect(early.stopReason == .timeLimit && late.stopReason == .timeLimit)
        #expect(early.warnings.count == 1 && late.warnings.count == 1)
        #expect(early.warnings.first?.contains("time limit") == true)
        // Still a certified bound.
        #expect(early.upperBound >= full.objective - 1e-9)
        #expect(early.objective <= early.upperBound)
    }

    @Test("LSCP reports the gap between the cameras placed and the lower bound on their number")
    func lscpGap() throws {
        // C = {1, 2, 3, 4} tempts the greedy; A = {0, 1, 2} and B = {3, 4, 5} cover all with two.
        let matrix = try CoverageMatrix(demandCount: 6, coverage: [[0, 1, 2], [3, 4, 5], [1, 2, 3, 4]])
        let problem = try PlacementProblem(matrix: matrix, demandWeights: Array(repeating: 1, count: 6), budget: .count(5))
        let r = try LSCPSolver().solve(problem, targetShare: 1)
        #expect(r.newFacilities.count == 3)
        #expect(r.cameraLowerBound == 2)
        #expect(abs(r.gap - 1.0 / 3) < 1e-12)
        #expect(r.model == .setCovering(targetShare: 1))
        #expect(r.coverageRatio == 1)
    }

    @Test("LSCP refuses a target the budget cannot reach instead of answering with a capped plan")
    func lscpTargetBeyondBudget() throws {
        let matrix = try CoverageMatrix(demandCount: 6, coverage: [[0, 1, 2], [3, 4, 5], [1, 2, 3, 4]])
        let problem = try PlacementProblem(matrix: matrix, demandWeights: Array(repeating: 1, count: 6), budget: .count(1))
        do {
            _ = try LSCPSolver().solve(problem, targetShare: 1)
            Issue.record("a target beyond the budget must be an error")
        } catch OptimizerError.targetNotReached(let message) {
            #expect(message.contains("100.00%") && message.contains("66.67%"))
            #expect(message.contains("more than the budget"))
        }
        // A target no budget can reach says so.
        let partial = try CoverageMatrix(demandCount: 4, coverage: [[0], [1]])
        let uncoverable = try PlacementProblem(matrix: partial, demandWeights: [1, 1, 1, 1], budget: .count(10))
        #expect(throws: OptimizerError.self) { _ = try LSCPSolver().solve(uncoverable, targetShare: 0.9) }
        do {
            _ = try LSCPSolver().solve(uncoverable, targetShare: 0.9)
        } catch OptimizerError.targetNotReached(let message) {
            #expect(message.contains("all candidate sites together cover only 50.00%"))
        }
    }
}
