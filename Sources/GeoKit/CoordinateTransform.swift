import CPROJ

/// A coordinate operation between two CRSs (wraps `proj_create_crs_to_crs` followed by
/// `proj_normalize_for_visualization`, so both ends use GIS axis order: lon/lat, easting/
/// northing). Owns its `PJ_CONTEXT` and `PJ`; not thread-safe (not `Sendable`): make one
/// per thread.
public final class CoordinateTransform {
    public enum Direction: Sendable {
        case forward, inverse
    }

    public let source: CRS
    public let target: CRS
    private let transformation: PROJObject

    /// - Throws: ``GeoError/projection(_:)`` with PROJ's logged message when no operation exists.
    public init(from source: CRS, to target: CRS) throws(GeoError) {
        self.source = source
        self.target = target
        let ctx = try PROJContext()
        // NULL = failure (unknown CRS, no operation).
        guard let raw = proj_create_crs_to_crs(ctx.handle, source.definition, target.definition, nil) else {
            throw ctx.error("proj_create_crs_to_crs(\(source.name) -> \(target.name))")
        }
        let rawObject = PROJObject(context: ctx, owning: raw)
        // NULL = failure. The result is a new object; `rawObject` is destroyed on return.
        guard let normalized = proj_normalize_for_visualization(ctx.handle, rawObject.pointer) else {
            throw ctx.error("proj_normalize_for_visualization")
        }
        transformation = PROJObject(context: ctx, owning: normalized)
    }

    /// Transforms `xs`/`ys` in place in one `proj_trans_generic` call. Points PROJ cannot
    /// transform (returned as `HUGE_VAL`) are set to NaN and their indices returned.
    /// - Throws: ``GeoError/projection(_:)`` when the arrays differ in length or PROJ fails
    ///   as a whole.
    public func transform(xs: inout [Double], ys: inout [Double], direction: Direction = .forward) throws(GeoError) -> [Int] {
        guard xs.count == ys.count else { throw .projection("xs and ys differ in length") }
        let n = xs.count
        if n == 0 { return [] }
        let ctx = transformation.context
        proj_errno_reset(transformation.pointer)
        let stride = MemoryLayout<Double>.stride
        let dir = direction == .forward ? PJ_FWD : PJ_INV
        let pj = transformation.pointer
        // Returns the number of points transformed; failed points come back as HUGE_VAL.
        let done = xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                proj_trans_generic(pj, dir, xb.baseAddress, stride, n, yb.baseAddress, stride, n, nil, 0, 0, nil, 0, 0)
            }
        }
        guard done == n else { throw ctx.error("proj_trans_generic") }
        var failed = [Int]()
        for i in 0..<n where !xs[i].isFinite || !ys[i].isFinite || xs[i] == .greatestFiniteMagnitude {
            xs[i] = .nan
            ys[i] = .nan
            failed.append(i)
        }
        return failed
    }

    /// Transforms points from the frame `C` to the frame `D`.
    /// - Throws: ``GeoError/projection(_:)`` naming the first point that failed.
    public func transform<C: Coordinate, D: Coordinate>(_ points: [C], direction: Direction = .forward) throws(GeoError) -> [D] {
        var xs = points.map(\.x), ys = points.map(\.y)
        let failed = try transform(xs: &xs, ys: &ys, direction: direction)
        if let i = failed.first {
            throw .projection("point \(i) (\(points[i].x), \(points[i].y)) cannot be transformed from \(direction == .forward ? source.name : target.name) to \(direction == .forward ? target.name : source.name)")
        }
        return (0..<points.count).map { D(x: xs[$0], y: ys[$0]) }
    }

    /// Transforms one point.
    public func transform<C: Coordinate, D: Coordinate>(_ point: C, direction: Direction = .forward) throws(GeoError) -> D {
        let out: [D] = try transform([point], direction: direction)
        return out[0]
    }

    /// Transforms every coordinate of `geometry` in one batch.
    public func transform<C: Coordinate, D: Coordinate>(_ geometry: Geometry<C>, direction: Direction = .forward) throws(GeoError) -> Geometry<D> {
        let out: [D] = try transform(geometry.allCoordinates, direction: direction)
        var i = 0
        return geometry.map { (_: C) -> D in
            defer { i += 1 }
            return out[i]
        }
    }

    /// Transforms a (multi)polygon.
    public func transform<C: Coordinate, D: Coordinate>(_ mp: MultiPolygon<C>, direction: Direction = .forward) throws(GeoError) -> MultiPolygon<D> {
        let g: Geometry<D> = try transform(Geometry<C>.multiPolygon(mp), direction: direction)
        return g.asMultiPolygon ?? MultiPolygon([])
    }

    /// Transforms many features in one batch (their attributes unchanged), e.g. planar
    /// results back to WGS 84 for ``VectorWriter``.
    public func transform<C: Coordinate, D: Coordinate>(_ features: [Feature<C>], direction: Direction = .forward) throws(GeoError) -> [Feature<D>] {
        var all = [C]()
        for f in features { if let g = f.geometry { all += g.allCoordinates } }
        let out: [D] = try transform(all, direction: direction)
        var i = 0
        return features.map { f in
            Feature(index: f.index, geometry: f.geometry.map { g in
                g.map { (_: C) -> D in
                    defer { i += 1 }
                    return out[i]
                }
            }, attributes: f.attributes)
        }
    }
}
