import Foundation
import Optimizer

/// An MCLP instance with the optimum CBC found for it, as `scripts/reference/spopt_mclp.py`
/// writes it (Tests/OptimizerTests/Fixtures/mclp/*.json). Read by the reference tests and by
/// `camplan bench mclp`.
public struct MCLPReferenceInstance: Decodable, Sendable {
    /// What spopt (PuLP + CBC) reported.
    public struct CBC: Decodable, Sendable {
        public let objective: Double
        public let status: String
        public let solveSeconds: Double
        public let buildSeconds: Double

        enum CodingKeys: String, CodingKey {
            case objective, status
            case solveSeconds = "solve_seconds", buildSeconds = "build_seconds"
        }
    }

    public let name: String
    public let demandCount: Int
    public let facilityCount: Int
    /// Number of facilities to place.
    public let p: Int
    public let weights: [Double]
    /// CSR coverage by facility (see ``CoverageMatrix``).
    public let offsets: [Int]
    public let indices: [Int32]
    public let cbc: CBC

    enum CodingKeys: String, CodingKey {
        case name, p, weights, offsets, indices, cbc
        case demandCount = "demand_count", facilityCount = "facility_count"
    }

    /// Reads an instance file.
    public init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(MCLPReferenceInstance.self, from: Data(contentsOf: url))
    }

    /// The coverage matrix, checked.
    public func matrix() throws -> CoverageMatrix {
        try CoverageMatrix(demandCount: demandCount, offsets: offsets, indices: indices)
    }
}
