/// Emerging Hot Spot Analysis patterns of one location over time steps, following ArcGIS
/// "How Emerging Hot Spot Analysis works" (pro.arcgis.com, tool-reference/
/// space-time-pattern-mining/learnmoreemerging.htm). "Hot" in a step means a Gi* bin > 0
/// (significant at 90 % or more after FDR), "cold" a bin < 0; the trend is the Mann-Kendall
/// test of the location's Gi* z-scores over the steps.
///
/// Hot-spot rules (cold spots mirror them):
/// - new: hot in the final step and never hot (nor cold) before;
/// - consecutive: a final uninterrupted run of at least two hot steps, never hot (nor cold)
///   before the run, and hot in less than 90 % of the steps;
/// - intensifying: hot in at least 90 % of the steps including the final one, and the
///   clustering intensity rises significantly (trend z > 0, p < alpha);
/// - persistent: hot in at least 90 % of the steps including the final one, no significant
///   trend;
/// - diminishing: hot in at least 90 % of the steps including the final one, significant
///   falling trend;
/// - sporadic: hot in the final step, hot in less than 90 % of the steps, on and off, never
///   cold;
/// - oscillating: hot in the final step, hot in less than 90 % of the steps, and cold in
///   some earlier step;
/// - historical: not hot in the final step but hot in at least 90 % of the steps;
/// - none: anything else.
///
/// ArcGIS does not state the order for overlapping cases; here new and consecutive require
/// no earlier cold step (a location that was cold before is oscillating), and a location
/// whose final step is not hot can only be historical.
public enum EmergingHotSpotCategory: String, Sendable, CaseIterable {
    case none
    case newHotSpot = "new_hot_spot", consecutiveHotSpot = "consecutive_hot_spot"
    case intensifyingHotSpot = "intensifying_hot_spot", persistentHotSpot = "persistent_hot_spot"
    case diminishingHotSpot = "diminishing_hot_spot", sporadicHotSpot = "sporadic_hot_spot"
    case oscillatingHotSpot = "oscillating_hot_spot", historicalHotSpot = "historical_hot_spot"
    case newColdSpot = "new_cold_spot", consecutiveColdSpot = "consecutive_cold_spot"
    case intensifyingColdSpot = "intensifying_cold_spot", persistentColdSpot = "persistent_cold_spot"
    case diminishingColdSpot = "diminishing_cold_spot", sporadicColdSpot = "sporadic_cold_spot"
    case oscillatingColdSpot = "oscillating_cold_spot", historicalColdSpot = "historical_cold_spot"

    /// Classifies one location.
    /// - Parameters:
    ///   - bins: Gi* bins (-3...3) per time step, oldest first (at least 2 steps).
    ///   - trend: Mann-Kendall test of the location's Gi* z-scores.
    ///   - alpha: significance of the trend (ArcGIS: 0.05).
    public static func classify(bins: [Int8], trend: MannKendall, alpha: Double = 0.05) -> EmergingHotSpotCategory {
        if let hot = classify(bins: bins, trend: trend, alpha: alpha, hot: true) { return hot }
        if let cold = classify(bins: bins, trend: trend, alpha: alpha, hot: false) { return cold }
        return .none
    }

    private static func classify(bins: [Int8], trend: MannKendall, alpha: Double, hot: Bool) -> EmergingHotSpotCategory? {
        let n = bins.count
        guard n >= 2 else { return nil }
        let isHot: (Int8) -> Bool = hot ? { $0 > 0 } : { $0 < 0 }
        let isOpposite: (Int8) -> Bool = hot ? { $0 < 0 } : { $0 > 0 }
        let hotCount = bins.filter(isHot).count
        let share = Double(hotCount) / Double(n)
        let finalHot = isHot(bins[n - 1])
        let pick: (EmergingHotSpotCategory, EmergingHotSpotCategory) -> EmergingHotSpotCategory = { h, c in hot ? h : c }
        if share >= 0.9 {
            if !finalHot { return pick(.historicalHotSpot, .historicalColdSpot) }
            let significant = trend.p < alpha
            // "Intensity of clustering" rises for hot spots when z rises; for cold spots when z falls.
            let rising = hot ? trend.z > 0 : trend.z < 0
            if significant && rising { return pick(.intensifyingHotSpot, .intensifyingColdSpot) }
            if significant && !rising && trend.z != 0 { return pick(.diminishingHotSpot, .diminishingColdSpot) }
            return pick(.persistentHotSpot, .persistentColdSpot)
        }
        guard finalHot else { return nil }
        var run = 0
        while run < n, isHot(bins[n - 1 - run]) { run += 1 }
        let earlier = bins[0..<(n - run)]
        let oppositeBefore = bins[0..<(n - 1)].contains(where: isOpposite)
        let hotBeforeRun = earlier.contains(where: isHot)
        if oppositeBefore { return pick(.oscillatingHotSpot, .oscillatingColdSpot) }
        if hotCount == 1 { return pick(.newHotSpot, .newColdSpot) }
        if run >= 2, !hotBeforeRun { return pick(.consecutiveHotSpot, .consecutiveColdSpot) }
        return pick(.sporadicHotSpot, .sporadicColdSpot)
    }
}
