import Foundation
import Testing
@testable import GeoKit

@Suite("Boundary and incident loaders")
struct LoaderTests {
    static let reference: BoundarySet? = try? BoundaryLoader.load(Fixture.path("wards.geojson"))

    @Test func geoJSONBoundaries() throws {
        let b = try BoundaryLoader.load(Fixture.path("wards.geojson"))
        #expect(b.wards.map(\.id) == ["W1", "W2", "W3"])
        #expect(b.wards.map(\.name) == ["Phường 1", "Đạo Thạnh", "Bình Phục Nhứt"])
        #expect(b.wards.map(\.type) == [.phuong, .xa, .xa])
        #expect(b.groups == ["Thành phố Mỹ Tho", "Huyện Chợ Gạo"])
        #expect(b.groupField == "district_name")
        #expect(b.workCRS.epsgCode == 32648)
        #expect(b.repairs.isEmpty)
        // geopandas: gpd.read_file("wards.geojson").to_crs(32648).area
        // = [4844240.208445531, 7266508.458986455, 17861964.1779157] (W3 without its hole).
        #expect(abs(b.wards[0].areaSquareMeters - 4844240.208445531) < 1e-3)
        #expect(abs(b.wards[1].areaSquareMeters - 7266508.458986455) < 1e-3)
        #expect(abs(b.wards[2].areaSquareMeters - 17861964.1779157) < 1e-3)
        #expect(b.wards[0].attributes["district_code"] == .string("815"))
    }

    @Test(arguments: ["wards_utm.shp", "wards_ftus.shp", "wards.gpkg", "wards.tab", "wards.kml"])
    func sameWardsInEveryFormat(file: String) throws {
        let ref = try #require(Self.reference)
        let b = try BoundaryLoader.load(Fixture.path(file))
        #expect(b.wards.map(\.id) == ref.wards.map(\.id))
        #expect(b.wards.map(\.type) == ref.wards.map(\.type))
        #expect(b.groups == ref.groups)
        #expect(b.workCRS == ref.workCRS)
        for (w, r) in zip(b.wards, ref.wards) {
            // MapInfo stores centimetres; everything else is exact to far below 1 m².
            #expect(abs(w.areaSquareMeters - r.areaSquareMeters) < 50, "\(file) \(w.id)")
        }
    }

    @Test func usFeetComeOutInMetres() throws {
        let ref = try #require(Self.reference)
        let b = try BoundaryLoader.load(Fixture.path("wards_ftus.shp"))
        #expect(abs((b.sourceCRS.linearUnitToMeters ?? 0) - 0.3048006096) < 1e-9)
        let a = b.wards[0].geometry.polygons[0].exterior[0], r = ref.wards[0].geometry.polygons[0].exterior[0]
        #expect(abs(a.x - r.x) < 1e-3 && abs(a.y - r.y) < 1e-3)
        #expect(abs(b.wards[0].areaSquareMeters - ref.wards[0].areaSquareMeters) < 1e-2)
    }

