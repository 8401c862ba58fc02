import Foundation
import Testing
@testable import GeoKit

/// The numbers `camplan inspect` must report on the shipped Tiền Giang wards, from the
/// GeoJSON and from the same data converted (with ogr2ogr) to a projected Shapefile and to
/// GeoPackage.
@Suite("Shipped Tiền Giang wards", .enabled(if: shippedWards != nil))
struct ShippedDataTests {
    static func check(_ b: BoundarySet) {
        #expect(b.wards.count == 57)
        #expect(b.groups.count == 11)
        #expect(b.wards.filter { $0.type == .phuong }.count == 13)
        #expect(b.wards.filter { $0.type == .xa }.count == 44)
        #expect(b.workCRS.epsgCode == 32648)
        #expect(Set(b.wards.map(\.id)).count == 57)
        // geopandas: gpd.read_file(wards).to_crs(32648).area.sum() / 1e6 = 2402.583 km².
        let total = b.wards.reduce(0) { $0 + $1.areaSquareMeters } / 1e6
        #expect(abs(total - 2402.583) < 0.01)
    }

    @Test func geoJSON() throws {
        let b = try BoundaryLoader.load(try #require(shippedWards))
        Self.check(b)
        let summary = InputSummary(boundaries: b, incidents: nil)
        #expect(summary.wardsByType == ["phường": 13, "xã": 44])
        #expect(summary.groups.first { $0.name == "Thành phố Mỹ Tho" }?.wards == 5)
    }

    @Test(arguments: [
        ("ESRI Shapefile", "wards.shp", ["-t_srs", "EPSG:3405", "-lco", "ENCODING=UTF-8"]),
        ("GPKG", "wards.gpkg", []),
    ])
    func sameNumbersInOtherFormats(driver: String, name: String, extra: [String]) throws {
        let dir = try makeTemporaryDirectory()
        let out = dir + "/" + name
        #expect(try ogr2ogr(["-f", driver, out, try #require(shippedWards)] + extra) == 0)
        let b = try BoundaryLoader.load(out)
        Self.check(b)
        let ref = try BoundaryLoader.load(try #require(shippedWards))
        #expect(b.groups == ref.groups)
        #expect(b.wards.map(\.id) == ref.wards.map(\.id))
    }
}
