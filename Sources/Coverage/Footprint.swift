import Foundation
import GeoKit

/// What one camera at one site with one heading sees on the ground: the range disc ∩ the
/// FOV sector (the whole disc for 360° and PTZ cameras) ∩, with obstacles, the visibility
/// polygon (isovist) from the site. Coordinates are metres in the working CRS; headings are
/// degrees clockwise from north (0 = north, 90 = east).
///
/// Two views of the same set, kept consistent:
/// - ``contains(_:)``: the fast predicate used to build the coverage matrix (distance,
///   bearing, and the sight line tested against the nearby obstacle edges);
/// - ``polygon(maxArcStepDegrees:)``: the footprint polygon for `coverage.geojson`, by an
///   exact angular sweep over the edges (Asano 1985; CGAL `Rotational_sweep_visibility_2`).
///
/// A camera inside a building or on its wall is treated as mounted on the façade: that
/// building's own edges are ignored (see ``ObstacleIndex/edges(visibleFrom:rangeMeters:)``).
public struct Footprint: Sendable {
    /// Camera position, metres (working CRS).
    public let site: PlanarPoint
    /// Heading in [0, 360) degrees clockwise from north (ignored when `fovDegrees` is 360).
    public let headingDegrees: Double
    /// Opening of the sector, degrees in (0, 360].
    public let fovDegrees: Double
    /// Ground range, metres.
    public let rangeMeters: Double
    /// The occluding edges within range (empty without obstacles).
    public let edges: ObstacleEdges

    /// A footprint for `camera` at `site`, heading `headingDegrees`, occluded by `obstacles`.
    public init(site: PlanarPoint, headingDegrees: Double, camera: CameraSpec, obstacles: ObstacleIndex? = nil) {
        self.init(site: site, headingDegrees: headingDegrees, fovDegrees: camera.is360 ? 360 : camera.fovDegrees,
                  rangeMeters: camera.rangeMeters,
                  edges: obstacles?.edges(visibleFrom: site, rangeMeters: camera.rangeMeters) ?? ObstacleEdges())
    }

    /// A footprint from explicit range and FOV.
    /// - Throws: ``CoverageError/invalidRadius(_:)``, ``CoverageError/fovOutOfRange(typeId:value:)``.
    public init(site: PlanarPoint, headingDegrees: Double, fovDegrees: Double, rangeMeters: Double,
                obstacles: ObstacleIndex? = nil) throws {
        let spec = try CameraSpec(radiusMeters: rangeMeters, fovDegrees: fovDegrees)
        self.init(site: site, headingDegrees: headingDegrees, camera: spec, obstacles: obstacles)
    }

    init(site: PlanarPoint, headingDegrees: Double, fovDegrees: Double, rangeMeters: Double, edges: ObstacleEdges) {
        self.site = site
        self.headingDegrees = Self.normalizedDegrees(headingDegrees)
        self.fovDegrees = fovDegrees
        self.rangeMeters = rangeMeters
        self.edges = edges
    }

    /// Angular slack when testing the sector edges, degrees.
    static let angleToleranceDegrees = 1e-9

    /// Bearing from north, clockwise, in [0, 360) degrees, of the vector (dx, dy).
    @inline(__always)
    static func bearingDegrees(_ dx: Double, _ dy: Double) -> Double {
        let b = atan2(dx, dy) * (180 / .pi)
        return b < 0 ? b + 360 : b
    }

    static func normalizedDegrees(_ a: Double) -> Double {
        let r = a.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }

    /// Whether the bearing lies within `halfFov` of `heading` (all in degrees).
    @inline(__always)
    static func withinSector(bearing: Double, heading: Double, halfFovDegrees: Double) -> Bool {
        var diff = abs(bearing - heading)
        if diff > 180 { diff = 360 - diff }
        return diff <= halfFovDegrees + angleToleranceDegrees
    }

    /// Whether the camera sees `p`: within range (inclusive), within the sector (inclusive),
    /// and no obstacle edge cuts the sight line. The site itself is covered. O(edges).
    /// - Parameter transparentBuilding: a building whose walls do not hide `p` (the one `p`
    ///   lies in, under ``InteriorDemandRule/seenThroughOwnWalls``; see
    ///   ``ObstacleIndex/hostBuilding(ofDemand:)``), or -1.
    public func contains(_ p: PlanarPoint, transparentBuilding: Int = -1) -> Bool {
        let dx = p.x - site.x, dy = p.y - site.y
        let d2 = dx * dx + dy * dy
        guard d2 <= rangeMeters * rangeMeters else { return false }
        if d2 == 0 { return true }
        if fovDegrees < 360 {
            let b = Self.bearingDegrees(dx, dy)
            guard Self.withinSector(bearing: b, heading: headingDegrees, halfFovDegrees: fovDegrees / 2) else { return false }
        }
        return !edges.blocks(site.x, site.y, p.x, p.y, transparent: Int32(transparentBuilding))
    }

