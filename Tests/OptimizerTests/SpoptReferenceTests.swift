import Foundation
import Optimizer
import Testing

/// Compares against the MCLP optima that spopt (PuLP + CBC) found for the instances written by
/// scripts/reference/spopt_mclp.py (read from the repository, relative to this file).
@Suite("MCLP against spopt/CBC optima")
struct SpoptReferenceTests {
    struct Reference: Decodable {
        struct CBC: Decodable {
            let objective: Double
            let status: String
            let solve_seconds: Double
            let build_seconds: Double
        }
        let name: String
        let demand_count: Int
        let facility_count: Int
        let p: Int
        let weights: [Double]
        let offsets: [Int]
        let indices: [Int32]
        let cbc: CBC
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/reference/mclp")

    static let names = ["synthetic-2000x500-p20", "synthetic-5000x1000-p50", "tien-giang-mytho-p40"]

    @Test("objective within 0.5% of CBC's optimum, bound above it", arguments: names)
    func matchesCBC(name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("\(name).json"))
        let ref = try JSONDecoder().decode(Reference.self, from: data)
        #expect(ref.cbc.status == "Optimal")
        let matrix = try CoverageMatrix(demandCount: ref.demand_count, offsets: ref.offsets, indices: ref.indices)
        #expect(matrix.facilityCount == ref.facility_count)
        let problem = try PlacementProblem(matrix: matrix, demandWeights: ref.weights, budget: .count(ref.p))
        let result = try MCLPSolver().solve(problem)
        let opt = ref.cbc.objective
        print("SPOPT \(name): CBC \(opt) in \(ref.cbc.solve_seconds) s (+\(ref.cbc.build_seconds) s build); "
              + "ours \(result.objective) bound \(result.upperBound) gap \(result.gap) in \(result.runtimeSeconds) s")
        #expect(result.objective >= 0.995 * opt, "\(name): \(result.objective) vs CBC \(opt)")
        #expect(result.objective <= opt + 1e-6, "\(name): above CBC's proven optimum")
        #expect(result.upperBound >= opt - 1e-6, "\(name): bound \(result.upperBound) below CBC optimum \(opt)")
        #expect(result.newFacilities.count <= ref.p)
    }
}
