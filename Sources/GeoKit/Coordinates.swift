/// A 2-D coordinate in a known frame. Conforming types are distinct so that a lon/lat value
/// can never be passed where projected metres are expected (and the reverse).
public protocol Coordinate: Sendable, Hashable {
    /// Easting or longitude.
    var x: Double { get }
    /// Northing or latitude.
    var y: Double { get }
    init(x: Double, y: Double)
}

/// Longitude and latitude in degrees, WGS 84 (EPSG:4326), in lon, lat order (RFC 7946).
public struct LonLat: Coordinate {
    public var lon: Double
    public var lat: Double
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
    public init(x: Double, y: Double) { self.init(lon: x, lat: y) }
    public var x: Double { lon }
    public var y: Double { lat }
}

/// Projected coordinates in metres in the working CRS (a UTM zone by default).
public struct PlanarPoint: Coordinate {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Euclidean distance in metres.
    @inlinable
    public func distance(to other: PlanarPoint) -> Double {
        let dx = x - other.x, dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// Coordinates as stored in a source file, in that file's own CRS (degrees, metres or feet).
/// Only a ``CoordinateTransform`` turns them into ``PlanarPoint`` or ``LonLat``.
public struct SourceXY: Coordinate {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned box in the frame of `C`.
public struct BoundingBox<C: Coordinate>: Sendable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box around `points`; `nil` when there are none.
    public init?<S: Sequence>(of points: S) where S.Element == C {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        var b = BoundingBox(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = it.next() { b.expand(toInclude: p) }
        self = b
    }

    /// The box around every box of `boxes` (`nil` ones skipped); `nil` when there is none.
    public init?<S: Sequence>(enclosing boxes: S) where S.Element == BoundingBox<C>? {
        var result: BoundingBox<C>?
        for case let b? in boxes {
            if var grown = result {
                grown.expand(toInclude: b)
                result = grown
            } else {
                result = b
            }
        }
        guard let result else { return nil }
        self = result
    }

    public mutating func expand(toInclude p: C) {
        minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
        minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
    }

    public mutating func expand(toInclude b: BoundingBox<C>) {
        minX = Swift.min(minX, b.minX); maxX = Swift.max(maxX, b.maxX)
        minY = Swift.min(minY, b.minY); maxY = Swift.max(maxY, b.maxY)
    }

    public func contains(_ p: C) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public func intersects(_ b: BoundingBox<C>) -> Bool {
        !(b.minX > maxX || b.maxX < minX || b.minY > maxY || b.maxY < minY)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
}

/// A large set of planar points stored as struct-of-arrays (as GeoArrow and shapely's ragged
/// arrays do): `xs[i]`, `ys[i]` are metres in the working CRS.
public struct PlanarPointSet: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]

    public init(xs: [Double] = [], ys: [Double] = []) {
        precondition(xs.count == ys.count, "xs and ys must have the same length")
        self.xs = xs
        self.ys = ys
    }

    public init(_ points: [PlanarPoint]) {
        self.xs = points.map(\.x)
        self.ys = points.map(\.y)
    }

    public var count: Int { xs.count }
    public subscript(i: Int) -> PlanarPoint { PlanarPoint(x: xs[i], y: ys[i]) }

    public mutating func append(_ p: PlanarPoint) {
        xs.append(p.x)
        ys.append(p.y)
    }
}
