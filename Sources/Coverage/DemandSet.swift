import GeoKit

/// Weighted demand points (metres, working CRS), struct-of-arrays: incidents with severity
/// weights, hot-spot cell centres weighted by KDE or Gi*, or points sampled along roads.
public struct DemandSet: Sendable, Equatable {
    public let points: PlanarPointSet
    /// One weight per point, finite and ≥ 0.
    public let weights: [Double]

    /// - Throws: ``CoverageError/weightCountMismatch(points:weights:)``,
    ///   ``CoverageError/invalidWeight(index:value:)``.
    public init(points: PlanarPointSet, weights: [Double]) throws {
        guard points.count == weights.count else {
            throw CoverageError.weightCountMismatch(points: points.count, weights: weights.count)
        }
        if let i = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw CoverageError.invalidWeight(index: i, value: weights[i])
        }
        self.points = points
        self.weights = weights
    }

    /// Every point with weight 1.
    public init(unweighted points: PlanarPointSet) {
        self.points = points
        self.weights = [Double](repeating: 1, count: points.count)
    }

    public var count: Int { points.count }
    /// Sum of the weights.
    public var totalWeight: Double { weights.reduce(0, +) }

    /// Points every `spacingMeters` along each road, each weighted `weightPerPoint`.
    /// - Throws: ``CoverageError/invalidSpacing(field:value:)``.
    public static func alongRoads(_ roads: [LineString<PlanarPoint>], spacingMeters: Double,
                                  weightPerPoint: Double = 1) throws -> DemandSet {
        try CandidateSiteGenerator.requirePositive(spacingMeters, "demand sample spacing")
        var set = PlanarPointSet()
        for road in roads {
            for p in CandidateSiteGenerator.samplePoints(along: road.points, spacingMeters: spacingMeters) {
                set.append(p)
            }
        }
        return try DemandSet(points: set, weights: [Double](repeating: weightPerPoint, count: set.count))
    }

    /// Hot-spot cells: cell centres with a score (KDE density, or Gi* z). Cells with a score
    /// ≤ `minimumScore` are dropped (for Gi*, pass 0 to keep hot cells only, weighted by z).
    /// - Throws: count mismatches and invalid weights.
    public static func cells(centres: PlanarPointSet, scores: [Double], minimumScore: Double = 0) throws -> DemandSet {
        guard centres.count == scores.count else {
            throw CoverageError.weightCountMismatch(points: centres.count, weights: scores.count)
        }
        var kept = PlanarPointSet(), w: [Double] = []
        for i in 0 ..< centres.count where scores[i].isFinite && scores[i] > minimumScore {
            kept.append(centres[i]); w.append(scores[i])
        }
        return try DemandSet(points: kept, weights: w)
    }
}
