import CGEOS

/// Conversion of GeoKit geometry values to and from GEOS geometries on one context.
/// Every function returns a geometry the caller owns (wrapped in a ``GEOSGeometryHandle``).
extension GEOSContext {
    // MARK: Swift -> GEOS

    /// A coordinate sequence from `points` (wraps `GEOSCoordSeq_copyFromBuffer_r`); the caller
    /// owns it until it hands it to a geometry constructor.
    private func coordSeq<C: Coordinate>(_ points: [C]) throws(GeoError) -> OpaquePointer {
        var buffer = [Double]()
        buffer.reserveCapacity(points.count * 2)
        for p in points {
            buffer.append(p.x)
            buffer.append(p.y)
        }
        // NULL = exception.
        let seq = buffer.withUnsafeBufferPointer { b in
            GEOSCoordSeq_copyFromBuffer_r(handle, b.baseAddress, UInt32(points.count), 0, 0)
        }
        guard let seq else { throw error("GEOSCoordSeq_copyFromBuffer_r") }
        return seq
    }

    /// A linear ring; GEOS takes the sequence over (also on failure).
    private func ring<C: Coordinate>(_ points: [C]) throws(GeoError) -> GEOSGeometryHandle {
        let seq = try coordSeq(Polygon<C>.closed(points))
        // Ownership of `seq` passes to GEOS. NULL = exception (e.g. fewer than 4 points).
        guard let r = GEOSGeom_createLinearRing_r(handle, seq) else {
            throw error("GEOSGeom_createLinearRing_r")
        }
        return GEOSGeometryHandle(context: self, owning: r)
    }

    /// A GEOS polygon (wraps `GEOSGeom_createPolygon_r`).
    func makePolygon<C: Coordinate>(_ polygon: Polygon<C>) throws(GeoError) -> GEOSGeometryHandle {
        let shell = try ring(polygon.exterior)
        var holes = [GEOSGeometryHandle]()
        for h in polygon.holes { holes.append(try ring(h)) }
        // Ownership of the shell and the holes passes to GEOS; the handles are released
        // first so that they do not destroy them. NULL = exception.
        var holePointers: [OpaquePointer?] = holes.map { $0.release() }
        let p = holePointers.withUnsafeMutableBufferPointer { hp in
            GEOSGeom_createPolygon_r(handle, shell.release(), hp.baseAddress, UInt32(hp.count))
        }
        guard let p else { throw error("GEOSGeom_createPolygon_r") }
        return GEOSGeometryHandle(context: self, owning: p)
    }

    /// A collection of `typeID` from owned parts (wraps `GEOSGeom_createCollection_r`).
    private func makeCollection(_ typeID: Int32, _ parts: [GEOSGeometryHandle]) throws(GeoError) -> GEOSGeometryHandle {
        // Ownership of the parts passes to GEOS (the array itself stays ours). NULL = exception.
        var pointers: [OpaquePointer?] = parts.map { $0.release() }
        let c = pointers.withUnsafeMutableBufferPointer { pp in
            GEOSGeom_createCollection_r(handle, typeID, pp.baseAddress, UInt32(pp.count))
        }
        guard let c else { throw error("GEOSGeom_createCollection_r") }
        return GEOSGeometryHandle(context: self, owning: c)
    }

    /// A GEOS MultiPolygon.
    func makeMultiPolygon<C: Coordinate>(_ mp: MultiPolygon<C>) throws(GeoError) -> GEOSGeometryHandle {
        var parts = [GEOSGeometryHandle]()
        for p in mp.polygons { parts.append(try makePolygon(p)) }
        return try makeCollection(Int32(GEOS_MULTIPOLYGON.rawValue), parts)
    }

    /// A GEOS point (wraps `GEOSGeom_createPointFromXY_r`).
    func makePoint<C: Coordinate>(_ p: C) throws(GeoError) -> GEOSGeometryHandle {
        // NULL = exception.
        guard let g = GEOSGeom_createPointFromXY_r(handle, p.x, p.y) else {
            throw error("GEOSGeom_createPointFromXY_r")
        }
        return GEOSGeometryHandle(context: self, owning: g)
    }

    private func makeLineString<C: Coordinate>(_ l: LineString<C>) throws(GeoError) -> GEOSGeometryHandle {
        let seq = try coordSeq(l.points)
        // Ownership of `seq` passes to GEOS. NULL = exception (e.g. a single point).
        guard let g = GEOSGeom_createLineString_r(handle, seq) else {
            throw error("GEOSGeom_createLineString_r")
        }
        return GEOSGeometryHandle(context: self, owning: g)
    }

    /// Any GeoKit geometry as GEOS.
    func make<C: Coordinate>(_ g: Geometry<C>) throws(GeoError) -> GEOSGeometryHandle {
        switch g {
        case .point(let p): return try makePoint(p)
        case .multiPoint(let ps):
            var parts = [GEOSGeometryHandle]()
            for p in ps { parts.append(try makePoint(p)) }
            return try makeCollection(Int32(GEOS_MULTIPOINT.rawValue), parts)
        case .lineString(let l): return try makeLineString(l)
        case .multiLineString(let ls):
            var parts = [GEOSGeometryHandle]()
            for l in ls { parts.append(try makeLineString(l)) }
            return try makeCollection(Int32(GEOS_MULTILINESTRING.rawValue), parts)
        case .polygon(let p): return try makePolygon(p)
        case .multiPolygon(let mp): return try makeMultiPolygon(mp)
        }
    }

