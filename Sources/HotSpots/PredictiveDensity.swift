import Foundation
import GeoKit

/// A demand surface meant for next year, at camera scale: the kernel density of past
/// incidents evaluated at sample points (the road points a camera can watch), with recency
/// weighting and a repeat-place boost.
///
/// `value(p) = Σ_k w_k · r_k · b_k · K(|p − x_k| / h)` over the incidents `k`, where
/// - `w_k` is the incident's weight (severity × weight column),
/// - `r_k = 0.5^(age_k / halfLifeDays)` with `age_k` in days before the latest incident
///   (1 without a half-life or a date),
/// - `b_k = 1 + repeatBoost · n_k` with `n_k` the other incidents within
///   `repeatRadiusMeters` (crime concentrates at micro-places and stays there, Weisburd 2015),
/// - `K(u) = (1 − u²)²` for `u < 1`, else 0 (the quartic kernel of ArcGIS's Kernel Density,
///   Silverman 1986), `h` the bandwidth in metres.
///
/// Distances are straight-line in the working CRS; evaluating only at road points makes the
/// surface a density along the roads. O(samples + incidents · samples within `h`).
public struct PredictiveDensity: Sendable, Hashable {
    /// Kernel radius, metres (camera scale: 25–400).
    public var bandwidthMeters: Double
    /// Recency half-life, days (`nil`: no decay).
    public var halfLifeDays: Double?
    /// Extra weight per other incident within `repeatRadiusMeters` (0: none).
    public var repeatBoost: Double
    /// Radius that makes two incidents the same place, metres.
    public var repeatRadiusMeters: Double

    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for a bandwidth or
    ///   radius that is not > 0, a half-life that is not > 0, a negative boost.
    public init(bandwidthMeters: Double, halfLifeDays: Double? = nil, repeatBoost: Double = 0,
                repeatRadiusMeters: Double = 50) throws {
        guard bandwidthMeters.isFinite, bandwidthMeters > 0 else {
            throw HotSpotError.invalidParameter(name: "bandwidth", value: "\(bandwidthMeters)", expected: "a distance > 0 metres")
        }
        if let h = halfLifeDays, !(h.isFinite && h > 0) {
            throw HotSpotError.invalidParameter(name: "half_life_days", value: "\(h)", expected: "a number of days > 0")
        }
        guard repeatBoost.isFinite, repeatBoost >= 0 else {
            throw HotSpotError.invalidParameter(name: "repeat boost", value: "\(repeatBoost)", expected: "a number >= 0")
        }
        guard repeatRadiusMeters.isFinite, repeatRadiusMeters > 0 else {
            throw HotSpotError.invalidParameter(name: "repeat radius", value: "\(repeatRadiusMeters)", expected: "a distance > 0 metres")
        }
        self.bandwidthMeters = bandwidthMeters
        self.halfLifeDays = halfLifeDays
        self.repeatBoost = repeatBoost
        self.repeatRadiusMeters = repeatRadiusMeters
    }

    /// Weight of each incident after recency and repeat boost (`w_k · r_k · b_k`).
    /// - Parameter dayNumbers: ``CivilDate`` day of each incident, or `nil` when undated.
    public func incidentWeights(points: PlanarPointSet, weights: [Double], dayNumbers: [Int?]) -> [Double] {
        let latest = dayNumbers.compactMap { $0 }.max()
        var out = weights
        if let half = halfLifeDays, let latest {
            for k in out.indices {
                if let d = dayNumbers[k] { out[k] *= pow(0.5, Double(latest - d) / half) }
            }
        }
        if repeatBoost > 0 {
            let near = Self.neighbourCounts(points, radius: repeatRadiusMeters)
            for k in out.indices { out[k] *= 1 + repeatBoost * Double(near[k]) }
        }
        return out
    }

    /// The surface at `samples` from incidents at `points` with final weights `incidentWeights`
    /// (``incidentWeights(points:weights:dayNumbers:)``).
    public func values(at samples: PlanarPointSet, points: PlanarPointSet, incidentWeights: [Double]) -> [Double] {
        let h = bandwidthMeters, h2 = h * h
        var out = [Double](repeating: 0, count: samples.count)
        let grid = PointGrid(xs: samples.xs, ys: samples.ys, cellSizeMeters: h)
        for k in 0 ..< points.count where incidentWeights[k] > 0 {
            let x = points.xs[k], y = points.ys[k], w = incidentWeights[k]
            grid.forEachCandidate(x: x, y: y, radius: h) { i in
                let ex = samples.xs[i] - x, ey = samples.ys[i] - y
                let u2 = (ex * ex + ey * ey) / h2
                if u2 < 1 { out[i] += w * (1 - u2) * (1 - u2) }
            }
        }
        return out
    }

    /// Number of other points within `radius` of each point.
    static func neighbourCounts(_ pts: PlanarPointSet, radius: Double) -> [Int] {
        let grid = PointGrid(xs: pts.xs, ys: pts.ys, cellSizeMeters: radius)
        let r2 = radius * radius
        return (0 ..< pts.count).map { i in
            var n = 0
            grid.forEachCandidate(x: pts.xs[i], y: pts.ys[i], radius: radius) { j in
                let ex = pts.xs[j] - pts.xs[i], ey = pts.ys[j] - pts.ys[i]
                if j != i, ex * ex + ey * ey <= r2 { n += 1 }
            }
            return n
        }
    }
}
