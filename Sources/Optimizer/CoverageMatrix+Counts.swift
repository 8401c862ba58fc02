extension CoverageMatrix {
    /// How many of `facilities` cover each demand point (0 = uncovered), e.g. to split the
    /// covered weight of a ``PlacementResult`` by ward or group.
    /// - Precondition: every facility index is in `0..<facilityCount`.
    /// - Complexity: O(demandCount + Σ |cov(j)|).
    public func coverageCounts(selecting facilities: [Int]) -> [Int32] {
        var counts = [Int32](repeating: 0, count: demandCount)
        for j in facilities {
            for k in offsets[j] ..< offsets[j + 1] { counts[Int(indices[k])] += 1 }
        }
        return counts
    }
}
