import Foundation

/// The preset views of a PTZ camera on a guard tour: `n` views spread evenly around the
/// mount (`360/n` degrees apart, the first at the facility's heading), each a sector of
/// `fovDegrees` and `rangeMeters`, watched for a share of the time.
///
/// A PTZ looks one way at a time; CCTV design practice credits it per preset, not as a fixed
/// 360° camera (DOMAIN.md). A demand point inside preset `k` is credited with
/// `weight × shares[k]`, the expected share of the time it is on screen. Presets do not
/// overlap (`fovDegrees ≤ 360/n`, checked by ``CameraType/validate()``), so a point lies in at
/// most one preset, except the mount point itself, which every preset sees (credit 1).
public struct PTZPresets: Sendable, Hashable {
    /// Opening of one preset view, degrees.
    public let fovDegrees: Double
    /// Ground range of a preset view, metres.
    public let rangeMeters: Double
    /// Share of the time each preset is watched, in preset order; sums to 1.
    public let shares: [Double]

    /// Angle between consecutive presets, degrees.
    public var spacingDegrees: Double { 360 / Double(shares.count) }

    /// The presets of `type` at the DORI level a PTZ is credited at (Observe), or `nil`
    /// when the type is not a PTZ or gives no `ptz_presets` (then it stays a disc).
    ///
    /// The preset FOV defaults to the widest view that still gives `pixelsPerMeter` at the
    /// range cap: `2·atan(W / (2·ppm·d))` with `d` the slant distance to a target at the
    /// cap. Its ground range is then the cap; a wider `ptz_preset_fov_deg` shortens it.
    public init?(type: CameraType) {
        guard type.kind == .ptz, let n = type.ptzPresets, n >= 1, let cap = type.maxRangeMeters else { return nil }
        let ppm = type.requiredPixelsPerMeter(for: .observe)
        let dh = type.mountHeightMeters - type.targetHeightMeters
        let slantAtCap = (cap * cap + dh * dh).squareRoot()
        let widest = 2 * atan(Double(type.sensorWidthPixels) / (2 * ppm * slantAtCap)) * 180 / .pi
        let fov = min(type.ptzPresetFOVDegrees ?? widest, 360 / Double(n))
        let slant = Double(type.sensorWidthPixels) / (ppm * 2 * tan(fov * .pi / 360))
        let ground = slant > abs(dh) ? (slant * slant - dh * dh).squareRoot() : 0
        fovDegrees = fov
        rangeMeters = min(ground, cap)
        shares = type.ptzDwellShares ?? [Double](repeating: 1 / Double(n), count: n)
    }

    /// Heading of preset `k` when the tour starts at `headingDegrees` (clockwise from north).
    public func presetHeading(_ k: Int, startingAt headingDegrees: Double) -> Double {
        Footprint.normalizedDegrees(headingDegrees + Double(k) * spacingDegrees)
    }

    /// The distinct tour start headings among `headings`: the headings modulo the preset
    /// spacing (8 headings and 4 presets give 0° and 45°), sorted.
    public func startHeadings(among headings: [Double]) -> [Double] {
        let s = spacingDegrees
        var seen: [Double] = []
        for h in headings {
            var r = Footprint.normalizedDegrees(h).truncatingRemainder(dividingBy: s)
            if s - r < 1e-9 { r = 0 }
            if !seen.contains(where: { abs($0 - r) < 1e-9 }) { seen.append(r) }
        }
        return seen.sorted()
    }

    /// Credit (share of time on screen, 0...1) of a point at `bearingDegrees` and squared
    /// distance `distanceSquared` from the mount, for a tour starting at `headingDegrees`;
    /// sight lines are not tested here.
    @inline(__always)
    public func credit(bearingDegrees: Double, distanceSquared: Double, headingDegrees: Double) -> Double {
        if distanceSquared == 0 { return 1 }
        guard distanceSquared <= rangeMeters * rangeMeters else { return 0 }
        let rel = Footprint.normalizedDegrees(bearingDegrees - headingDegrees)
        let n = shares.count
        let k = Int((rel / spacingDegrees).rounded()) % n
        let centre = Double(k) * spacingDegrees
        var diff = abs(rel - centre)
        if diff > 180 { diff = 360 - diff }
        return diff <= fovDegrees / 2 + Footprint.angleToleranceDegrees ? shares[k] : 0
    }
}
