import Foundation
import Testing
@testable import GeoKit

@Suite("GDAL/OGR vector I/O")
struct VectorIOTests {
    @Test(arguments: [
        ("wards.geojson", "GeoJSON", 4326 as Int?),
        ("wards_utm.shp", "ESRI Shapefile", 32648),
        ("wards.gpkg", "GPKG", 4326),
        ("wards.tab", "MapInfo File", nil),
        ("wards.kml", "LIBKML", 4326),
    ])
    func readsWardsInEveryFormat(file: String, driver: String, epsg: Int?) throws {
        let layer = try VectorReader.read(Fixture.path(file))
        // KML may come through the LIBKML or the KML driver depending on the build.
        #expect(layer.driver == driver || (driver == "LIBKML" && layer.driver == "KML"))
        #expect(layer.features.count == 3)
        #expect(layer.crs != nil)
        if let epsg { #expect(layer.crs?.epsgCode == epsg) }
        let names = layer.features.compactMap { $0["ward_name"].stringValue ?? $0["Name"].stringValue }
        #expect(names.contains("Đạo Thạnh"))
        for f in layer.features {
            #expect(f.geometry?.asMultiPolygon != nil)
        }
        // The third ward keeps its hole in every format.
        let holes = layer.features.compactMap { $0.geometry?.asMultiPolygon?.polygons.first?.holes.count }
        #expect(holes.contains(1))
    }

    @Test func shapefileInUSFeetHasItsUnit() throws {
        let layer = try VectorReader.read(Fixture.path("wards_ftus.shp"))
        let crs = try #require(layer.crs)
        #expect(abs((crs.linearUnitToMeters ?? 0) - 1200.0 / 3937.0) < 1e-12)
        // Shapefile field names are truncated to 10 characters.
        #expect(layer.field(named: "district_n") != nil)
    }

    @Test func readsTablesWithoutGeometry() throws {
        let csv = try VectorReader.read(Fixture.path("incidents.csv"))
        #expect(csv.driver == "CSV" && csv.geometryType == nil && csv.crs == nil)
        #expect(csv.features.count == 9)
        #expect(csv.features[0]["kinh_do"] == .string("106.36"))
        #expect(csv.features[8]["kinh_do"] == .string("106,39"))
        #expect(csv.rowNumber(ofFeature: 0) == 2)
        let xlsx = try VectorReader.read(Fixture.path("incidents.xlsx"))
        #expect(xlsx.driver == "XLSX" && xlsx.features.count == 3)
        #expect(xlsx.features[0]["lon"] == .real(106.36))
        #expect(xlsx.features[1]["date"] == .string("2022-07-15"))
        #expect(xlsx.features[0]["id"] == .string("I1"))
    }

    @Test func layerSelectionByName() throws {
        #expect(try VectorReader.layerNames(in: Fixture.path("wards.gpkg")) == ["wards"])
        #expect(try VectorReader.read(Fixture.path("wards.gpkg"), layer: "wards").name == "wards")
        #expect(throws: GeoError.self) { try VectorReader.read(Fixture.path("wards.gpkg"), layer: "roads") }
        do {
            _ = try VectorReader.read(Fixture.path("wards.gpkg"), layer: "roads")
        } catch {
            #expect(error.description.contains("no layer 'roads'; layers are: wards"))
        }
    }

    @Test func unreadableAndEmptyInputs() {
        #expect(throws: GeoError.unreadable(file: "/nonexistent/x.geojson", reason: "no such file")) {
            try VectorReader.read("/nonexistent/x.geojson")
        }
        do {
            _ = try VectorReader.read(Fixture.path("not_vector.txt"))
            Issue.record("a text file must not read")
        } catch {
            guard case .unreadable(let file, _) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(file.hasSuffix("not_vector.txt"))
        }
        #expect(throws: GeoError.self) { try VectorReader.read(Fixture.path("empty.geojson")) }
    }

    static func sampleLayer() throws -> OutputLayer {
        // Clockwise exterior: RFC 7946 output must turn it counter-clockwise.
        let cw = Polygon(exterior: [LonLat(lon: 106.35, lat: 10.35), LonLat(lon: 106.35, lat: 10.37),
                                    LonLat(lon: 106.37, lat: 10.37), LonLat(lon: 106.37, lat: 10.35)])
        return try OutputLayer(
            name: "wards",
            fields: [FieldDefinition("code", .string), FieldDefinition("n", .integer), FieldDefinition("score", .real),
                     FieldDefinition("model", .bool)],
            geometryType: .polygon,
            features: [Feature(index: 0, geometry: .polygon(cw), attributes: [
                "code": .string("W1"), "n": .integer(42), "score": .real(0.123456789), "model": .bool(true),
            ])])
    }

