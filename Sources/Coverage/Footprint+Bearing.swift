import GeoKit

extension Footprint {
    /// Bearing from `a` to `b`, degrees clockwise from north in [0, 360) (metres in one
    /// projected CRS).
    public static func bearing(from a: PlanarPoint, to b: PlanarPoint) -> Double {
        bearingDegrees(b.x - a.x, b.y - a.y)
    }

    /// The smaller angle between two undirected lines of bearings `a` and `b`, degrees in
    /// [0, 90] (a road has no direction: 10° and 190° are the same road).
    public static func lineAngleDegrees(_ a: Double, _ b: Double) -> Double {
        var d = abs(normalizedDegrees(a) - normalizedDegrees(b)).truncatingRemainder(dividingBy: 180)
        if d > 90 { d = 180 - d }
        return d
    }
}