    /// A GEOS rectangle polygon (wraps `GEOSGeom_createRectangle_r`).
    func makeBox<C: Coordinate>(_ b: BoundingBox<C>) throws(GeoError) -> GEOSGeometryHandle {
        // NULL = exception.
        guard let g = GEOSGeom_createRectangle_r(handle, b.minX, b.minY, b.maxX, b.maxY) else {
            throw error("GEOSGeom_createRectangle_r")
        }
        return GEOSGeometryHandle(context: self, owning: g)
    }

    // MARK: GEOS -> Swift

    /// The coordinates of a point, line or ring (wraps `GEOSCoordSeq_copyToBuffer_r`).
    /// `g` is borrowed.
    func coordinates<C: Coordinate>(of g: OpaquePointer) throws(GeoError) -> [C] {
        // NULL = exception; the sequence is owned by the geometry.
        guard let seq = GEOSGeom_getCoordSeq_r(handle, g) else { throw error("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        // 0 = exception.
        guard GEOSCoordSeq_getSize_r(handle, seq, &size) != 0 else { throw error("GEOSCoordSeq_getSize_r") }
        if size == 0 { return [] }
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        // 0 = exception.
        let ok = buffer.withUnsafeMutableBufferPointer { b in
            GEOSCoordSeq_copyToBuffer_r(handle, seq, b.baseAddress, 0, 0)
        }
        guard ok != 0 else { throw error("GEOSCoordSeq_copyToBuffer_r") }
        var out = [C]()
        out.reserveCapacity(Int(size))
        for i in 0..<Int(size) { out.append(C(x: buffer[2 * i], y: buffer[2 * i + 1])) }
        return out
    }

    private func typeID(_ g: OpaquePointer) throws(GeoError) -> Int32 {
        // -1 = exception.
        let t = GEOSGeomTypeId_r(handle, g)
        guard t >= 0 else { throw error("GEOSGeomTypeId_r") }
        return t
    }

    private func parts(_ g: OpaquePointer) throws(GeoError) -> [OpaquePointer] {
        // -1 = exception.
        let n = GEOSGetNumGeometries_r(handle, g)
        guard n >= 0 else { throw error("GEOSGetNumGeometries_r") }
        var out = [OpaquePointer]()
        for i in 0..<n {
            // NULL = exception; the part is owned by `g`.
            guard let p = GEOSGetGeometryN_r(handle, g, i) else { throw error("GEOSGetGeometryN_r") }
            out.append(p)
        }
        return out
    }

    /// A GEOS polygon as a value; `g` is borrowed. `nil` for an empty polygon.
    private func polygon<C: Coordinate>(_ g: OpaquePointer) throws(GeoError) -> Polygon<C>? {
        // 2 = exception, 1 = empty.
        let empty = GEOSisEmpty_r(handle, g)
        guard empty != 2 else { throw error("GEOSisEmpty_r") }
        if empty == 1 { return nil }
        // NULL = exception; the ring is owned by `g`.
        guard let shell = GEOSGetExteriorRing_r(handle, g) else { throw error("GEOSGetExteriorRing_r") }
        let exterior: [C] = try coordinates(of: shell)
        // -1 = exception.
        let nHoles = GEOSGetNumInteriorRings_r(handle, g)
        guard nHoles >= 0 else { throw error("GEOSGetNumInteriorRings_r") }
        var holes = [[C]]()
        for i in 0..<nHoles {
            // NULL = exception; owned by `g`.
            guard let h = GEOSGetInteriorRingN_r(handle, g, i) else { throw error("GEOSGetInteriorRingN_r") }
            holes.append(try coordinates(of: h))
        }
        return Polygon(exterior: exterior, holes: holes)
    }

    /// Every polygon inside `g` (recursing into collections, dropping points and lines, as
    /// after `GEOSMakeValid_r` or an intersection); `g` is borrowed.
    func polygons<C: Coordinate>(in g: OpaquePointer) throws(GeoError) -> [Polygon<C>] {
        switch try typeID(g) {
        case Int32(GEOS_POLYGON.rawValue):
            return try polygon(g).map { [$0] } ?? []
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            var out = [Polygon<C>]()
            for p in try parts(g) { out += try polygons(in: p) }
            return out
        default:
            return []
        }
    }

    /// A GEOS geometry as a value; `g` is borrowed. Collections mixing kinds keep their
    /// polygons (or, failing those, their lines, then their points); `nil` when empty.
    func geometry<C: Coordinate>(_ g: OpaquePointer) throws(GeoError) -> Geometry<C>? {
        // 2 = exception, 1 = empty.
        let empty = GEOSisEmpty_r(handle, g)
        guard empty != 2 else { throw error("GEOSisEmpty_r") }
        if empty == 1 { return nil }
        switch try typeID(g) {
        case Int32(GEOS_POINT.rawValue):
            let c: [C] = try coordinates(of: g)
            return c.first.map { .point($0) }
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(LineString(try coordinates(of: g)))
        case Int32(GEOS_POLYGON.rawValue):
            return try polygon(g).map { .polygon($0) }
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(MultiPolygon(try polygons(in: g)))
        default:
            var members: [Geometry<C>?] = []
            for m in try parts(g) { members.append(try geometry(m)) }
            return Geometry.flattening(members)
        }
    }
}
