import GeoKit

/// Kernel density with the quartic (biweight) kernel, as ArcGIS Spatial Analyst Kernel
/// Density (Silverman 1986, eq. 4.5):
///
///     density(c) = 1 / r^2 * sum_{i : d_i < r} 3 / pi * w_i * (1 - (d_i / r)^2)^2
///
/// for an output location `c` (a cell centre), search radius `r` (the bandwidth, metres),
/// incident weight `w_i` (the population field) and distance `d_i`. The kernel integrates to
/// `w_i` over the plane, so the surface is incidents per square metre; this type reports it
/// per square kilometre (x 10^6).
public enum KernelDensity {
    /// Density per km^2 at each of `centers`.
    /// - Parameters:
    ///   - points: incident locations, metres in the working CRS.
    ///   - weights: one weight per point (1 for plain counts); points of weight 0 are skipped.
    ///   - centers: where to evaluate (cell centres).
    ///   - bandwidthMeters: search radius `r` (> 0).
    /// - Complexity: O(points x centres within r) using a grid hash over the centres.
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)``, length mismatch.
    public static func quartic(points: PlanarPointSet, weights: [Double], centers: PlanarPointSet, bandwidthMeters r: Double) throws -> [Double] {
        guard r > 0, r.isFinite else {
            throw HotSpotError.invalidParameter(name: "bandwidth", value: "\(r)", expected: "a positive distance in metres")
        }
        guard weights.count == points.count else {
            throw HotSpotError.mismatchedLengths(field: "weights", expected: points.count, found: weights.count)
        }
        let cx = centers.xs, cy = centers.ys
        var density = [Double](repeating: 0, count: centers.count)
        guard !cx.isEmpty else { return density }
        let grid = PointGrid(xs: cx, ys: cy, cellSizeMeters: r)
        let r2 = r * r
        let scale = 3.0 / Double.pi / r2 * 1e6
        let px = points.xs, py = points.ys
        density.withUnsafeMutableBufferPointer { out in
            for i in 0..<px.count {
                let w = weights[i]
                guard w != 0 else { continue }
                let x = px[i], y = py[i]
                grid.forEachCandidate(x: x, y: y, radius: r) { c in
                    let dx = cx[c] - x, dy = cy[c] - y
                    let d2 = dx * dx + dy * dy
                    if d2 < r2 {
                        let t = 1 - d2 / r2
                        out[c] += scale * w * t * t
                    }
                }
            }
        }
        return density
    }
}
