import Foundation
@testable import GeoKit
import SeededRandom
import Testing

@Suite("PROJ wrappers")
struct ProjectionTests {
    @Test func crsProperties() throws {
        let utm = try CRS("EPSG:32648")
        #expect(!utm.isGeographic)
        #expect(utm.linearUnitToMeters == 1)
        #expect(utm.epsgCode == 32648)
        #expect(utm.name == "WGS 84 / UTM zone 48N")
        let wgs = try CRS("EPSG:4326")
        #expect(wgs.isGeographic && wgs.linearUnitToMeters == nil)
        let ft = try CRS("EPSG:2227")
        #expect(abs((ft.linearUnitToMeters ?? 0) - 1200.0 / 3937.0) < 1e-12)
        let projString = try CRS("+proj=utm +zone=48 +datum=WGS84 +units=us-ft +type=crs")
        #expect(abs((projString.linearUnitToMeters ?? 0) - 1200.0 / 3937.0) < 1e-12)
    }

    @Test func crsFromPrjWKT() throws {
        let wkt = try String(contentsOfFile: Fixture.path("wards_ftus.prj"), encoding: .utf8)
        let crs = try CRS(wkt)
        #expect(!crs.isGeographic)
        #expect(abs((crs.linearUnitToMeters ?? 0) - 0.3048006096012192) < 1e-12)
        // 106.36E 10.36N in UTM 48N metres (648896.074478) divided by 1200/3937 m per US foot.
        let t = try CoordinateTransform(from: .wgs84, to: crs)
        let p: SourceXY = try t.transform(LonLat(lon: 106.36, lat: 10.36))
        #expect(abs(p.x - 648896.074478 * 3937 / 1200) < 1e-4)
        #expect(abs(p.y - 1145533.626221 * 3937 / 1200) < 1e-4)
    }

    @Test func featuresBackToWGS84() throws {
        let t = try CoordinateTransform(from: try CRS("EPSG:32648"), to: .wgs84)
        let features = [
            Feature<PlanarPoint>(index: 0, geometry: .point(PlanarPoint(x: 648896.074478, y: 1145533.626221)), attributes: ["a": .integer(1)]),
            Feature<PlanarPoint>(index: 1, geometry: nil, attributes: [:]),
            Feature<PlanarPoint>(index: 2, geometry: .lineString(LineString([PlanarPoint(x: 648896.074478, y: 1145533.626221), PlanarPoint(x: 650000, y: 1146000)])), attributes: [:]),
        ]
        let out: [Feature<LonLat>] = try t.transform(features)
        guard case .point(let p)? = out[0].geometry, case .lineString(let l)? = out[2].geometry else {
            Issue.record("geometry kinds changed")
            return
        }
        #expect(abs(p.lon - 106.36) < 1e-9 && abs(p.lat - 10.36) < 1e-9)
        #expect(out[1].geometry == nil && out[0]["a"] == .integer(1))
        #expect(l.points[0] == p && l.points.count == 2)
    }

    @Test func badCRSIsAClearError() {
        #expect(throws: GeoError.self) { try CRS("EPSG:999999") }
        do {
            _ = try CRS("EPSG:999999")
        } catch {
            #expect(error.description.contains("EPSG:999999"))
        }
        #expect(throws: GeoError.self) { try CRS("") }
    }

    @Test func utmZoneFromData() throws {
        #expect(try CRS.utm(containing: LonLat(lon: 106.36, lat: 10.36)).epsgCode == 32648)
        #expect(try CRS.utm(containing: LonLat(lon: 105.9, lat: -10)).epsgCode == 32748)
        #expect(try CRS.utm(containing: LonLat(lon: -180, lat: 1)).epsgCode == 32601)
        #expect(try CRS.utm(containing: LonLat(lon: 180, lat: 1)).epsgCode == 32660)
        #expect(throws: GeoError.self) { try CRS.utm(containing: LonLat(lon: 0, lat: 91)) }
    }

