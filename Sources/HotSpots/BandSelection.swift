import GeoKit

/// How the Gi* distance band is chosen.
public enum BandChoice: Sendable, Equatable {
    /// A given band in metres.
    case fixed(meters: Double)
    /// ArcGIS Hot Spot Analysis default: the smallest band that gives every unit at least one
    /// neighbour (the largest nearest-neighbour distance).
    case everyUnitHasNeighbor
    /// Optimized Hot Spot Analysis: first peak of incremental spatial autocorrelation,
    /// else the mean distance to the k-th nearest neighbour, k = 5 % of n clamped to 3...30.
    case optimized
}

/// The band chosen and why, for the summary.
public struct BandSelection: Sendable, Equatable {
    /// How the band was obtained.
    public enum Method: String, Sendable {
        case fixed, everyUnitHasNeighbor = "every_unit_has_neighbor"
        case incrementalPeak = "incremental_spatial_autocorrelation_peak"
        case kNearestFallback = "k_nearest_neighbor_mean_distance"
    }

    /// The distance band, metres.
    public let bandMeters: Double
    public let method: Method
    /// Incremental spatial autocorrelation profile (band metres, global Moran's I z), empty
    /// unless ``BandChoice/optimized`` was requested.
    public let profile: [BandProfilePoint]

    /// One band of the incremental spatial autocorrelation profile.
    public struct BandProfilePoint: Sendable, Equatable {
        public let bandMeters: Double
        public let moranI: Double
        public let zScore: Double
    }

    /// Resolves a ``BandChoice`` for `values` at `centers`.
    ///
    /// The optimized rule follows ArcGIS "How Optimized Hot Spot Analysis works" (scale of
    /// analysis): incremental spatial autocorrelation starting at the band that gives every
    /// unit a neighbour, in 10 steps of the mean nearest-neighbour distance (ArcGIS
    /// Incremental Spatial Autocorrelation defaults); the first band whose Moran's I z is a
    /// local maximum and significant (z > 1.96) is used. With no peak, the mean distance to
    /// the k-th nearest neighbour, k = round(0.05 n) clamped to 3...30.
    /// - Complexity: O(n k) per band with the grid hash; no distance matrix.
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for a band <= 0 and
    ///   ``HotSpotError/tooFewCells(found:minimum:)`` for fewer than 4 units.
    public static func resolve(_ choice: BandChoice, values: [Double], centers: PlanarPointSet) throws -> BandSelection {
        switch choice {
        case .fixed(let m):
            guard m > 0, m.isFinite else {
                throw HotSpotError.invalidParameter(name: "band", value: "\(m)", expected: "a positive distance in metres")
            }
            return BandSelection(bandMeters: m, method: .fixed, profile: [])
        case .everyUnitHasNeighbor:
            guard centers.count >= 2 else { throw HotSpotError.tooFewCells(found: centers.count, minimum: 2) }
            return BandSelection(bandMeters: minimumBandForOneNeighbor(centers: centers), method: .everyUnitHasNeighbor, profile: [])
        case .optimized:
            guard centers.count >= 4 else { throw HotSpotError.tooFewCells(found: centers.count, minimum: 4) }
            let grid = PointGrid(xs: centers.xs, ys: centers.ys, cellSizeMeters: 1)
            var nnSum = 0.0, nnMax = 0.0
            for i in 0..<centers.count {
                let d = grid.nearestDistances(from: i, x: centers.xs[i], y: centers.ys[i], k: 1)[0]
                nnSum += d; nnMax = max(nnMax, d)
            }
            let start = nnMax, step = max(nnSum / Double(centers.count), 1e-6)
            var profile: [BandProfilePoint] = []
            for k in 0..<10 {
                let band = start + Double(k) * step
                let (i, z) = globalMoran(values: values, centers: centers, bandMeters: band)
                profile.append(BandProfilePoint(bandMeters: band, moranI: i, zScore: z))
            }
            for k in profile.indices where profile[k].zScore > 1.96 {
                let before = k == 0 ? -Double.infinity : profile[k - 1].zScore
                let after = k == profile.count - 1 ? -Double.infinity : profile[k + 1].zScore
                if profile[k].zScore > before, profile[k].zScore >= after, k > 0, k < profile.count - 1 {
                    return BandSelection(bandMeters: profile[k].bandMeters, method: .incrementalPeak, profile: profile)
                }
            }
            let kth = min(30, max(3, Int((0.05 * Double(centers.count)).rounded())))
            return BandSelection(bandMeters: meanKthNeighborDistance(centers: centers, k: kth), method: .kNearestFallback, profile: profile)
        }
    }