    @Test func geoJSONFollowsRFC7946() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/out.geojson"
        try VectorWriter.writeGeoJSON(Self.sampleLayer(), to: path, writeBBox: true)
        #expect(filesIn(dir) == ["out.geojson"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("\"crs\""))
        #expect(text.contains("\"bbox\""))
        // Counter-clockwise exterior (right-hand rule): the second vertex is (106.37, 10.35).
        #expect(text.contains("[ [ [ 106.35, 10.35 ], [ 106.37, 10.35 ]"))
        #expect(text.contains("\"n\": 42"))
        #expect(text.contains("\"model\": true"))
        let back = try VectorReader.read(path)
        #expect(back.features[0]["score"] == .real(0.123456789))
        #expect(back.features[0]["code"] == .string("W1"))
        // Same input, same bytes.
        let again = dir + "/again.geojson"
        try VectorWriter.writeGeoJSON(Self.sampleLayer(), to: again, writeBBox: true)
        #expect(FileManager.default.contentsEqual(atPath: path, andPath: again))
    }

    @Test func geoPackageSeveralLayersStylesAndDeterminism() throws {
        let dir = try makeTemporaryDirectory()
        let a = dir + "/a.gpkg", b = dir + "/b.gpkg"
        let points = try OutputLayer(name: "cameras", fields: [FieldDefinition("id", .integer)], geometryType: .point,
                                     features: [Feature(index: 0, geometry: .point(LonLat(lon: 106.36, lat: 10.36)), attributes: ["id": .integer(1)])])
        let styles = [
            "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_name TEXT, styleQML TEXT)",
            "INSERT INTO layer_styles (f_table_name, styleQML) VALUES ('cameras', '<qgis/>')",
        ]
        try VectorWriter.writeGeoPackage([Self.sampleLayer(), points], to: a, extraSQL: styles)
        try VectorWriter.writeGeoPackage([Self.sampleLayer(), points], to: b, extraSQL: styles)
        #expect(FileManager.default.contentsEqual(atPath: a, andPath: b))
        #expect(try VectorReader.layerNames(in: a).sorted() == ["cameras", "layer_styles", "wards"])
        let cams = try VectorReader.read(a, layer: "cameras")
        #expect(cams.crs?.epsgCode == 4326)
        #expect(cams.features[0].geometry == .point(SourceXY(x: 106.36, y: 10.36)))
        #expect(filesIn(dir) == ["a.gpkg", "b.gpkg"])
    }

    @Test func csvWithXY() throws {
        let dir = try makeTemporaryDirectory()
        let path = dir + "/p.csv"
        let layer = try OutputLayer(name: "p", fields: [FieldDefinition("name", .string), FieldDefinition("n", .integer)], geometryType: .point,
                                    features: [Feature(index: 0, geometry: .point(LonLat(lon: 106.5, lat: 10.25)), attributes: ["name": .string("Chợ, Mỹ Tho"), "n": .integer(3)])])
        try VectorWriter.writeCSV(layer, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "X,Y,name,n\n106.5,10.25,\"Chợ, Mỹ Tho\",3\n")
    }

    @Test func failedWritesLeaveNothing() throws {
        let dir = try makeTemporaryDirectory()
        // Bad SQL after the layers were written: the whole file is abandoned.
        #expect(throws: GeoError.self) {
            try VectorWriter.writeGeoPackage([Self.sampleLayer()], to: dir + "/x.gpkg", extraSQL: ["THIS IS NOT SQL"])
        }
        do {
            try VectorWriter.writeGeoPackage([Self.sampleLayer()], to: dir + "/x.gpkg", extraSQL: ["THIS IS NOT SQL"])
        } catch let error as GeoError {
            guard case .writeFailed(let file, let reason) = error else {
                Issue.record("expected writeFailed")
                return
            }
            #expect(file == dir + "/x.gpkg")
            #expect(reason.lowercased().contains("syntax"))
        }
        // A missing directory.
        #expect(throws: GeoError.self) { try VectorWriter.writeGeoJSON(Self.sampleLayer(), to: dir + "/no/such/dir.geojson") }
        // An existing file stays untouched when the new write fails.
        let keep = dir + "/keep.gpkg"
        try VectorWriter.writeGeoPackage([Self.sampleLayer()], to: keep)
        let before = try Data(contentsOf: URL(fileURLWithPath: keep))
        #expect(throws: GeoError.self) { try VectorWriter.writeGeoPackage([Self.sampleLayer()], to: keep, extraSQL: ["DROP TABLE nothing_here"]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: keep)) == before)
        // A NaN coordinate (e.g. a failed transform) never reaches a file.
        let nan = try OutputLayer(name: "p", fields: [], geometryType: .point,
                                  features: [Feature(index: 7, geometry: .point(LonLat(lon: .nan, lat: 10)), attributes: [:])])
        #expect(throws: GeoError.writeFailed(file: dir + "/nan.geojson", reason: "feature 7 of layer 'p' has a non-finite coordinate")) {
            try VectorWriter.writeGeoJSON(nan, to: dir + "/nan.geojson")
        }
        #expect(filesIn(dir) == ["keep.gpkg"])
        #expect(throws: GeoError.self) {
            try OutputLayer(name: "x", fields: [FieldDefinition("a", .string), FieldDefinition("A", .integer)], geometryType: .none, features: [])
        }
    }

    /// Issue 12 row 2: a full disk must be an error, never a cut file that looks written.
    /// /dev/full accepts open() and fails every write() with ENOSPC.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
    func aFullDiskIsAnError() throws {
        #expect(throws: GeoError.writeFailed(file: "/dev/full", reason: "write failed after 0 of 4096 bytes: No space left on device")) {
            try CheckedFile.write(Data(count: 4096), to: "/dev/full")
        }
        #expect(FileManager.default.fileExists(atPath: "/dev/full"))
    }

    /// Every written layer reopens with its feature count (the writer checks it before the
    /// rename; here the result is read back independently).
    @Test func writtenLayersReopenComplete() throws {
        let dir = try makeTemporaryDirectory()
        let features = (0 ..< 500).map { i in
            Feature<LonLat>(index: i, geometry: .point(LonLat(lon: 106 + Double(i) * 1e-4, lat: 10)), attributes: ["name": .string("p\(i)"), "n": .integer(Int64(i))])
        }
        let layer = try OutputLayer(name: "pts", fields: [FieldDefinition("name", .string), FieldDefinition("n", .integer)],
                                    geometryType: .point, features: features)
        try VectorWriter.writeGeoJSON(layer, to: dir + "/p.geojson")
        try VectorWriter.writeCSV(layer, to: dir + "/p.csv")
        try VectorWriter.writeGeoPackage([layer], to: dir + "/p.gpkg")
        for f in ["p.geojson", "p.csv", "p.gpkg"] {
            #expect(try VectorReader.read(dir + "/" + f).features.count == 500, "\(f)")
        }
        #expect(filesIn(dir) == ["p.csv", "p.geojson", "p.gpkg"])
    }
}

