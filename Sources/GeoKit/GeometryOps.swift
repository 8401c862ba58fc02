import CGEOS

/// GEOS-backed operations on geometry values. Every call makes its own GEOS context, so the
/// functions are safe to call from any thread. Coordinates keep the frame `C`; measures
/// (area, buffer distance) are in the units of that frame, i.e. metres for ``PlanarPoint``.
public enum GeometryOps {
    /// Area of a (multi)polygon, holes subtracted (wraps `GEOSArea_r`). In square metres for
    /// ``PlanarPoint``. Complexity: O(n) in the number of vertices.
    /// - Throws: ``GeoError/geometry(_:)`` when GEOS rejects the geometry.
    public static func area<C: Coordinate>(_ mp: MultiPolygon<C>) throws(GeoError) -> Double {
        let ctx = try GEOSContext()
        let g = try ctx.makeMultiPolygon(mp)
        var a = 0.0
        // 0 = exception.
        guard GEOSArea_r(ctx.handle, g.pointer, &a) != 0 else { throw ctx.error("GEOSArea_r") }
        return a
    }

    /// Whether the polygon is valid (OGC rules) and if not, why (wraps `GEOSisValid_r` and
    /// `GEOSisValidReason_r`).
    public static func validity<C: Coordinate>(_ mp: MultiPolygon<C>) throws(GeoError) -> ValidityReport {
        let ctx = try GEOSContext()
        let g: GEOSGeometryHandle
        do {
            g = try ctx.makeMultiPolygon(mp)
        } catch {
            // A ring GEOS cannot even build (fewer than 4 points) is invalid too.
            return ValidityReport(reason: error.description)
        }
        // 0 = invalid, 1 = valid, 2 = exception.
        let v = GEOSisValid_r(ctx.handle, g.pointer)
        guard v != 2 else { throw ctx.error("GEOSisValid_r") }
        if v == 1 { return ValidityReport(reason: nil) }
        // NULL = exception; the string is GEOS-allocated and freed with GEOSFree_r.
        guard let r = GEOSisValidReason_r(ctx.handle, g.pointer) else { throw ctx.error("GEOSisValidReason_r") }
        defer { GEOSFree_r(ctx.handle, r) }
        return ValidityReport(reason: String(cString: r))
    }

