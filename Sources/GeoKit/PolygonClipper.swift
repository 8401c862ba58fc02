import CGEOS

/// Clips many polygons to one area with a single prepared geometry (wraps `GEOSPrepare_r`,
/// `GEOSPreparedContains_r`, `GEOSPreparedIntersects_r`, `GEOSIntersection_r`): polygons
/// wholly inside are returned as they are, polygons outside are dropped, and only those on
/// the edge are intersected. For display layers (hot-spot cells cut to the wards).
///
/// Owns its GEOS context and geometries; not thread-safe (not `Sendable`).
public final class PolygonClipper<C: Coordinate> {
    private let context: GEOSContext
    private let area: GEOSGeometryHandle
    /// Destroyed with `GEOSPreparedGeom_destroy_r` before `area`.
    private let prepared: OpaquePointer

    /// - Throws: ``GeoError/geometry(_:)`` when GEOS cannot build the area.
    public init(_ area: MultiPolygon<C>) throws(GeoError) {
        context = try GEOSContext()
        self.area = try context.makeMultiPolygon(area)
        // NULL = exception; borrows `area`, which outlives it.
        guard let p = GEOSPrepare_r(context.handle, self.area.pointer) else { throw context.error("GEOSPrepare_r") }
        prepared = p
    }

    deinit { GEOSPreparedGeom_destroy_r(context.handle, prepared) }

    /// The part of `polygon` inside the area; `nil` when nothing of it is (or only a line or
    /// a point is).
    /// - Throws: ``GeoError/geometry(_:)`` on a GEOS exception.
    public func clip(_ polygon: MultiPolygon<C>) throws(GeoError) -> MultiPolygon<C>? {
        let g = try context.makeMultiPolygon(polygon)
        // 0 = false, 1 = true, 2 = exception (both predicates).
        let inside = GEOSPreparedContains_r(context.handle, prepared, g.pointer)
        guard inside != 2 else { throw context.error("GEOSPreparedContains_r") }
        if inside == 1 { return polygon }
        let touches = GEOSPreparedIntersects_r(context.handle, prepared, g.pointer)
        guard touches != 2 else { throw context.error("GEOSPreparedIntersects_r") }
        if touches == 0 { return nil }
        // NULL = exception; the result is ours.
        guard let r = GEOSIntersection_r(context.handle, g.pointer, area.pointer) else { throw context.error("GEOSIntersection_r") }
        let result = GEOSGeometryHandle(context: context, owning: r)
        let parts: [Polygon<C>] = try context.polygons(in: result.pointer)
        return parts.isEmpty ? nil : MultiPolygon(parts)
    }
}
