import CGEOS

/// A polygon prepared for many fast point-in-polygon tests (wraps `GEOSPrepare_r` and
/// `GEOSPreparedIntersects_r`). Points on the boundary count as inside.
///
/// Owns its own GEOS context, geometry and prepared geometry; like every GEOS object it is
/// not thread-safe: use one per thread (it is deliberately not `Sendable`).
public final class PreparedArea {
    private let context: GEOSContext
    private let geometry: GEOSGeometryHandle
    /// The prepared geometry; destroyed with `GEOSPreparedGeom_destroy_r` before `geometry`.
    private let prepared: OpaquePointer
    /// The box of the area, to skip GEOS for points clearly outside.
    public let bounds: BoundingBox<PlanarPoint>?

    /// Prepares `area` (metres in the working CRS).
    /// - Throws: ``GeoError/geometry(_:)`` when GEOS cannot build the polygon.
    public init(_ area: MultiPolygon<PlanarPoint>) throws(GeoError) {
        context = try GEOSContext()
        geometry = try context.makeMultiPolygon(area)
        // NULL = exception; borrows `geometry`, which must outlive it.
        guard let p = GEOSPrepare_r(context.handle, geometry.pointer) else {
            throw context.error("GEOSPrepare_r")
        }
        prepared = p
        bounds = area.bounds
    }

    deinit {
        GEOSPreparedGeom_destroy_r(context.handle, prepared)
    }

    /// Whether `point` lies in the area or on its boundary. O(log n) after preparation.
    /// - Throws: ``GeoError/geometry(_:)`` on a GEOS exception.
    public func contains(_ point: PlanarPoint) throws(GeoError) -> Bool {
        guard let bounds, bounds.contains(point) else { return false }
        let g = try context.makePoint(point)
        // 0 = false, 1 = true, 2 = exception.
        let r = GEOSPreparedIntersects_r(context.handle, prepared, g.pointer)
        guard r != 2 else { throw context.error("GEOSPreparedIntersects_r") }
        return r == 1
    }

    /// ``contains(_:)`` for every point of `points`, in order.
    public func contains(_ points: PlanarPointSet) throws(GeoError) -> [Bool] {
        var out = [Bool](repeating: false, count: points.count)
        for i in 0..<points.count { out[i] = try contains(points[i]) }
        return out
    }
}