    /// Repairs an invalid polygon with the "structure" method of `GEOSMakeValidWithParams_r`
    /// (collapsed parts dropped), keeping only polygonal output.
    /// - Throws: ``GeoError/geometry(_:)`` when GEOS fails or nothing polygonal remains.
    public static func makeValid<C: Coordinate>(_ mp: MultiPolygon<C>) throws(GeoError) -> MultiPolygon<C> {
        let ctx = try GEOSContext()
        let g = try ctx.makeMultiPolygon(mp)
        // NULL = exception; destroyed with GEOSMakeValidParams_destroy_r.
        guard let params = GEOSMakeValidParams_create_r(ctx.handle) else {
            throw ctx.error("GEOSMakeValidParams_create_r")
        }
        defer { GEOSMakeValidParams_destroy_r(ctx.handle, params) }
        // 0 = exception.
        guard GEOSMakeValidParams_setMethod_r(ctx.handle, params, GEOS_MAKE_VALID_STRUCTURE) != 0,
              GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle, params, 0) != 0 else {
            throw ctx.error("GEOSMakeValidParams_set")
        }
        // NULL = exception; the result is ours.
        guard let r = GEOSMakeValidWithParams_r(ctx.handle, g.pointer, params) else {
            throw ctx.error("GEOSMakeValidWithParams_r")
        }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        let polys: [Polygon<C>] = try ctx.polygons(in: result.pointer)
        guard !polys.isEmpty else { throw .geometry("repair left no polygon (the shape collapsed to lines or points)") }
        return MultiPolygon(polys)
    }

    /// The polygonal part of the intersection of `a` and `b` (wraps `GEOSIntersection_r`);
    /// empty when they do not overlap.
    public static func intersection<C: Coordinate>(_ a: MultiPolygon<C>, _ b: MultiPolygon<C>) throws(GeoError) -> MultiPolygon<C> {
        let ctx = try GEOSContext()
        let ga = try ctx.makeMultiPolygon(a), gb = try ctx.makeMultiPolygon(b)
        // NULL = exception; the result is ours.
        guard let r = GEOSIntersection_r(ctx.handle, ga.pointer, gb.pointer) else {
            throw ctx.error("GEOSIntersection_r")
        }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        return MultiPolygon(try ctx.polygons(in: result.pointer))
    }

    /// The part of `a` outside `b` (wraps `GEOSDifference_r`), polygonal part only.
    public static func difference<C: Coordinate>(_ a: MultiPolygon<C>, _ b: MultiPolygon<C>) throws(GeoError) -> MultiPolygon<C> {
        let ctx = try GEOSContext()
        let ga = try ctx.makeMultiPolygon(a), gb = try ctx.makeMultiPolygon(b)
        // NULL = exception; the result is ours.
        guard let r = GEOSDifference_r(ctx.handle, ga.pointer, gb.pointer) else { throw ctx.error("GEOSDifference_r") }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        return MultiPolygon(try ctx.polygons(in: result.pointer))
    }

    /// Any geometry clipped to `area` (wraps `GEOSIntersection_r`): road lines cut to a ward
    /// or a camera's view, points kept when inside. `nil` when nothing is left. Mixed results
    /// keep their highest dimension (polygons, else lines, else points).
    public static func clip<C: Coordinate>(_ geometry: Geometry<C>, to area: MultiPolygon<C>) throws(GeoError) -> Geometry<C>? {
        let ctx = try GEOSContext()
        let g = try ctx.make(geometry), a = try ctx.makeMultiPolygon(area)
        // NULL = exception; the result is ours.
        guard let r = GEOSIntersection_r(ctx.handle, g.pointer, a.pointer) else { throw ctx.error("GEOSIntersection_r") }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        return try ctx.geometry(result.pointer)
    }

    /// Length of lines, or perimeter of polygons (wraps `GEOSLength_r`), in the units of `C`
    /// (metres for ``PlanarPoint``).
    public static func length<C: Coordinate>(_ geometry: Geometry<C>) throws(GeoError) -> Double {
        let ctx = try GEOSContext()
        let g = try ctx.make(geometry)
        var l = 0.0
        // 0 = exception.
        guard GEOSLength_r(ctx.handle, g.pointer, &l) != 0 else { throw ctx.error("GEOSLength_r") }
        return l
    }

    /// A simplified polygon that keeps its topology (wraps `GEOSTopologyPreserveSimplify_r`,
    /// Douglas-Peucker), for lighter outputs. `tolerance` in the units of `C`.
    public static func simplify<C: Coordinate>(_ mp: MultiPolygon<C>, tolerance: Double) throws(GeoError) -> MultiPolygon<C> {
        guard tolerance.isFinite, tolerance >= 0 else { throw .invalidInput("simplify: tolerance must be finite and >= 0") }
        let ctx = try GEOSContext()
        let g = try ctx.makeMultiPolygon(mp)
        // NULL = exception; the result is ours.
        guard let r = GEOSTopologyPreserveSimplify_r(ctx.handle, g.pointer, tolerance) else {
            throw ctx.error("GEOSTopologyPreserveSimplify_r")
        }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        return MultiPolygon(try ctx.polygons(in: result.pointer))
    }

    /// The union of many polygons in one cascaded pass (wraps `GEOSUnaryUnion_r` on their
    /// collection). Complexity: about O(n log n) in the total vertex count.
    public static func union<C: Coordinate>(_ areas: [MultiPolygon<C>]) throws(GeoError) -> MultiPolygon<C> {
        let all = MultiPolygon(areas.flatMap(\.polygons))
        if all.polygons.isEmpty { return all }
        let ctx = try GEOSContext()
        let g = try ctx.makeMultiPolygon(all)
        // NULL = exception; the result is ours.
        guard let r = GEOSUnaryUnion_r(ctx.handle, g.pointer) else { throw ctx.error("GEOSUnaryUnion_r") }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        return MultiPolygon(try ctx.polygons(in: result.pointer))
    }

    /// The area within `distance` of `geometry` (wraps `GEOSBuffer_r`), in the units of `C`
    /// (metres for ``PlanarPoint``). `quadrantSegments` segments approximate a quarter circle.
    /// A negative distance shrinks polygons and may leave an empty result.
    public static func buffer<C: Coordinate>(_ geometry: Geometry<C>, distance: Double, quadrantSegments: Int = 8) throws(GeoError) -> MultiPolygon<C> {
        guard distance.isFinite, quadrantSegments > 0 else {
            throw .invalidInput("buffer: distance must be finite and quadrantSegments positive")
        }
        let ctx = try GEOSContext()
        let g = try ctx.make(geometry)
        // NULL = exception; the result is ours.
        guard let r = GEOSBuffer_r(ctx.handle, g.pointer, distance, Int32(quadrantSegments)) else {
            throw ctx.error("GEOSBuffer_r")
        }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        return MultiPolygon(try ctx.polygons(in: result.pointer))
    }

    /// The bounding box (envelope) of `geometry`; `nil` when it has no coordinates.
    public static func envelope<C: Coordinate>(_ geometry: Geometry<C>) -> BoundingBox<C>? {
        BoundingBox(of: geometry.allCoordinates)
    }

    /// The centre of mass of a polygon (wraps `GEOSGetCentroid_r`); may lie outside a
    /// concave shape, see ``pointOnSurface(_:)``.
    public static func centroid<C: Coordinate>(_ mp: MultiPolygon<C>) throws(GeoError) -> C {
        try singlePoint(mp, "GEOSGetCentroid_r") { GEOSGetCentroid_r($0, $1) }
    }

    /// A point guaranteed to lie inside the polygon (wraps `GEOSPointOnSurface_r`), for labels.
    public static func pointOnSurface<C: Coordinate>(_ mp: MultiPolygon<C>) throws(GeoError) -> C {
        try singlePoint(mp, "GEOSPointOnSurface_r") { GEOSPointOnSurface_r($0, $1) }
    }

    private static func singlePoint<C: Coordinate>(
        _ mp: MultiPolygon<C>, _ name: String,
        _ op: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?
    ) throws(GeoError) -> C {
        let ctx = try GEOSContext()
        let g = try ctx.makeMultiPolygon(mp)
        // NULL = exception; the result is ours.
        guard let r = op(ctx.handle, g.pointer) else { throw ctx.error(name) }
        let result = GEOSGeometryHandle(context: ctx, owning: r)
        let pts: [C] = try ctx.coordinates(of: result.pointer)
        guard let p = pts.first else { throw .geometry("\(name): empty geometry has no point") }
        return p
    }
}