    @Test func workCRSOverride() throws {
        let b = try BoundaryLoader.load(Fixture.path("wards.geojson"), options: BoundaryOptions(workCRS: try CRS("EPSG:3405")))
        #expect(b.workCRS.epsgCode == 3405)
        #expect(abs(b.wards[0].areaSquareMeters - Self.reference!.wards[0].areaSquareMeters) < 100)
        #expect(throws: GeoError.self) {
            try BoundaryLoader.load(Fixture.path("wards.geojson"), options: BoundaryOptions(workCRS: .wgs84))
        }
        #expect(throws: GeoError.self) {
            try BoundaryLoader.load(Fixture.path("wards.geojson"), options: BoundaryOptions(workCRS: try CRS("EPSG:2227")))
        }
    }

    @Test func fieldOverridesAndMissingFields() throws {
        let b = try BoundaryLoader.load(Fixture.path("wards.geojson"), options: BoundaryOptions(idField: "ward_full_name", groupField: "ward_type"))
        #expect(b.wards.map(\.id) == ["Phường 1", "Xã Đạo Thạnh", "Xã Bình Phục Nhứt"])
        #expect(b.groups == ["phường", "xã"])
        #expect(throws: GeoError.missingField(file: Fixture.path("wards.geojson"), field: "huyen",
                                              available: ["ward_code", "ward_name", "ward_full_name", "ward_type", "district_code", "district_name"])) {
            try BoundaryLoader.load(Fixture.path("wards.geojson"), options: BoundaryOptions(groupField: "huyen"))
        }
    }

    @Test func invalidPolygonIsRepairedAndListed() throws {
        let b = try BoundaryLoader.load(Fixture.path("wards_invalid.geojson"))
        #expect(b.repairs.count == 1)
        #expect(b.repairs.first?.feature == 1)
        #expect(b.repairs.first?.wardID == "B1")
        #expect(b.repairs.first?.reason.contains("Self-intersection") == true)
        #expect(try GeometryOps.validity(b.wards[0].geometry).isValid)
        // The bow tie is two triangles: half the 0.05° square.
        #expect(abs(b.wards[0].areaSquareMeters * 2 - b.wards[1].areaSquareMeters) / b.wards[1].areaSquareMeters < 0.01)
    }

    @Test func badBoundaryInputs() {
        #expect(throws: GeoError.wrongGeometry(file: Fixture.path("wards_points.geojson"), feature: 1, found: "Point", expected: "Polygon or MultiPolygon")) {
            try BoundaryLoader.load(Fixture.path("wards_points.geojson"))
        }
        #expect(throws: GeoError.self) { try BoundaryLoader.load(Fixture.path("empty.geojson")) }
        do {
            _ = try BoundaryLoader.load(Fixture.path("empty.geojson"))
        } catch {
            #expect(error.description.contains("empty.geojson: no features"))
        }
        #expect(throws: GeoError.self) { try BoundaryLoader.load(Fixture.path("not_vector.txt")) }
        #expect(throws: GeoError.self) { try BoundaryLoader.load(Fixture.path("incidents.csv")) }
    }

    @Test func missingCRSNeedsTheCRSOption() throws {
        let file = Fixture.path("wards_noprj.shp")
        #expect(throws: GeoError.unknownCRS(file: file)) { try BoundaryLoader.load(file) }
        #expect(GeoError.unknownCRS(file: file).description.contains("give one with --crs"))
        let b = try BoundaryLoader.load(file, options: BoundaryOptions(sourceCRS: try CRS("EPSG:32648")))
        #expect(b.wards.count == 3)
        #expect(abs(b.wards[0].areaSquareMeters - 4844240.208) < 1)
    }

    @Test func tableWithoutCoordinateColumns() throws {
        let b = try #require(Self.reference)
        do {
            _ = try IncidentLoader.load(Fixture.path("no_coordinates.csv"), boundaries: b)
            Issue.record("a table without coordinates must not load")
        } catch {
            guard case .missingField(let file, let field, let available) = error else {
                Issue.record("expected missingField, got \(error)")
                return
            }
            #expect(file.hasSuffix("no_coordinates.csv"))
            #expect(field.contains("kinh_do") && field.contains("--x-field"))
            #expect(available == ["id", "date", "address"])
        }
    }

    @Test func csvIncidentsWithVietnameseColumnsAndRejections() throws {
        let b = try #require(Self.reference)
        let s = try IncidentLoader.load(Fixture.path("incidents.csv"), boundaries: b)
        #expect(s.ids == ["I1", "I2", "I3", "I9"])
        #expect(s.rows == [2, 3, 4, 10])
        #expect(s.wardIndices == [0, 1, 2, 1])
        #expect(s.dates.map { $0?.description } == ["2021-03-05", "2022-07-15", "2023-01-10", "2023-11-30"])
        #expect(s.solved == [true, false, true, true])
        #expect(s.categories[1] == "street robbery")
        #expect(s.severities[2] == "rất nghiêm trọng")
        #expect(s.weights == [1, 1, 1, 1])
        #expect(s.rowCount == 9)
        #expect(s.rejections.map(\.row) == [5, 6, 7, 8, 9])
        #expect(s.rejections.map(\.reason) == [.emptyCoordinates, .nonNumeric, .swappedLatLon, .outsideWards, .badDate])
        #expect(s.rejections[1].rawX == "abc")
        #expect(s.rejections[2].rawX == "10.36" && s.rejections[2].rawY == "106.36")
        #expect(s.rejections[4].detail.contains("31/02/2022"))
        #expect(s.sourceCRS == .wgs84)
        // The planar point of I1 is the UTM value of 106.36E 10.36N (see ProjectionTests).
        #expect(abs(s.points[0].x - 648896.074478) < 1e-5)
    }

    @Test func excelStyleSemicolonCSV() throws {
        let b = try #require(Self.reference)
        let s = try IncidentLoader.load(Fixture.path("incidents_semicolon.csv"), boundaries: b)
        #expect(s.ids == ["1", "2"])
        #expect(s.dates.map { $0?.description } == ["2021-03-05", "2022-01-01"])
        #expect(s.wardIndices == [0, 1])
        #expect(s.rejections.isEmpty)
    }

    @Test func xlsxAndPointLayerIncidents() throws {
        let b = try #require(Self.reference)
        let x = try IncidentLoader.load(Fixture.path("incidents.xlsx"), boundaries: b)
        #expect(x.ids == ["I1", "I2", "I3"])
        #expect(x.dates.map { $0?.year } == [2021, 2022, 2023])
        #expect(x.solved == [true, false, true])
        #expect(x.rejections.isEmpty)
        #expect(try VectorReader.layerNames(in: Fixture.path("incidents.xlsx")) == ["incidents", "thang2"])
        let sheet = try IncidentLoader.load(Fixture.path("incidents.xlsx"), options: IncidentOptions(layer: "thang2"), boundaries: b)
        #expect(sheet.ids == ["A1"] && sheet.dates.first??.description == "2022-02-01" && sheet.wardIndices == [0])
        let g = try IncidentLoader.load(Fixture.path("incidents_points.geojson"), boundaries: b)
        #expect(g.ids == ["I1", "I2", "I3"] && g.wardIndices == [0, 1, 2])
        #expect(g.rows == [1, 2, 3])
        for i in 0..<3 { #expect(abs(g.points[i].x - x.points[i].x) < 1e-6) }
    }

    @Test func projectedXYColumnsWithCRSOption() throws {
        let b = try #require(Self.reference)
        let s = try IncidentLoader.load(Fixture.path("incidents_utm.csv"),
                                        options: IncidentOptions(xField: "X", yField: "Y", sourceCRS: try CRS("EPSG:32648")), boundaries: b)
        #expect(s.count == 3)
        #expect(abs(s.points[0].x - 648896.074478) < 1e-3)
        #expect(s.wardIndices == [0, 1, 2])
        #expect(throws: GeoError.self) {
            try IncidentLoader.load(Fixture.path("incidents_utm.csv"), options: IncidentOptions(xField: "easting", yField: "Y"), boundaries: b)
        }
        // Metres read as degrees: the loader asks for --crs instead of rejecting every row.
        #expect(throws: GeoError.unknownCRS(file: Fixture.path("incidents_utm.csv"))) {
            try IncidentLoader.load(Fixture.path("incidents_utm.csv"), options: IncidentOptions(xField: "X", yField: "Y"), boundaries: b)
        }
    }

    @Test func nonPointLayerAndMissingColumns() throws {
        let b = try #require(Self.reference)
        #expect(throws: GeoError.self) { try IncidentLoader.load(Fixture.path("wards.geojson"), boundaries: b) }
        do {
            _ = try IncidentLoader.load(Fixture.path("wards.geojson"), boundaries: b)
        } catch {
            #expect(error.description.contains("feature 1 is a Polygon, expected Point"))
        }
        #expect(throws: GeoError.self) { try IncidentLoader.load(Fixture.path("empty.geojson"), boundaries: b) }
    }

    @Test func rejectsFileIsWrittenAtomically() throws {
        let b = try #require(Self.reference)
        let s = try IncidentLoader.load(Fixture.path("incidents.csv"), boundaries: b)
        let dir = try makeTemporaryDirectory()
        try IncidentLoader.writeRejects(s.rejections, to: dir + "/rejects.csv")
        let text = try String(contentsOfFile: dir + "/rejects.csv", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "row,id,reason,detail,raw_x,raw_y")
        #expect(lines.count == 6)
        #expect(lines[1].hasPrefix("5,I4,empty coordinates,"))
        #expect(lines[3] == "7,I6,apparently swapped lat/lon,\"lon 10.36, lat 106.36\",10.36,106.36")
        #expect(throws: GeoError.self) { try IncidentLoader.writeRejects(s.rejections, to: dir + "/missing/rejects.csv") }
        #expect(filesIn(dir) == ["rejects.csv"])
    }

    @Test func inMemoryIncidentSetChecksLengths() throws {
        let s = try IncidentSet(file: "mem", points: PlanarPointSet(xs: [1], ys: [2]), ids: ["a"], dates: [nil], categories: [""],
                                severities: [""], solved: [nil], weights: [2], wardIndices: [0], rows: [2])
        #expect(s.count == 1 && s.rowCount == 1 && s.years == [nil])
        #expect(throws: GeoError.self) {
            try IncidentSet(file: "mem", points: PlanarPointSet(xs: [1], ys: [2]), ids: [], dates: [nil], categories: [""],
                            severities: [""], solved: [nil], weights: [2], wardIndices: [0], rows: [2])
        }
    }

    @Test func dateParsing() throws {
        #expect(CalendarDate(parsing: "2023-01-10")?.description == "2023-01-10")
        #expect(CalendarDate(parsing: "10/01/2023")?.description == "2023-01-10")
        #expect(CalendarDate(parsing: "2023/01/10 08:30:00")?.description == "2023-01-10")
        #expect(CalendarDate(parsing: "29/02/2024") != nil)
        #expect(CalendarDate(parsing: "29/02/2023") == nil)
        #expect(CalendarDate(parsing: "2023-13-01") == nil)
        #expect(CalendarDate(parsing: "") == nil)
        #expect(CalendarDate(parsing: "yesterday") == nil)
        #expect(CalendarDate(parsing: "  2023-1-5T00:00:00Z")?.description == "2023-01-05")
        #expect(CalendarDate(parsing: "10.01.2023 08:00")?.description == "2023-01-10")
        #expect(CalendarDate(parsing: "2023-01") == nil)
        #expect(CalendarDate(parsing: "2023-01-10-11") == nil)
        #expect(CalendarDate(parsing: "20230-01-10") == nil)
        #expect(CalendarDate(parsing: "10/01/23") == nil)
        #expect(WardType(recognizing: "Phường Đạo Thạnh") == .phuong)
        #expect(WardType(recognizing: "Xa Tan Phu") == .xa)
        #expect(WardType(recognizing: "Xã") == .xa)
        #expect(WardType(recognizing: "Thị trấn Vĩnh Bình") == .thiTran)
        #expect(WardType(recognizing: "Xuân Đông") == nil)
    }
}
