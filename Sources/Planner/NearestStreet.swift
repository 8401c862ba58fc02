import Foundation
import GeoKit

/// The name of the nearest named road to a point (OSM `name`), through a grid of road
/// segments (cells of `cellMeters`), searched ring by ring out to `maxMeters`. Unnamed
/// roads are skipped: the installer wants a street name, not the nearest track.
public struct NearestStreet: Sendable {
    struct Segment: Sendable {
        var a: PlanarPoint
        var b: PlanarPoint
        var name: Int
    }

    let names: [String]
    let segments: [Segment]
    let cells: [Int64: [Int]]
    let cellMeters: Double
    public let maxMeters: Double

    /// `roads` in a metric CRS with one name per road (`nil` or empty = unnamed).
    public init(roads: [LineString<PlanarPoint>], names roadNames: [String?], cellMeters: Double = 250, maxMeters: Double = 500) {
        var names: [String] = []
        var index: [String: Int] = [:]
        var segments: [Segment] = []
        var cells: [Int64: [Int]] = [:]
        for (r, line) in roads.enumerated() {
            guard r < roadNames.count, let n = roadNames[r]?.trimmingCharacters(in: .whitespaces), !n.isEmpty else { continue }
            let id = index[n] ?? { names.append(n); index[n] = names.count - 1; return names.count - 1 }()
            for (a, b) in zip(line.points, line.points.dropFirst()) {
                segments.append(Segment(a: a, b: b, name: id))
                let s = segments.count - 1
                for cx in Self.cell(min(a.x, b.x), cellMeters) ... Self.cell(max(a.x, b.x), cellMeters) {
                    for cy in Self.cell(min(a.y, b.y), cellMeters) ... Self.cell(max(a.y, b.y), cellMeters) {
                        cells[Self.key(cx, cy), default: []].append(s)
                    }
                }
            }
        }
        self.names = names
        self.segments = segments
        self.cells = cells
        self.cellMeters = cellMeters
        self.maxMeters = maxMeters
    }

    /// The nearest named road within ``maxMeters`` and its distance in metres; ties go to the
    /// name first met in the road file.
    public func nearest(to p: PlanarPoint) -> (name: String, meters: Double)? {
        let cx = Self.cell(p.x, cellMeters), cy = Self.cell(p.y, cellMeters)
        var best: (Int, Double)?
        let rings = Int((maxMeters / cellMeters).rounded(.up))
        for ring in 0 ... rings {
            for dx in -ring ... ring {
                for dy in -ring ... ring where max(abs(dx), abs(dy)) == ring {
                    for s in cells[Self.key(cx + dx, cy + dy)] ?? [] {
                        let d = Self.distance(p, segments[s].a, segments[s].b)
                        if d <= maxMeters, best == nil || d < best!.1 || (d == best!.1 && segments[s].name < best!.0) {
                            best = (segments[s].name, d)
                        }
                    }
                }
            }
            // Everything nearer than the next ring's inner edge has been seen.
            if let b = best, b.1 <= Double(ring) * cellMeters { break }
        }
        return best.map { (names[$0.0], $0.1) }
    }

    static func cell(_ v: Double, _ size: Double) -> Int { Int((v / size).rounded(.down)) }
    static func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 ^ Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: y))) }

    static func distance(_ p: PlanarPoint, _ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let l2 = dx * dx + dy * dy
        let t = l2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return (ex * ex + ey * ey).squareRoot()
    }
}