@Suite struct SpreadsheetAndShapefileTests {
    func dir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-xlsx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    @Test func xlsxKeepsNumbersNumericAndVietnameseText() throws {
        let d = try dir()
        let layer = try OutputLayer(name: "Trang 1", fields: [.init("Xã, phường", .string), .init("Tỷ lệ phủ (%)", .real), .init("Camera", .integer)],
                                    geometryType: .none, features: [
                                        Feature(index: 0, geometry: nil, attributes: ["Xã, phường": .string("Mỹ Phước Tây"), "Tỷ lệ phủ (%)": .real(36.9), "Camera": .integer(7)]),
                                    ])
        try VectorWriter.writeXLSX([layer], to: d + "/t.xlsx")
        let back = try VectorReader.read(d + "/t.xlsx")
        #expect(back.name == "Trang 1")
        #expect(back.field(named: "Tỷ lệ phủ (%)")?.type == .real)
        #expect(back.features.first?["Xã, phường"] == .string("Mỹ Phước Tây"))
        #expect(back.features.first?["Tỷ lệ phủ (%)"] == .real(36.9))
        #expect(back.features.first?["Camera"].doubleValue == 7)
    }

    @Test func shortFieldNamesFitDBaseAndAreUnique() {
        let fields = ["cell_id", "covered_share", "incidents_per_km2", "incidents_per_1000", "cameras_per_10k_residents", "weight"]
        let m = ShapefileExport.shortNames(fields)
        #expect(m["cell_id"] == "cell_id" && m["weight"] == "weight")
        #expect(m.values.allSatisfy { $0.count <= 10 })
        #expect(Set(m.values.map { $0.lowercased() }).count == fields.count)
        #expect(m["covered_share"] == "cvrd_shr")
    }

    @Test func shapefileHasACodePageAndTheRenamedFields() throws {
        let d = try dir()
        let square = Polygon<LonLat>(exterior: [LonLat(lon: 106.3, lat: 10.3), LonLat(lon: 106.4, lat: 10.3), LonLat(lon: 106.4, lat: 10.4),
                                                LonLat(lon: 106.3, lat: 10.4), LonLat(lon: 106.3, lat: 10.3)])
        let layer = try OutputLayer(name: "wards", fields: [.init("ward_name", .string), .init("covered_share", .real)], geometryType: .polygon,
                                    features: [Feature(index: 0, geometry: .polygon(square), attributes: ["ward_name": .string("Đồng Sơn"), "covered_share": .real(0.42)])])
        try VectorWriter.writeGeoPackage([layer], to: d + "/p.gpkg", crs: try CRS("EPSG:3405"))
        let names = ShapefileExport.shortNames(layer.fields.map(\.name))
        try ShapefileExport.write(layer: "wards", fields: layer.fields.map(\.name), names: names, from: d + "/p.gpkg", to: d)
        #expect(try String(contentsOfFile: d + "/wards.cpg", encoding: .utf8).hasPrefix("UTF-8"))
        let back = try VectorReader.read(d + "/wards.shp")
        #expect(back.features.first?["ward_name"] == .string("Đồng Sơn"))
        #expect(back.features.first?["cvrd_shr"].doubleValue == 0.42)
        #expect(back.crs?.epsgCode == 3405)
        // VN-2000 / UTM 48N metres, not degrees.
        #expect((back.features.first?.geometry?.allCoordinates.first?.x ?? 0) > 100_000)
    }
}
