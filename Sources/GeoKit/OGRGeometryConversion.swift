import CGDAL

/// Conversion between OGR geometries and GeoKit geometry values.
enum OGRGeometryConversion {
    /// The points of a point, line or ring (wraps `OGR_G_GetPoints`); `g` is borrowed.
    static func points<C: Coordinate>(_ g: OGRGeometryH) -> [C] {
        let n = Int(OGR_G_GetPointCount(g))
        if n == 0 { return [] }
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        let stride = Int32(MemoryLayout<Double>.stride)
        // Returns the number of points copied (0 for an empty geometry).
        let copied = xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                OGR_G_GetPoints(g, xb.baseAddress, stride, yb.baseAddress, stride, nil, 0)
            }
        }
        return (0..<Int(copied)).map { C(x: xs[$0], y: ys[$0]) }
    }

    private static func polygon<C: Coordinate>(_ g: OGRGeometryH) -> Polygon<C>? {
        let n = OGR_G_GetGeometryCount(g)
        guard n > 0, let shellH = OGR_G_GetGeometryRef(g, 0) else { return nil }
        let shell: [C] = points(shellH)
        if shell.isEmpty { return nil }
        var holes = [[C]]()
        for i in 1..<max(1, n) {
            // NULL = no such ring; the ring is owned by `g`.
            guard let h = OGR_G_GetGeometryRef(g, i) else { continue }
            let ring: [C] = points(h)
            if !ring.isEmpty { holes.append(ring) }
        }
        return Polygon(exterior: shell, holes: holes)
    }

    /// An OGR geometry as a value; `g` is borrowed. Curves are linearised
    /// (`OGR_G_GetLinearGeometry`), Z/M dropped, collections reduced to their polygons,
    /// else lines, else points. `nil` when empty or of no usable kind.
    static func geometry<C: Coordinate>(_ g: OGRGeometryH) -> Geometry<C>? {
        if OGR_G_IsEmpty(g) != 0 { return nil }
        // 0 = no curves; otherwise work on an owned linear copy.
        if OGR_G_HasCurveGeometry(g, 0) != 0 {
            // NULL = failure; the copy is ours and destroyed below.
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else { return nil }
            defer { OGR_G_DestroyGeometry(linear) }
            return geometry(linear)
        }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        switch type {
        case wkbPoint:
            let p: [C] = points(g)
            return p.first.map { .point($0) }
        case wkbLineString, wkbLinearRing:
            return .lineString(LineString(points(g)))
        case wkbPolygon:
            return polygon(g).map { .polygon($0) }
        default:
            var members: [Geometry<C>?] = []
            for i in 0..<OGR_G_GetGeometryCount(g) {
                // NULL = no such member; members are owned by `g`.
                guard let m = OGR_G_GetGeometryRef(g, i) else { continue }
                members.append(geometry(m))
            }
            return Geometry.flattening(members)
        }
    }

    // MARK: Value -> OGR

    /// A new OGR geometry the caller owns (to hand to `OGR_F_SetGeometryDirectly`).
    static func make<C: Coordinate>(_ g: Geometry<C>) throws(GeoError) -> OGRGeometryH {
        switch g {
        case .point(let p):
            let h = try create(wkbPoint)
            OGR_G_SetPoint_2D(h, 0, p.x, p.y)
            return h
        case .multiPoint(let ps):
            return try collection(wkbMultiPoint, try ps.map { (p) throws(GeoError) in try make(Geometry<C>.point(p)) })
        case .lineString(let l):
            return try line(wkbLineString, l.points)
        case .multiLineString(let ls):
            return try collection(wkbMultiLineString, try ls.map { (l) throws(GeoError) in try line(wkbLineString, l.points) })
        case .polygon(let p):
            return try polygon(p)
        case .multiPolygon(let mp):
            return try collection(wkbMultiPolygon, try mp.polygons.map { (p) throws(GeoError) in try polygon(p) })
        }
    }

    private static func create(_ type: OGRwkbGeometryType) throws(GeoError) -> OGRGeometryH {
        // NULL = failure.
        guard let h = OGR_G_CreateGeometry(type) else { throw .geometry("OGR_G_CreateGeometry failed") }
        return h
    }

    private static func line<C: Coordinate>(_ type: OGRwkbGeometryType, _ pts: [C]) throws(GeoError) -> OGRGeometryH {
        let h = try create(type)
        var xs = pts.map(\.x), ys = pts.map(\.y)
        let stride = Int32(MemoryLayout<Double>.stride)
        xs.withUnsafeMutableBytes { xb in
            ys.withUnsafeMutableBytes { yb in
                OGR_G_SetPoints(h, Int32(pts.count), xb.baseAddress, stride, yb.baseAddress, stride, nil, 0)
            }
        }
        return h
    }

    private static func polygon<C: Coordinate>(_ p: Polygon<C>) throws(GeoError) -> OGRGeometryH {
        let rings = try [p.exterior].map { (r) throws(GeoError) in try line(wkbLinearRing, r) }
            + p.holes.map { (r) throws(GeoError) in try line(wkbLinearRing, r) }
        return try collection(wkbPolygon, rings)
    }

    /// A container geometry taking ownership of `parts` (`OGR_G_AddGeometryDirectly`).
    private static func collection(_ type: OGRwkbGeometryType, _ parts: [OGRGeometryH]) throws(GeoError) -> OGRGeometryH {
        let h: OGRGeometryH
        do {
            h = try create(type)
        } catch {
            for p in parts { OGR_G_DestroyGeometry(p) }
            throw error
        }
        var failed = false
        for part in parts {
            if failed {
                OGR_G_DestroyGeometry(part)
                continue
            }
            // Ownership of `part` passes to `h` on success; OGRERR_NONE (0) = success.
            if OGR_G_AddGeometryDirectly(h, part) != OGRERR_NONE {
                OGR_G_DestroyGeometry(part)
                failed = true
            }
        }
        if failed {
            OGR_G_DestroyGeometry(h)
            throw .geometry("OGR_G_AddGeometryDirectly failed")
        }
        return h
    }
}
