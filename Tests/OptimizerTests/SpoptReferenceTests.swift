import CamplanBench
import Foundation
import Optimizer
import Testing

/// Compares against the MCLP optima that spopt (PuLP + CBC) found for the instances written by
/// scripts/reference/spopt_mclp.py (test resources: Fixtures/mclp, also `camplan bench mclp`'s instances).
@Suite("MCLP against spopt/CBC optima")
struct SpoptReferenceTests {
    static let names = ["synthetic-2000x500-p20", "synthetic-5000x1000-p50", "tien-giang-mytho-p40"]

    @Test("objective within 0.5% of CBC's optimum, bound above it", arguments: names)
    func matchesCBC(name: String) throws {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/mclp"),
                               "test resource Fixtures/mclp/\(name).json")
        let ref = try MCLPReferenceInstance(contentsOf: url)
        #expect(ref.cbc.status == "Optimal")
        let matrix = try ref.matrix()
        #expect(matrix.facilityCount == ref.facilityCount)
        let problem = try PlacementProblem(matrix: matrix, demandWeights: ref.weights, budget: .count(ref.p))
        let result = try MCLPSolver().solve(problem)
        let opt = ref.cbc.objective
        print("SPOPT \(name): CBC \(opt) in \(ref.cbc.solveSeconds) s (+\(ref.cbc.buildSeconds) s build); "
              + "ours \(result.objective) bound \(result.upperBound) gap \(result.gap) in \(result.runtimeSeconds) s")
        #expect(result.objective >= 0.995 * opt, "\(name): \(result.objective) vs CBC \(opt)")
        #expect(result.objective <= opt + 1e-6, "\(name): above CBC's proven optimum")
        #expect(result.upperBound >= opt - 1e-6, "\(name): bound \(result.upperBound) below CBC optimum \(opt)")
        #expect(result.newFacilities.count <= ref.p)
    }
}
