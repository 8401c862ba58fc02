import Optimizer
import Testing

@Suite("Merging demand points with identical coverage sets")
struct MergedDemandTests {
    @Test func mergesIdenticalSets() throws {
        // Points 0 and 2 are covered by {f0, f1}; 1 and 4 by {f1}; 3 by none; 5 by {f0}.
        let matrix = try CoverageMatrix(demandCount: 6, coverage: [[0, 2, 5], [0, 1, 2, 4]])
        let merged = try MergedDemand(matrix: matrix, weights: [1, 2, 3, 4, 5, 6])
        #expect(merged.weights == [4, 7, 4, 6])
        #expect(merged.mergedIndexOfDemand == [0, 1, 0, 2, 1, 3])
        #expect(Array(merged.matrix.covered(by: 0)) == [0, 3])
        #expect(Array(merged.matrix.covered(by: 1)) == [0, 1])
        #expect(merged.weights.reduce(0, +) == 21)
        #expect(throws: OptimizerError.self) { try MergedDemand(matrix: matrix, weights: [1]) }
    }

    @Test func tagsKeepPointsApart() throws {
        let matrix = try CoverageMatrix(demandCount: 3, coverage: [[0, 1, 2]])
        let merged = try MergedDemand(matrix: matrix, weights: [1, 1, 1], tags: [0, 1, 0])
        #expect(merged.weights == [2, 1])
        #expect(merged.tags == [0, 1])
    }

    @Test("solving merged or not gives the same optimum", arguments: [Variant.plain, .backup, .everything])
    func sameOptimum(variant: Variant) throws {
        for seed in UInt64(1) ... 15 {
            let inst = try SmallInstance.make(seed: seed, variant: variant, demand: 40)
            let a = try MCLPSolver(options: SolverOptions(mergeIdenticalDemand: true)).solve(inst.problem)
            let b = try MCLPSolver(options: SolverOptions(mergeIdenticalDemand: false)).solve(inst.problem)
            #expect(abs(a.objective - b.objective) < 1e-9)
            #expect(abs(a.coveredWeight - b.coveredWeight) < 1e-9)
        }
    }
}