    /// Reference: `echo "106.36 10.36" | cs2cs -d 6 EPSG:4326 EPSG:32648` (PROJ 9.1.1), after
    /// lon/lat normalisation: 648896.074478 1145533.626221 (pyproj always_xy agrees).
    @Test func knownUTMValues() throws {
        let t = try CoordinateTransform(from: .wgs84, to: try CRS("EPSG:32648"))
        let p: PlanarPoint = try t.transform(LonLat(lon: 106.36, lat: 10.36))
        #expect(abs(p.x - 648896.074478) < 1e-5)
        #expect(abs(p.y - 1145533.626221) < 1e-5)
        let back: LonLat = try t.transform(p, direction: .inverse)
        #expect(abs(back.lon - 106.36) < 1e-10 && abs(back.lat - 10.36) < 1e-10)
    }

    /// Reference: `echo "-122.4 37.8" | cs2cs -d 6 +proj=longlat +datum=WGS84 +to EPSG:2227`
    /// = 6012748.494294 2119332.352093 (US survey feet).
    @Test func usFeetCRS() throws {
        let t = try CoordinateTransform(from: .wgs84, to: try CRS("EPSG:2227"))
        let p: SourceXY = try t.transform(LonLat(lon: -122.4, lat: 37.8))
        #expect(abs(p.x - 6012748.494294) < 1e-4)
        #expect(abs(p.y - 2119332.352093) < 1e-4)
    }

    /// Seeded property: forward then inverse returns within 1e-6 m, over the study area.
    @Test func roundTripWithinMicrometre() throws {
        let utm = try CRS("EPSG:32648")
        let t = try CoordinateTransform(from: utm, to: .wgs84)
        var rng = SplitMix64(seed: 42)
        var xs = (0..<2000).map { _ in 560000 + Double(rng.next() % 110000) + Double(rng.next() % 1000) / 1000 }
        var ys = (0..<2000).map { _ in 1125000 + Double(rng.next() % 45000) + Double(rng.next() % 1000) / 1000 }
        let x0 = xs, y0 = ys
        #expect(try t.transform(xs: &xs, ys: &ys).isEmpty)
        #expect(try t.transform(xs: &xs, ys: &ys, direction: .inverse).isEmpty)
        var worst = 0.0
        for i in 0..<xs.count { worst = max(worst, hypot(xs[i] - x0[i], ys[i] - y0[i])) }
        #expect(worst < 1e-6)
    }

    @Test func perPointFailureIsReported() throws {
        let t = try CoordinateTransform(from: .wgs84, to: try CRS("EPSG:32648"))
        var xs = [106.36, 106.36], ys = [10.36, 95.0]
        let failed = try t.transform(xs: &xs, ys: &ys)
        #expect(failed == [1])
        #expect(xs[1].isNaN && xs[0].isFinite)
        #expect(throws: GeoError.self) {
            let _: [PlanarPoint] = try t.transform([LonLat(lon: 106.36, lat: 95)])
        }
        var a = [1.0], b = [Double]()
        #expect(throws: GeoError.self) { try t.transform(xs: &a, ys: &b) }
    }

    @Test func geometryTransformKeepsStructure() throws {
        let t = try CoordinateTransform(from: .wgs84, to: try CRS("EPSG:32648"))
        let g = Geometry<LonLat>.polygon(Polygon(exterior: [LonLat(lon: 106.35, lat: 10.35), LonLat(lon: 106.37, lat: 10.35), LonLat(lon: 106.37, lat: 10.37)],
                                                 holes: []))
        let planar: Geometry<PlanarPoint> = try t.transform(g)
        guard case .polygon(let p) = planar else {
            Issue.record("expected a polygon")
            return
        }
        #expect(p.exterior.count == 4 && p.exterior.first == p.exterior.last)
        #expect(p.exterior[0].x > 640000 && p.exterior[0].x < 660000)
    }
}