    /// The footprint polygon: the ground the camera sees outside buildings (it matches
    /// ``contains(_:transparentBuilding:)`` with no transparent building). Arcs of the range circle are replaced by chords at most
    /// `maxArcStepDegrees` apart (default 2°: the polygon's area falls short of the true
    /// sector by under 0.02%), so the polygon lies inside the exact footprint. The ring is
    /// counter-clockwise (RFC 7946) and, for a sector, starts at the site.
    ///
    /// Algorithm: each edge is clipped to the range disc and mapped to the angular interval it
    /// spans as seen from the site; the critical angles (interval ends, sector ends, arc
    /// samples) are sorted, and between two consecutive angles the nearest active edge (or
    /// the range circle) bounds the view. O(n log n + m·k) for n edges, m critical angles and
    /// k edges crossing a ray (small for building footprints). Edges that cross each other
    /// (overlapping buildings) are resolved at each interval's mid-angle.
    public func polygon(maxArcStepDegrees: Double = 2) -> Polygon<PlanarPoint> {
        let r = rangeMeters
        let full = fovDegrees >= 360
        let span = full ? 2 * Double.pi : fovDegrees * .pi / 180
        let start = full ? 0 : (headingDegrees - fovDegrees / 2) * .pi / 180   // bearing, radians
        let twoPi = 2 * Double.pi

        // Sweep angle φ of a local vector: bearing − start, in [0, 2π).
        func phi(_ x: Double, _ y: Double) -> Double {
            var a = atan2(x, y) - start
            a = a.truncatingRemainder(dividingBy: twoPi)
            if a < 0 { a += twoPi }
            return a
        }

        // Edge pieces: (φ from, φ to, edge) with from < to, inside [0, span].
        var pieceFrom: [Double] = [], pieceTo: [Double] = [], pieceEdge: [Int] = []
        var lax: [Double] = [], lay: [Double] = [], ldx: [Double] = [], ldy: [Double] = []
        var critical: [Double] = [0, span]
        for e in 0 ..< edges.count {
            let x0 = edges.ax[e] - site.x, y0 = edges.ay[e] - site.y
            let dx = edges.bx[e] - edges.ax[e], dy = edges.by[e] - edges.ay[e]
            // Clip to the disc: |p0 + s·d|² ≤ r².
            let a = dx * dx + dy * dy, b = 2 * (x0 * dx + y0 * dy), c = x0 * x0 + y0 * y0 - r * r
            let disc = b * b - 4 * a * c
            guard a > 0, disc > 0 else { continue }
            let sq = disc.squareRoot()
            let s0 = max(0, (-b - sq) / (2 * a)), s1 = min(1, (-b + sq) / (2 * a))
            guard s1 > s0 else { continue }
            // Skip edges whose line passes through the site: they hide nothing.
            let crossOrigin = x0 * dy - y0 * dx
            guard abs(crossOrigin) > 1e-12 * max(1, a) else { continue }
            let pa = (x0 + s0 * dx, y0 + s0 * dy), pb = (x0 + s1 * dx, y0 + s1 * dy)
            var fa = phi(pa.0, pa.1), fb = phi(pb.0, pb.1)
            var ext = fb - fa
            if ext < 0 { ext += twoPi }
            if ext > .pi { swap(&fa, &fb); ext = twoPi - ext }
            guard ext > 1e-12 else { continue }
            let idx = lax.count
            lax.append(x0); lay.append(y0); ldx.append(dx); ldy.append(dy)
            var ranges: [(Double, Double)] = []
            if fa + ext <= twoPi { ranges.append((fa, fa + ext)) } else {
                ranges.append((fa, twoPi)); ranges.append((0, fa + ext - twoPi))
            }
            for (f, t) in ranges {
                let cf = max(0, f), ct = min(span, t)
                guard ct > cf else { continue }
                pieceFrom.append(cf); pieceTo.append(ct); pieceEdge.append(idx)
                critical.append(cf); critical.append(ct)
            }
        }
        let steps = max(1, Int((span / (maxArcStepDegrees * .pi / 180)).rounded(.up)))
        for k in 1 ..< steps { critical.append(span * Double(k) / Double(steps)) }
        critical.sort()
        var angles: [Double] = []
        angles.reserveCapacity(critical.count)
        for a in critical where angles.isEmpty || a - angles[angles.count - 1] > 1e-12 { angles.append(a) }

        let order = pieceFrom.indices.sorted { pieceFrom[$0] < pieceFrom[$1] }
        var next = 0
        var active: [Int] = []
        var ring: [PlanarPoint] = []

        func direction(_ f: Double) -> (Double, Double) { (sin(start + f), cos(start + f)) }
        // Distance along the ray at φ to the line of local edge `e`.
        func hit(_ e: Int, _ u: (Double, Double)) -> Double {
            let den = u.0 * ldy[e] - u.1 * ldx[e]
            return (lax[e] * ldy[e] - lay[e] * ldx[e]) / den
        }
        func add(_ f: Double, _ t: Double) {
            let u = direction(f)
            let p = PlanarPoint(x: site.x + t * u.0, y: site.y + t * u.1)
            if let last = ring.last, abs(last.x - p.x) < 1e-9, abs(last.y - p.y) < 1e-9 { return }
            ring.append(p)
        }
        for i in 0 ..< angles.count - 1 {
            let f0 = angles[i], f1 = angles[i + 1]
            while next < order.count, pieceFrom[order[next]] <= f0 + 1e-12 {
                active.append(order[next]); next += 1
            }
            active.removeAll { pieceTo[$0] <= f0 + 1e-12 }
            let mid = direction((f0 + f1) / 2)
            var best = -1
            var bestT = Double.infinity
            for p in active where pieceFrom[p] < (f0 + f1) / 2 {
                let t = hit(pieceEdge[p], mid)
                if t > 0, t < bestT { bestT = t; best = pieceEdge[p] }
            }
            if best >= 0 {
                add(f0, min(r, max(0, hit(best, direction(f0)))))
                add(f1, min(r, max(0, hit(best, direction(f1)))))
            } else {
                add(f0, r)
                add(f1, r)
            }
        }
        if full, ring.count > 1, let f = ring.first, let l = ring.last,
           abs(f.x - l.x) < 1e-9, abs(f.y - l.y) < 1e-9 {
            ring.removeLast()
        }
        // The sweep runs clockwise (bearings); RFC 7946 wants exterior rings counter-clockwise.
        ring.reverse()
        if !full { ring.insert(site, at: 0) }
        return Polygon(exterior: ring)
    }
}
