import Optimizer
import Testing

@Suite("Problem validation and error messages")
struct ProblemValidationTests {
    static func matrix() throws -> CoverageMatrix {
        try CoverageMatrix(demandCount: 4, coverage: [[0, 1], [1, 2], [3], [0, 3]])
    }

    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as OptimizerError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func budgetBelowExistingCameras() throws {
        let m = try Self.matrix()
        let msg = Self.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], fixedFacilities: [0, 2],
                                     budget: .count(1), fixedCountTowardBudget: true)
        }
        #expect(msg == "budget of 1 cameras is below the 2 existing cameras that count toward it")
        // Not counting toward the budget (the default), the same numbers are fine.
        _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], fixedFacilities: [0, 2], budget: .count(1))
    }

    @Test func costBudgetBelowExisting() throws {
        let m = try Self.matrix()
        let msg = Self.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], facilityCosts: [5, 1, 1, 1],
                                     fixedFacilities: [0], budget: .cost(3), fixedCountTowardBudget: true)
        }
        #expect(msg?.contains("below the 5.0 cost of the existing cameras") == true)
    }

    @Test func negativeCost() throws {
        let m = try Self.matrix()
        let msg = Self.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], facilityCosts: [1, -2, 1, 1], budget: .cost(3))
        }
        #expect(msg == "facility 1 has cost -2.0; costs must be finite and >= 0")
    }

    @Test func nanWeight() throws {
        let m = try Self.matrix()
        let msg = Self.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, .nan, 1, 1], budget: .count(2))
        }
        #expect(msg == "demand weight 1 is nan; weights must be finite and >= 0")
    }

    @Test func infeasibleGroupQuotas() throws {
        let m = try Self.matrix()
        let tooMany = Self.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], groupOfFacility: [0, 0, 1, 1],
                                     groupQuotas: [0: .init(minimum: 2), 1: .init(minimum: 1)], budget: .count(2))
        }
        #expect(tooMany == "group minimums ask for 3 new cameras but the budget allows 2")
        let tooFewSlots = Self.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], siteOfFacility: [0, 0, 1, 1],
                                     groupOfFacility: [0, 0, 1, 1], groupQuotas: [0: .init(minimum: 2)], budget: .count(3))
        }
        #expect(tooFewSlots == "group 0 needs at least 2 new cameras but has only 1 candidate slots")
        let badQuota = Self.message { _ = try PlacementProblem.GroupQuota(minimum: 3, maximum: 1) }
        #expect(badQuota == "group quota maximum 1 is below its minimum 3")
    }

    @Test func shapeErrors() throws {
        let m = try Self.matrix()
        #expect(Self.message { _ = try PlacementProblem(matrix: m, demandWeights: [1, 1], budget: .count(1)) }
            == "2 demand weights for 4 demand points")
        #expect(Self.message { _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], fixedFacilities: [9], budget: .count(1)) }
            == "existing facility 9 is outside 0..<4")
        #expect(Self.message { _ = try PlacementProblem.BackupCoverage(beta: 1.5, demandIndices: []) }
            == "backup beta must be in 0...1, got 1.5")
        #expect(Self.message { _ = try CoverageMatrix(demandCount: 2, coverage: [[0, 5]]) }
            == "invalid coverage matrix: facility 0 covers demand 5, outside 0..<2")
    }

    @Test("existing cameras are kept and counted; per-site limit holds")
    func existingAndPerSite() throws {
        let m = try Self.matrix()
        let problem = try PlacementProblem(matrix: m, demandWeights: [1, 2, 3, 4], siteOfFacility: [0, 0, 1, 1],
                                           fixedFacilities: [2], budget: .count(1))
        let result = try MCLPSolver().solve(problem)
        #expect(result.selected.first?.facility == 2)
        #expect(result.selected.first?.marginalWeight == 4)
        #expect(result.selected.first?.isExisting == true)
        // Site 1 is full (facility 2 is existing there), so the new camera is 0 or 1: 1 covers 2+3.
        #expect(result.newFacilities == [1])
        #expect(result.objective == 9)
    }
}

/// Issue 12 row 20: messages a planner can act on.
@Suite("Budget and quota messages (issue 12)")
struct BudgetAndQuotaMessageTests {
    @Test func row20QuotaErrorNamesTheDistrict() throws {
        let m = try ProblemValidationTests.matrix()
        let msg = ProblemValidationTests.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], siteOfFacility: [0, 0, 1, 1],
                                     groupOfFacility: [0, 0, 1, 1], groupQuotas: [0: .init(minimum: 2)], budget: .count(3),
                                     groupNames: ["Huyện Tân Phú Đông", "Thành phố Mỹ Tho"])
        }
        #expect(msg == "'Huyện Tân Phú Đông' needs at least 2 new cameras but has only 1 candidate slots")
    }

    @Test func row20CostBudgetBelowTheCheapestCameraIsAnError() throws {
        let m = try ProblemValidationTests.matrix()
        let msg = ProblemValidationTests.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], facilityCosts: [32, 3.6, 5, 7], budget: .cost(3))
        }
        #expect(msg?.contains("less than the cheapest candidate camera (3.6)") == true)
        // Enough for the cheapest one: a plan.
        _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], facilityCosts: [32, 3.6, 5, 7], budget: .cost(3.6))
        // Installed cameras do not count as candidates.
        let fixedCheap = ProblemValidationTests.message {
            _ = try PlacementProblem(matrix: m, demandWeights: [1, 1, 1, 1], facilityCosts: [1, 3.6, 5, 7], fixedFacilities: [0],
                                     budget: .cost(2))
        }
        #expect(fixedCheap?.contains("cheapest candidate camera (3.6)") == true)
    }
}
