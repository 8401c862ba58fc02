import CGEOS

/// A spatial index over many polygons (wards, footprints): an STRtree of their envelopes
/// (wraps `GEOSSTRtree_create_r`, `GEOSSTRtree_insert_r`, `GEOSSTRtree_query_r`) with each
/// polygon prepared for exact point tests.
///
/// Owns a GEOS context and its trees; not thread-safe (not `Sendable`): one per thread.
public final class PolygonIndex {
    private let context: GEOSContext
    /// The tree; destroyed with `GEOSSTRtree_destroy_r` in deinit.
    private let tree: OpaquePointer
    /// Envelope geometries inserted into the tree (the tree borrows them).
    private let envelopes: [GEOSGeometryHandle]
    private let areas: [PreparedArea]
    /// Number of polygons indexed.
    public var count: Int { areas.count }

    /// Indexes `polygons` (metres in the working CRS); item `i` is `polygons[i]`.
    /// - Throws: ``GeoError/geometry(_:)`` when a polygon cannot be built in GEOS.
    public init(_ polygons: [MultiPolygon<PlanarPoint>]) throws(GeoError) {
        context = try GEOSContext()
        // NULL = exception. 10 = node capacity.
        guard let t = GEOSSTRtree_create_r(context.handle, 10) else { throw context.error("GEOSSTRtree_create_r") }
        tree = t
        var envs = [GEOSGeometryHandle]()
        var prepared = [PreparedArea]()
        for (i, p) in polygons.enumerated() {
            prepared.append(try PreparedArea(p))
            guard let b = p.bounds else { continue }
            let env = try context.makeBox(b)
            // The item is the polygon's index + 1 (never NULL) stored in the pointer itself.
            // No return value; GEOS reports exceptions through the message handler.
            GEOSSTRtree_insert_r(context.handle, t, env.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
            envs.append(env)
        }
        envelopes = envs
        areas = prepared
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// Indices of the polygons whose envelope meets `box`, ascending (a superset of those
    /// that intersect it). O(log n + k).
    public func candidates(in box: BoundingBox<PlanarPoint>) throws(GeoError) -> [Int] {
        let q = try context.makeBox(box)
        let hits = HitBox()
        let userData = Unmanaged.passUnretained(hits).toOpaque()
        // The callback runs synchronously inside the call; `hits` is alive throughout.
        GEOSSTRtree_query_r(context.handle, tree, q.pointer, { item, userData in
            guard let item, let userData else { return }
            let box = Unmanaged<PolygonIndex.HitBox>.fromOpaque(userData).takeUnretainedValue()
            box.items.append(Int(bitPattern: item) - 1)
        }, userData)
        return hits.items.sorted()
    }

    /// The lowest index of a polygon containing `point` (boundary included), or `nil`.
    public func firstContaining(_ point: PlanarPoint) throws(GeoError) -> Int? {
        let box = BoundingBox<PlanarPoint>(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
        for i in try candidates(in: box) where try areas[i].contains(point) { return i }
        return nil
    }

    /// ``firstContaining(_:)`` for every point, in order (`nil` = in no polygon).
    public func firstContaining(_ points: PlanarPointSet) throws(GeoError) -> [Int?] {
        var out = [Int?](repeating: nil, count: points.count)
        for i in 0..<points.count { out[i] = try firstContaining(points[i]) }
        return out
    }

    final class HitBox {
        var items: [Int] = []
    }
}
