import Foundation
import Testing
@testable import GeoKit

@Suite("GEOS wrappers")
struct GEOSTests {
    let unit: MultiPolygon<PlanarPoint> = MultiPolygon([square(0, 0, 10)])

    @Test func areaSubtractsHoles() throws {
        let holed = Polygon<PlanarPoint>(exterior: square(0, 0, 10).exterior, holes: [square(2, 2, 2).exterior])
        #expect(try GeometryOps.area(MultiPolygon([holed])) == 96)
        #expect(try GeometryOps.area(MultiPolygon([square(0, 0, 10), square(20, 0, 5)] as [Polygon<PlanarPoint>])) == 125)
    }

    @Test func roundTripThroughGEOS() throws {
        let holed = Polygon<PlanarPoint>(exterior: square(0, 0, 10).exterior, holes: [square(2, 2, 2).exterior])
        let mp = MultiPolygon([holed, square(20, 0, 5)])
        let ctx = try GEOSContext()
        let g = try ctx.makeMultiPolygon(mp)
        let back: Geometry<PlanarPoint>? = try ctx.geometry(g.pointer)
        #expect(back == .multiPolygon(mp))
        let line = Geometry<PlanarPoint>.lineString(LineString([PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 2)]))
        let lg = try ctx.make(line)
        #expect(try ctx.geometry(lg.pointer) == line)
    }

    @Test func geosExceptionBecomesErrorWithGEOSMessage() throws {
        let ctx = try GEOSContext()
        let single = Geometry<PlanarPoint>.lineString(LineString([PlanarPoint(x: 0, y: 0)]))
        #expect(throws: GeoError.self) { try ctx.make(single) }
        do {
            _ = try ctx.make(single)
        } catch {
            // The message GEOS sent to the context's handler is carried in the error.
            #expect(error.description.contains("GEOSGeom_createLineString_r"))
            #expect(error.description.contains("point array"))
        }
        // A collapsed ring (3 points) builds but is reported invalid.
        let bad = Polygon<PlanarPoint>(exterior: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1, y: 1)])
        let report = try GeometryOps.validity(MultiPolygon([bad]))
        #expect(!report.isValid)
    }

    @Test func bowTieIsInvalidAndRepaired() throws {
        let bow = MultiPolygon([Polygon<PlanarPoint>(exterior: [
            PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 10), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 0, y: 10),
        ])])
        let report = try GeometryOps.validity(bow)
        #expect(report.reason?.contains("Self-intersection") == true)
        let fixed = try GeometryOps.makeValid(bow)
        #expect(try GeometryOps.validity(fixed).isValid)
        #expect(fixed.polygons.count == 2)
        #expect(abs(try GeometryOps.area(fixed) - 50) < 1e-9)
        #expect(try GeometryOps.validity(unit).isValid)
    }

    @Test func intersectionUnionBuffer() throws {
        let a = MultiPolygon([square(0, 0, 10)] as [Polygon<PlanarPoint>])
        let b = MultiPolygon([square(5, 5, 10)] as [Polygon<PlanarPoint>])
        #expect(try GeometryOps.area(GeometryOps.intersection(a, b)) == 25)
        #expect(try GeometryOps.intersection(a, MultiPolygon([square(50, 50, 1)])).polygons.isEmpty)
        #expect(try GeometryOps.area(GeometryOps.union([a, b])) == 175)
        #expect(try GeometryOps.union([MultiPolygon<PlanarPoint>]()).polygons.isEmpty)
        let disc = try GeometryOps.buffer(.point(PlanarPoint(x: 0, y: 0)), distance: 100, quadrantSegments: 64)
        // 256-gon inscribed in r = 100: area = 128 r^2 sin(2π/256).
        let expected = 128 * 100 * 100 * sin(2 * Double.pi / 256)
        #expect(abs(try GeometryOps.area(disc) - expected) < 1e-6)
        #expect(throws: GeoError.self) { try GeometryOps.buffer(.point(PlanarPoint(x: 0, y: 0)), distance: .nan) }
    }

    @Test func differenceClipLengthSimplify() throws {
        let a = MultiPolygon([square(0, 0, 10)] as [Polygon<PlanarPoint>])
        let b = MultiPolygon([square(5, 0, 10)] as [Polygon<PlanarPoint>])
        #expect(try GeometryOps.area(GeometryOps.difference(a, b)) == 50)
        let road = Geometry<PlanarPoint>.lineString(LineString([PlanarPoint(x: -5, y: 5), PlanarPoint(x: 20, y: 5)]))
        let clipped = try GeometryOps.clip(road, to: a)
        #expect(clipped == .lineString(LineString([PlanarPoint(x: 0, y: 5), PlanarPoint(x: 10, y: 5)])))
        #expect(try GeometryOps.length(clipped!) == 10)
        #expect(try GeometryOps.clip(.point(PlanarPoint(x: 50, y: 50)), to: a) == nil)
        #expect(try GeometryOps.length(Geometry<PlanarPoint>.polygon(square(0, 0, 10))) == 40)
        // A nearly straight extra vertex disappears; the square stays.
        let wobbly = MultiPolygon([Polygon<PlanarPoint>(exterior: [
            PlanarPoint(x: 0, y: 0), PlanarPoint(x: 5, y: 0.01), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 10), PlanarPoint(x: 0, y: 10),
        ])])
        let simple = try GeometryOps.simplify(wobbly, tolerance: 0.1)
        #expect(simple.polygons[0].exterior.count == 5)
        #expect(throws: GeoError.self) { try GeometryOps.simplify(wobbly, tolerance: -1) }
    }

    @Test func centroidPointOnSurfaceEnvelope() throws {
        #expect(try GeometryOps.centroid(unit) == PlanarPoint(x: 5, y: 5))
        // An L shape: the centroid is outside, the point on surface inside.
        let l = MultiPolygon([Polygon<PlanarPoint>(exterior: [
            PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 1), PlanarPoint(x: 1, y: 1),
            PlanarPoint(x: 1, y: 10), PlanarPoint(x: 0, y: 10),
        ])])
        let c = try GeometryOps.centroid(l)
        let s = try GeometryOps.pointOnSurface(l)
        let area = try PreparedArea(l)
        #expect(try !area.contains(c))
        #expect(try area.contains(s))
        #expect(GeometryOps.envelope(.multiPolygon(l)) == BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 10))
    }

    @Test func preparedAreaContains() throws {
        let holed = Polygon<PlanarPoint>(exterior: square(0, 0, 10).exterior, holes: [square(2, 2, 2).exterior])
        let area = try PreparedArea(MultiPolygon([holed]))
        #expect(try area.contains(PlanarPoint(x: 1, y: 1)))
        #expect(try !area.contains(PlanarPoint(x: 3, y: 3)))   // in the hole
        #expect(try area.contains(PlanarPoint(x: 10, y: 5)))   // on the boundary
        #expect(try !area.contains(PlanarPoint(x: 11, y: 5)))
        let set = PlanarPointSet(xs: [1, 3, 11, 9], ys: [1, 3, 5, 9])
        #expect(try area.contains(set) == [true, false, false, true])
    }

    @Test func polygonIndexQueries() throws {
        let polys: [MultiPolygon<PlanarPoint>] = (0..<10).map { MultiPolygon([square(Double($0) * 10, 0, 10)]) }
        let index = try PolygonIndex(polys)
        #expect(index.count == 10)
        #expect(try index.firstContaining(PlanarPoint(x: 35, y: 5)) == 3)
        #expect(try index.firstContaining(PlanarPoint(x: 30, y: 5)) == 2)  // shared edge: lowest index
        #expect(try index.firstContaining(PlanarPoint(x: 35, y: 50)) == nil)
        #expect(try index.candidates(in: BoundingBox(minX: 25, minY: 1, maxX: 41, maxY: 2)) == [2, 3, 4])
        let pts = PlanarPointSet(xs: [5, 95, 200], ys: [5, 5, 5])
        #expect(try index.firstContaining(pts) == [0, 9, nil])
    }
}
