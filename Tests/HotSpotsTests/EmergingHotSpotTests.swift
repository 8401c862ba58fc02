import Testing
@testable import HotSpots

@Suite struct EmergingHotSpotTests {
    func category(_ bins: [Int8], z: [Double]? = nil) throws -> EmergingHotSpotCategory {
        let series = z ?? bins.map(Double.init)
        return EmergingHotSpotCategory.classify(bins: bins, trend: try MannKendall(series: series))
    }

    @Test func hotPatterns() throws {
        #expect(try category([0, 0, 0, 0, 0, 0, 0, 0, 0, 2]) == .newHotSpot)
        #expect(try category([0, 0, 0, 0, 0, 0, 0, 1, 2, 3]) == .consecutiveHotSpot)
        let rising = (0..<10).map { 2.0 + Double($0) * 0.5 }
        #expect(try category(Array(repeating: 3, count: 10), z: rising) == .intensifyingHotSpot)
        #expect(try category(Array(repeating: 3, count: 10), z: rising.reversed()) == .diminishingHotSpot)
        #expect(try category(Array(repeating: 2, count: 10), z: [3, 2.5, 3.1, 2.4, 3, 2.6, 2.9, 2.5, 3.2, 2.4]) == .persistentHotSpot)
        #expect(try category([2, 0, 1, 0, 0, 2, 0, 0, 0, 1]) == .sporadicHotSpot)
        #expect(try category([-2, 0, 1, 0, 0, 0, 0, 0, 0, 1]) == .oscillatingHotSpot)
        #expect(try category([2, 2, 2, 2, 2, 2, 2, 2, 2, 0], z: [3, 3.1, 2.9, 3, 3.2, 2.8, 3, 3.1, 2.9, 0.5]) == .historicalHotSpot)
        #expect(try category([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == .none)
        #expect(try category([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == .none)
    }

    @Test func coldPatternsMirror() throws {
        #expect(try category([0, 0, 0, 0, 0, 0, 0, 0, 0, -2]) == .newColdSpot)
        let falling = (0..<10).map { -2.0 - Double($0) * 0.5 }
        #expect(try category(Array(repeating: -3, count: 10), z: falling) == .intensifyingColdSpot)
        #expect(try category([2, 0, -1, 0, 0, 0, 0, 0, 0, -1]) == .oscillatingColdSpot)
    }
}
