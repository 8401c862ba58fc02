/// A polyline in the frame of `C`.
public struct LineString<C: Coordinate>: Sendable, Hashable {
    public var points: [C]
    public init(_ points: [C]) { self.points = points }
}

/// A polygon: one exterior ring and zero or more holes. Rings are closed (first == last)
/// when they come from GeoKit; builders accept open rings and close them.
public struct Polygon<C: Coordinate>: Sendable, Hashable {
    public var exterior: [C]
    public var holes: [[C]]

    public init(exterior: [C], holes: [[C]] = []) {
        self.exterior = Polygon.closed(exterior)
        self.holes = holes.map(Polygon.closed)
    }

    static func closed(_ ring: [C]) -> [C] {
        guard let f = ring.first, let l = ring.last, f != l else { return ring }
        return ring + [f]
    }

    /// Bounding box of the exterior ring.
    public var bounds: BoundingBox<C>? { BoundingBox(of: exterior) }
}

/// Several polygons treated as one area (a ward with islands, say).
public struct MultiPolygon<C: Coordinate>: Sendable, Hashable {
    public var polygons: [Polygon<C>]
    public init(_ polygons: [Polygon<C>]) { self.polygons = polygons }

    public var bounds: BoundingBox<C>? { BoundingBox(enclosing: polygons.lazy.map(\.bounds)) }
}

/// Any vector geometry GeoKit reads or writes, in the frame of `C`.
public enum Geometry<C: Coordinate>: Sendable, Hashable {
    case point(C)
    case multiPoint([C])
    case lineString(LineString<C>)
    case multiLineString([LineString<C>])
    case polygon(Polygon<C>)
    case multiPolygon(MultiPolygon<C>)

    /// The name of the geometry type as OGR and GeoJSON spell it.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// Every coordinate, in order.
    public var allCoordinates: [C] {
        switch self {
        case .point(let p): [p]
        case .multiPoint(let ps): ps
        case .lineString(let l): l.points
        case .multiLineString(let ls): ls.flatMap(\.points)
        case .polygon(let p): p.exterior + p.holes.flatMap { $0 }
        case .multiPolygon(let m): m.polygons.flatMap { $0.exterior + $0.holes.flatMap { $0 } }
        }
    }

    /// The same geometry with every coordinate mapped by `f` (used by transforms).
    public func map<D: Coordinate>(_ f: (C) throws -> D) rethrows -> Geometry<D> {
        func ring(_ r: [C]) throws -> [D] { try r.map(f) }
        func poly(_ p: Polygon<C>) throws -> Polygon<D> {
            Polygon<D>(exterior: try ring(p.exterior), holes: try p.holes.map(ring))
        }
        switch self {
        case .point(let p): return .point(try f(p))
        case .multiPoint(let ps): return .multiPoint(try ps.map(f))
        case .lineString(let l): return .lineString(LineString(try l.points.map(f)))
        case .multiLineString(let ls): return .multiLineString(try ls.map { LineString(try $0.points.map(f)) })
        case .polygon(let p): return .polygon(try poly(p))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(try m.polygons.map(poly)))
        }
    }

    /// One geometry for the members of a collection (GEOS or OGR, whose readers each walk
    /// their own C collection and hand the members here): all polygons as one multipolygon
    /// when there is any, else all lines as a multi-line string, else all points as a
    /// multipoint; `nil` when every member is empty. Lower-dimensional members beside
    /// polygons (or points beside lines) are dropped.
    static func flattening(_ members: [Geometry<C>?]) -> Geometry<C>? {
        var polys = [Polygon<C>](), lines = [LineString<C>](), points = [C]()
        for member in members {
            switch member {
            case .point(let p): points.append(p)
            case .multiPoint(let ps): points += ps
            case .lineString(let l): lines.append(l)
            case .multiLineString(let ls): lines += ls
            case .polygon(let p): polys.append(p)
            case .multiPolygon(let mp): polys += mp.polygons
            case nil: break
            }
        }
        if !polys.isEmpty { return .multiPolygon(MultiPolygon(polys)) }
        if !lines.isEmpty { return .multiLineString(lines) }
        if !points.isEmpty { return .multiPoint(points) }
        return nil
    }

    /// Polygonal geometries as a multipolygon; `nil` for points and lines.
    public var asMultiPolygon: MultiPolygon<C>? {
        switch self {
        case .polygon(let p): MultiPolygon([p])
        case .multiPolygon(let m): m
        default: nil
        }
    }
}
