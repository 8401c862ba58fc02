import Foundation
import Testing
@testable import GeoKit
import SeededRandom

/// Issue 12, input side: each test reproduces one row of the hostile test (the row number is
/// in the test's name) and failed before the fix.
@Suite("Input robustness (issue 12)")
struct InputRobustnessTests {
    static let header = "id,date,category,severity,solved,lon,lat,w"

    /// Writes `lines` (after the header) as a CSV in a fresh directory.
    func csv(_ lines: [String], header: String = InputRobustnessTests.header, name: String = "incidents.csv") throws -> String {
        let path = try makeTemporaryDirectory() + "/" + name
        try ([header] + lines).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func wards() throws -> BoundarySet { try BoundaryLoader.load(Fixture.path("wards.geojson")) }

    // MARK: row 1: dates outside the plausible window

    @Test func row1DatesOutsideTheWindowAreRejectedWithAReason() throws {
        let file = try csv([
            "A,2021-03-05,theft,serious,1,106.36,10.36,1",
            "B,2099-06-01,theft,serious,1,106.38,10.36,1",
            "C,01/01/1900,theft,serious,1,106.36,10.38,1",
            "D,2023-01-10,theft,serious,1,106.38,10.38,1",
        ])
        let set = try IncidentLoader.load(file, boundaries: try wards())
        #expect(set.ids == ["A", "D"])
        #expect(set.rejections.map(\.row) == [3, 4])
        #expect(set.rejections.allSatisfy { $0.reason == .dateOutsideWindow })
        #expect(set.rejections[0].detail.contains("2099-06-01"))
        #expect(set.years.compactMap { $0 }.max() == 2023)
        #expect(set.warnings.count == 1 && set.warnings[0].contains("2 rows dated outside 2000-01-01.."))

        // The window is configurable.
        var options = IncidentOptions()
        options.dateWindow = try DateWindow(parsing: "1900-01-01..2100-12-31")
        #expect(try IncidentLoader.load(file, options: options, boundaries: try wards()).count == 4)
    }

    @Test func row1DateWindowParsing() throws {
        let w = try DateWindow(parsing: "2015-01-01..31/12/2024")
        #expect(w.description == "2015-01-01..2024-12-31")
        #expect(try DateWindow(parsing: "..2020-06-30").earliest == DateWindow.standard.earliest)
        #expect(DateWindow.standard.latest == CalendarDate.today)
        #expect(throws: GeoError.self) { try DateWindow(parsing: "2024-01-01..2015-01-01") }
        #expect(throws: GeoError.self) { try DateWindow(parsing: "2015") }
        #expect(throws: GeoError.self) { try DateWindow(parsing: "2015-13-01..") }
    }

    // MARK: row 4: duplicate ward ids and boundaries

    /// A copy of the fixture wards with `edit` applied to the GeoJSON text.
    func wardsFile(_ edit: (inout [[String: Any]]) -> Void) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("wards.geojson")))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var features = try #require(json["features"] as? [[String: Any]])
        edit(&features)
        json["features"] = features
        let path = try makeTemporaryDirectory() + "/wards.geojson"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func row4DuplicatedWardFeatureIsRefusedNamingTheID() throws {
        let file = try wardsFile { $0.append($0[1]) }
        do {
            _ = try BoundaryLoader.load(file)
            Issue.record("a duplicated ward was accepted")
        } catch {
            #expect("\(error)".contains("ward id 'W2'"))
            #expect("\(error)".contains("features 2, 4"))
        }
    }

    @Test func row4SameBoundaryUnderAnotherIDIsRefused() throws {
        let file = try wardsFile { features in
            var copy = features[1]
            var props = copy["properties"] as? [String: Any] ?? [:]
            props["ward_code"] = "W9"
            copy["properties"] = props
            features.append(copy)
        }
        #expect(throws: GeoError.self) { try BoundaryLoader.load(file) }
        do { _ = try BoundaryLoader.load(file) } catch {
            #expect("\(error)".contains("same boundary"))
            #expect("\(error)".contains("id W2") && "\(error)".contains("id W9"))
        }
    }

    // MARK: row 19: overlapping wards

    func squareWard(_ id: String, _ lon: Double, _ lat: Double, _ size: Double) -> [String: Any] {
        ["type": "Feature", "properties": ["ward_code": id, "ward_name": id, "ward_type": "xã", "district_name": "X"],
         "geometry": ["type": "Polygon", "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]]]
    }

    @Test func row19OverlappingWardsAreRefusedAndSliversReported() throws {
        // W4 covers half of W1 (0.02° square at 106.35, 10.35).
        let overlapping = try wardsFile { $0.append(squareWard("W4", 106.34, 10.35, 0.02)) }
        do {
            _ = try BoundaryLoader.load(overlapping)
            Issue.record("overlapping wards were accepted")
        } catch {
            #expect("\(error)".contains("id W1") && "\(error)".contains("id W4"))
            #expect("\(error)".contains("overlap by"))
        }
        // A 0.00005° (about 5 m) sliver: accepted, with a warning naming the pair.
        let sliver = try wardsFile { $0.append(squareWard("W5", 106.33005, 10.35, 0.02)) }
        let b = try BoundaryLoader.load(sliver)
        #expect(b.wards.count == 4)
        #expect(b.warnings.count == 1)
        #expect(b.warnings.first?.contains("id W5") == true)
        // The clean fixture has neither.
        #expect(try wards().warnings.isEmpty)
    }

    // MARK: row 9: --weight-field values

    @Test func row9WeightsThatAreNotNumbersAreRejectedRows() throws {
        let file = try csv([
            "A,2021-03-05,theft,serious,1,106.36,10.36,abc",
            "B,2021-03-05,theft,serious,1,106.38,10.36,",
            "C,2021-03-05,theft,serious,1,106.36,10.38,\"2,5\"",
            "D,2021-03-05,theft,serious,1,106.38,10.38,\"2,500\"",
            "E,2021-03-05,theft,serious,1,106.39,10.38,3",
            "F,2021-03-05,theft,serious,1,106.39,10.36,nan",
        ])
        var options = IncidentOptions()
        options.weightField = "w"
        let set = try IncidentLoader.load(file, options: options, boundaries: try wards())
        #expect(set.ids == ["C", "E"])
        #expect(set.weights == [2.5, 3])
        #expect(set.rejections.map(\.row) == [2, 3, 5, 7])
        #expect(set.rejections.allSatisfy { $0.reason == .badWeight })
        #expect(set.rejections[0].detail.contains("'abc'"))
        #expect(set.rejections[1].detail.contains("empty"))
        #expect(set.rejections[2].detail.contains("ambiguous"))
        #expect(set.warnings.contains { $0.contains("4 rows with an empty or non-numeric weight") })
    }

    @Test func row9NegativeWeightNamesTheRowAndTheRawValue() throws {
        let file = try csv([
            "A,2021-03-05,theft,serious,1,106.36,10.36,1",
            "B,2021-03-05,theft,serious,1,106.38,10.36,-40",
        ])
        var options = IncidentOptions()
        options.weightField = "w"
        #expect(throws: GeoError.badValue(file: file, row: 3, field: "w", value: "-40",
                                          expected: "a weight >= 0 (a negative weight would subtract incidents)")) {
            try IncidentLoader.load(file, options: options, boundaries: try wards())
        }
    }

    // MARK: row 19: duplicate incident ids

    @Test func row19DuplicateIncidentIDsAreRejected() throws {
        let file = try csv([
            "A,2021-03-05,theft,serious,1,106.36,10.36,1",
            "A,2021-03-05,theft,serious,1,106.36,10.36,1",
            "B,2021-03-05,theft,serious,1,999,10.36,1",
            "B,2021-03-05,theft,serious,1,106.38,10.36,1",
        ])
        let set = try IncidentLoader.load(file, boundaries: try wards())
        #expect(set.ids == ["A", "B"])
        #expect(set.rows == [2, 5])
        let dup = try #require(set.rejections.first { $0.reason == .duplicateID })
        #expect(dup.row == 3 && dup.detail == "id 'A' is already on row 2")
        #expect(set.warnings.contains { $0.contains("1 row with an id already used") })
    }

    // MARK: row 12: legacy code pages

    @Test(arguments: [("incidents_cp1258.csv", "windows-1258", "trộm cắp tài sản"), ("incidents_latin1.csv", "latin1", "vol à la tire")])
    func row12LegacyEncodingIsRefusedOrDecoded(file: String, encoding: String, category: String) throws {
        let path = Fixture.path(file)
        do {
            _ = try IncidentLoader.load(path, boundaries: try wards())
            Issue.record("a \(encoding) file was read without --encoding")
        } catch let error as GeoError {
            guard case let .encoding(f, line, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(f == path)
            #expect(line == 2)
            #expect("\(error)".contains("--encoding"))
        }
        var options = IncidentOptions()
        options.encoding = encoding
        let set = try IncidentLoader.load(path, options: options, boundaries: try wards())
        #expect(set.count == 2)
        #expect(set.categories[0] == category)
        #expect(set.categories[0].unicodeScalars.elementsEqual(category.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(!set.categories.joined().contains("\u{FFFD}"))
        #expect(set.file == path)
        #expect(throws: GeoError.self) {
            var bad = IncidentOptions()
            bad.encoding = "no-such-charset"
            _ = try IncidentLoader.load(path, options: bad, boundaries: try wards())
        }
    }

    @Test func row12UTF8ValidatorAgreesWithTheStandardLibrary() {
        // Seeded byte strings biased towards UTF-8 lead and continuation bytes.
        var rng = SplitMix64(seed: 12)
        func next() -> UInt64 { rng.next() }
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<5000 {
            let n = Int(next() % 8)
            let bytes = (0..<n).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((CSVPreflight.firstInvalidUTF8(bytes) == nil) == valid, "\(bytes)")
        }
    }

    // MARK: row 13: a folder given as a file

    @Test func row13FolderIsRefusedNamingItsFiles() throws {
        let dir = try makeTemporaryDirectory()
        for name in ["b.csv", "a.csv"] {
            try Data(contentsOf: URL(fileURLWithPath: Fixture.path("incidents_clean.csv"))).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        #expect(throws: GeoError.unreadable(file: dir, reason: "is a folder, not a file; give one of the files in it: a.csv, b.csv")) {
            try IncidentLoader.load(dir, boundaries: try wards())
        }
    }

    // MARK: row 20: messages

    @Test func row20UnquotedDecimalCommaIsNamed() throws {
        let file = try csv(["A,2021-03-05,theft,serious,1,106,36,10,36,1"])
        do {
            _ = try IncidentLoader.load(file, boundaries: try wards())
            Issue.record("a shifted row was read")
        } catch let error as GeoError {
            #expect(error == .malformedTable(file: file, line: 2, reason: "\(error)".components(separatedBy: "line 2 has ").last ?? ""))
            #expect("\(error)".contains("decimal comma"))
            #expect("\(error)".contains("10 cells where the header has 8"))
        }
        // Trailing empty cells and quoted commas are fine.
        let ok = try csv(["A,2021-03-05,\"theft, at night\",serious,1,\"106,36\",10.36,1,,"])
        #expect(try IncidentLoader.load(ok, boundaries: try wards()).count == 1)
    }

    @Test func row20MultiLayerErrorsListTheLayers() throws {
        let dir = try makeTemporaryDirectory()
        let gpkg = dir + "/two.gpkg"
        #expect(try ogr2ogr(["-f", "GPKG", gpkg, Fixture.path("wards.geojson"), "-nln", "wards"]) == 0)
        #expect(try ogr2ogr(["-update", "-f", "GPKG", gpkg, Fixture.path("incidents_points.geojson"), "-nln", "vu_viec"]) == 0)
        do {
            _ = try IncidentLoader.load(gpkg, boundaries: try wards())
            Issue.record("the ward polygons were read as incidents")
        } catch {
            #expect("\(error)".contains("2 layers (wards, vu_viec)"))
            #expect("\(error)".contains("--incidents-layer"))
        }
        var options = IncidentOptions()
        options.layer = "vu_viec"
        #expect(try IncidentLoader.load(gpkg, options: options, boundaries: try wards()).count == 3)
    }

    // MARK: row 18: a working CRS that does not fit the data

    @Test(arguments: ["EPSG:32660", "EPSG:3857"])
    func row18UnfitWorkingCRSIsRefused(crs: String) throws {
        do {
            _ = try BoundaryLoader.load(Fixture.path("wards.geojson"), options: BoundaryOptions(workCRS: try CRS(crs)))
            Issue.record("\(crs) was accepted for data at 106° E, 10° N")
        } catch {
            #expect("\(error)".contains("EPSG:32648"), "suggests the data's UTM zone: \(error)")
        }
    }

    @Test func row18DistortionFigures() throws {
        let box = BoundingBox<LonLat>(minX: 106.35, minY: 10.35, maxX: 106.40, maxY: 10.40)
        // Web Mercator's parallel scale is 1 / cos(lat) on the sphere (1.0167 at 10.4° N);
        // on the WGS 84 ellipsoid it is not conformal and the meridional scale is larger.
        let d = try #require(try WorkCRSCheck.distortion(try WorkCRSCheck.object(for: try CRS("EPSG:3857")), extent: box))
        #expect(d.scaleError >= 1 / cos(10.40 * .pi / 180) - 1)
        #expect(d.scaleError > WorkCRSCheck.maximumScaleError)
        // The data's UTM zone and VN-2000 / UTM 48N pass without a warning.
        #expect(try WorkCRSCheck.check(try CRS("EPSG:32648"), extent: box).isEmpty)
        #expect(try WorkCRSCheck.check(try CRS("EPSG:3405"), extent: box).isEmpty)
        // The neighbouring zone is refused: its area of use (108° E to 114° E) misses the data.
        #expect(throws: GeoError.self) { try WorkCRSCheck.check(try CRS("EPSG:32649"), extent: box) }
        // Web Mercator at the equator is off by less than 1%: a warning, not a refusal.
        let equator = BoundingBox<LonLat>(minX: 106.35, minY: 0, maxX: 106.40, maxY: 0.05)
        let warned = try WorkCRSCheck.check(try CRS("EPSG:3857"), extent: equator)
        #expect(warned.count == 1 && warned[0].contains("distorts distances by up to 0."))
    }
}
