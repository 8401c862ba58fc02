import GeoKit

/// A fixed-length piece of a road, the unit black spots are counted on.
public struct RoadSegment: Sendable, Hashable {
    /// `s0`, `s1`, … in the order the segmenter made them.
    public var id: String
    public var roadName: String
    public var roadClass: String
    /// Metres, working CRS.
    public var line: LineString<PlanarPoint>
    public var lengthMeters: Double
}

/// Splits roads into segments of a fixed length (the last piece of a road is shorter).
///
/// OpenStreetMap cuts a road into many short ways; ways of the same named road and class
/// whose ends meet (within `joinToleranceMeters`) are chained first, so that a 500 m segment
/// means 500 m of that road and not a way's arbitrary remnant. Unnamed ways are cut alone.
/// Chaining follows the input order, so the result is deterministic.
public enum RoadSegmenter {
    /// - Throws: ``TrafficError/invalidSetting(_:)`` for a length or tolerance that is not > 0.
    public static func segments(_ roads: [RoadLine], lengthMeters: Double, joinToleranceMeters: Double = 1) throws -> [RoadSegment] {
        guard lengthMeters.isFinite, lengthMeters > 0 else {
            throw TrafficError.invalidSetting("black-spot segment length must be > 0 metres, got \(lengthMeters)")
        }
        guard joinToleranceMeters.isFinite, joinToleranceMeters > 0 else {
            throw TrafficError.invalidSetting("join tolerance must be > 0 metres, got \(joinToleranceMeters)")
        }
        var out: [RoadSegment] = []
        for chain in chains(roads, toleranceMeters: joinToleranceMeters) {
            for piece in cut(chain.points, every: lengthMeters) {
                let len = zip(piece, piece.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
                guard len > 0 else { continue }
                out.append(RoadSegment(id: "s\(out.count)", roadName: chain.name, roadClass: chain.roadClass,
                                       line: LineString(piece), lengthMeters: len))
            }
        }
        return out
    }

    struct Chain { var name: String; var roadClass: String; var points: [PlanarPoint] }

    /// Named ways of one class joined end to end, in input order.
    static func chains(_ roads: [RoadLine], toleranceMeters: Double) -> [Chain] {
        struct Key: Hashable { var x: Int; var y: Int }
        func key(_ p: PlanarPoint) -> Key {
            Key(x: Int((p.x / toleranceMeters).rounded()), y: Int((p.y / toleranceMeters).rounded()))
        }
        var used = [Bool](repeating: false, count: roads.count)
        // Per (name, class): ends of each way, by snapped position.
        var ends: [String: [Key: [Int]]] = [:]
        func group(_ r: RoadLine) -> String? { r.name.isEmpty ? nil : r.roadClass + "\u{1}" + r.name }
        for (i, r) in roads.enumerated() where r.line.points.count >= 2 {
            guard let g = group(r), let a = r.line.points.first, let b = r.line.points.last else { continue }
            ends[g, default: [:]][key(a), default: []].append(i)
            ends[g, default: [:]][key(b), default: []].append(i)
        }
        var out: [Chain] = []
        for (i, r) in roads.enumerated() where !used[i] && r.line.points.count >= 2 {
            used[i] = true
            var pts = r.line.points
            if let g = group(r), let table = ends[g] {
                // Extend at the end, then at the start (by reversing), while an unused way meets it.
                for _ in 0 ..< 2 {
                    while let last = pts.last, let j = table[key(last)]?.first(where: { !used[$0] }) {
                        used[j] = true
                        var next = roads[j].line.points
                        if key(next[0]) != key(last) { next.reverse() }
                        pts += next.dropFirst()
                    }
                    pts.reverse()
                }
            }
            out.append(Chain(name: r.name, roadClass: r.roadClass, points: pts))
        }
        return out
    }

    /// The polyline cut at every `step` metres from its start.
    static func cut(_ pts: [PlanarPoint], every step: Double) -> [[PlanarPoint]] {
        var out: [[PlanarPoint]] = []
        var current: [PlanarPoint] = pts.isEmpty ? [] : [pts[0]]
        var used = 0.0   // length of `current`
        for k in pts.indices.dropFirst() {
            var a = pts[k - 1]
            let b = pts[k]
            var len = a.distance(to: b)
            while used + len > step + 1e-9 {
                let t = (step - used) / len
                let c = PlanarPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
                current.append(c)
                out.append(current)
                current = [c]
                used = 0
                a = c
                len = a.distance(to: b)
            }
            if len > 0 { current.append(b); used += len }
        }
        if current.count >= 2 { out.append(current) }
        return out
    }
}
