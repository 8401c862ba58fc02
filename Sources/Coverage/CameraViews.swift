import Foundation
import GeoKit

/// What one placed camera watches: a single footprint watched all the time (fixed, fisheye,
/// LPR, a PTZ without presets), or the preset footprints of a PTZ on a guard tour, each
/// watched for its share of the time (``PTZPresets``).
public struct CameraViews: Sendable {
    /// The views; one for a camera without presets.
    public let footprints: [Footprint]
    /// Share of the time each view is watched, aligned with `footprints`; sums to 1.
    public let shares: [Double]

    /// A camera watched all the time through one footprint.
    public init(_ footprint: Footprint) {
        self.init(footprints: [footprint], shares: [1])
    }

    init(footprints: [Footprint], shares: [Double]) {
        self.footprints = footprints
        self.shares = shares
    }

    /// The preset views of `camera` at `site`, the tour starting at `headingDegrees`; a
    /// camera without presets gives its one footprint.
    public init(site: PlanarPoint, headingDegrees: Double, camera: CameraSpec, obstacles: ObstacleIndex?) {
        guard let p = camera.presets else {
            self.init(Footprint(site: site, headingDegrees: headingDegrees, camera: camera, obstacles: obstacles))
            return
        }
        let edges = obstacles?.edges(visibleFrom: site, rangeMeters: p.rangeMeters) ?? ObstacleEdges()
        self.init(footprints: p.shares.indices.map {
            Footprint(site: site, headingDegrees: p.presetHeading($0, startingAt: headingDegrees), fovDegrees: p.fovDegrees,
                      rangeMeters: p.rangeMeters, edges: edges)
        }, shares: p.shares)
    }

    /// The mount point.
    public var site: PlanarPoint { footprints[0].site }

    /// The longest ground range of the views, metres.
    public var rangeMeters: Double { footprints.map(\.rangeMeters).max() ?? 0 }

    /// Credit of `p` in 0...1: the summed shares of the views that see it (1 for a camera
    /// with one view that sees it; the mount point is seen by every view).
    public func credit(_ p: PlanarPoint, transparentBuilding: Int = -1) -> Double {
        var c = 0.0
        for (fp, s) in zip(footprints, shares) where fp.contains(p, transparentBuilding: transparentBuilding) { c += s }
        return min(c, 1)
    }

    /// The footprint polygons of the views (see ``Footprint/polygon(maxArcStepDegrees:)``).
    public func polygons(maxArcStepDegrees: Double = 2) -> [Polygon<PlanarPoint>] {
        footprints.map { $0.polygon(maxArcStepDegrees: maxArcStepDegrees) }
    }
}

/// The cameras of a plan as one watched area: for any point, the credit of the best camera
/// that sees it (1 inside a fixed camera's footprint, a preset's dwell share inside a PTZ
/// preset only). This is how the planner scores incidents it did not fit on (held-out
/// coverage) and the per-ward shares, with the same sight-line rule as the coverage matrix.
public struct FootprintUnion: Sendable {
    public let cameras: [CameraViews]
    let obstacles: ObstacleIndex?
    let interiorDemand: InteriorDemandRule

    /// - Parameters:
    ///   - obstacles, interiorDemand: as given to the ``CoverageBuilder`` that built the plan,
    ///     so that a point inside a building is judged the same way.
    public init(cameras: [CameraViews], obstacles: ObstacleIndex?, interiorDemand: InteriorDemandRule = .seenThroughOwnWalls) {
        self.cameras = cameras
        self.obstacles = obstacles
        self.interiorDemand = interiorDemand
    }

    /// Credit of each point in 0...1: the largest credit any camera gives it (coverage by two
    /// cameras does not add up, as in the coverage model). A bucket grid of the points keeps
    /// it O(points + cameras · points near each camera).
    public func credits(of points: PlanarPointSet) -> [Double] {
        var credit = [Double](repeating: 0, count: points.count)
        sweep(points) { i, c in credit[i] = max(credit[i], c) }
        return credit
    }

    /// Covered weight after the first `m` cameras, `m = 1...cameras.count` (entry `m − 1`),
    /// in camera order: the held-out coverage curve.
    public func cumulativeCoveredWeight(of points: PlanarPointSet, weights: [Double]) -> [Double] {
        var credit = [Double](repeating: 0, count: points.count)
        var total = 0.0, out: [Double] = []
        out.reserveCapacity(cameras.count)
        sweep(points, afterCamera: { out.append(total) }) { i, c in
            if c > credit[i] {
                total += weights[i] * (c - credit[i])
                credit[i] = c
            }
        }
        return out
    }

    /// Calls `visit(point, credit)` for every point each camera gives a credit > 0, camera by
    /// camera in order, then `afterCamera`.
    func sweep(_ points: PlanarPointSet, afterCamera: () -> Void = {}, visit: (Int, Double) -> Void) {
        guard !cameras.isEmpty, points.count > 0 else {
            for _ in cameras { afterCamera() }
            return
        }
        let grid = PointGrid(points: points, cellSizeMeters: max(cameras.map(\.rangeMeters).max() ?? 50, 10))
        var host: [Int: Int] = [:]
        for cam in cameras {
            let r = cam.rangeMeters
            grid.forEachSlot(near: cam.site.x, cam.site.y, radius: r) { slot in
                let i = Int(grid.ids[slot])
                let p = PlanarPoint(x: grid.xs[slot], y: grid.ys[slot])
                let h: Int
                if let known = host[i] { h = known } else { h = transparentBuilding(p); host[i] = h }
                let c = cam.credit(p, transparentBuilding: h)
                if c > 0 { visit(i, c) }
            }
            afterCamera()
        }
    }

    /// Weighted credit: `Σ weights[i] · credit[i]` over the points.
    public func coveredWeight(of points: PlanarPointSet, weights: [Double]) -> Double {
        zip(credits(of: points), weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func transparentBuilding(_ p: PlanarPoint) -> Int {
        guard let obstacles, interiorDemand == .seenThroughOwnWalls else { return -1 }
        return obstacles.hostBuilding(ofDemand: p)
    }
}