    /// The largest nearest-neighbour distance: the smallest band giving every unit a neighbour.
    public static func minimumBandForOneNeighbor(centers: PlanarPointSet) -> Double {
        let grid = PointGrid(xs: centers.xs, ys: centers.ys, cellSizeMeters: 1)
        var best = 0.0
        for i in 0..<centers.count {
            if let d = grid.nearestDistances(from: i, x: centers.xs[i], y: centers.ys[i], k: 1).first { best = max(best, d) }
        }
        return best
    }

    /// Mean over units of the distance to their k-th nearest neighbour.
    public static func meanKthNeighborDistance(centers: PlanarPointSet, k: Int) -> Double {
        let grid = PointGrid(xs: centers.xs, ys: centers.ys, cellSizeMeters: 1)
        var sum = 0.0
        for i in 0..<centers.count {
            sum += grid.nearestDistances(from: i, x: centers.xs[i], y: centers.ys[i], k: k).last ?? 0
        }
        return centers.count > 0 ? sum / Double(centers.count) : 0
    }

    /// Global Moran's I with binary band weights (self excluded) and its z-score under the
    /// randomisation assumption (Cliff & Ord 1981, as ArcGIS Spatial Autocorrelation and
    /// esda `Moran(..., transformation="B").z_rand`). Streams pairs; no graph is stored.
    public static func globalMoran(values: [Double], centers: PlanarPointSet, bandMeters: Double) -> (i: Double, z: Double) {
        let n = values.count
        let nD = Double(n)
        let mean = values.reduce(0, +) / nD
        let z = values.map { $0 - mean }
        let m2sum = z.reduce(0) { $0 + $1 * $1 }
        let m4sum = z.reduce(0) { $0 + $1 * $1 * $1 * $1 }
        guard m2sum > 0, n > 3 else { return (0, 0) }
        let xs = centers.xs, ys = centers.ys
        let grid = PointGrid(xs: xs, ys: ys, cellSizeMeters: bandMeters)
        let b2 = bandMeters * bandMeters
        var cross = 0.0, s0 = 0.0, s2 = 0.0
        for i in 0..<n {
            var k = 0.0, lag = 0.0
            grid.forEachCandidate(x: xs[i], y: ys[i], radius: bandMeters) { j in
                guard j != i else { return }
                let dx = xs[j] - xs[i], dy = ys[j] - ys[i]
                if dx * dx + dy * dy <= b2 { k += 1; lag += z[j] }
            }
            cross += z[i] * lag
            s0 += k
            s2 += 4 * k * k
        }
        guard s0 > 0 else { return (0, 0) }
        let s1 = 2 * s0
        let moranI = nD / s0 * cross / m2sum
        let ei = -1 / (nD - 1)
        let kurt = nD * m4sum / (m2sum * m2sum)
        let a = nD * ((nD * nD - 3 * nD + 3) * s1 - nD * s2 + 3 * s0 * s0)
        let b = kurt * ((nD * nD - nD) * s1 - 2 * nD * s2 + 6 * s0 * s0)
        let v = (a - b) / ((nD - 1) * (nD - 2) * (nD - 3) * s0 * s0) - ei * ei
        guard v > 0 else { return (moranI, 0) }
        return (moranI, (moranI - ei) / v.squareRoot())
    }
}
