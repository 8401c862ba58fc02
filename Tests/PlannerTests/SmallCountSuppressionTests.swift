import GeoKit
import Testing
@testable import Planner

@Suite("--min-cell-count: small counts blanked in exported layers")
struct SmallCountSuppressionTests {
    func layer(_ counts: [Int64]) throws -> OutputLayer {
        try OutputLayer(name: "cells", fields: [.init("cell_id", .string), .init("count", .integer), .init("weight", .real), .init("gi_z", .real)],
                        geometryType: .none,
                        features: counts.enumerated().map { i, n in
                            Feature(index: i, geometry: nil, attributes: ["cell_id": .string("c\(i)"), "count": .integer(n),
                                                                          "weight": .real(Double(n) * 2), "gi_z": .real(1.5)])
                        })
    }

    @Test func countsBetweenOneAndKMinusOneAreBlanked() throws {
        let k3 = try SmallCountSuppression(minimumCount: 3)
        let (out, suppressed) = k3.apply(to: try layer([0, 1, 2, 3, 7]), countField: "count", fields: SmallCountSuppression.cellFields)
        #expect(suppressed == 2)
        #expect(out.features.map { $0["count"] } == [.integer(0), .null, .null, .integer(3), .integer(7)])
        #expect(out.features.map { $0["weight"] } == [.real(0), .null, .null, .real(6), .real(14)])
        // Statistics computed from the true counts stay.
        #expect(out.features.allSatisfy { $0["gi_z"] == .real(1.5) })
        #expect(out.fields == (try layer([])).fields)
        // K of 0 or 1 publishes everything; a negative K is an error.
        for k in [0, 1] {
            #expect(try SmallCountSuppression(minimumCount: k).cells(try layer([1, 2])).features.map { $0["count"] } == [.integer(1), .integer(2)])
        }
        #expect(throws: PlannerError.self) { try SmallCountSuppression(minimumCount: -1) }
    }
}
