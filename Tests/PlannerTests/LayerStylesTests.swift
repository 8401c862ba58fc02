import Foundation
import GeoKit
import Testing
@testable import Planner

@Suite struct LayerStylesTests {
    func layer(_ name: String, _ field: FieldDefinition, _ values: [FieldValue]) throws -> OutputLayer {
        let square = Polygon<LonLat>(exterior: [LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 0), LonLat(lon: 1, lat: 1),
                                                LonLat(lon: 0, lat: 1), LonLat(lon: 0, lat: 0)])
        return try OutputLayer(name: name, fields: [field], geometryType: .polygon, features: values.enumerated().map { i, v in
            Feature(index: i, geometry: .polygon(square), attributes: [field.name: v])
        })
    }

    /// `(lower, upper)` of every `<range>` in a graduated renderer.
    func ranges(_ qml: String) throws -> [(Double, Double)] {
        let regex = try NSRegularExpression(pattern: "<range lower=\"([^\"]+)\" upper=\"([^\"]+)\"")
        return regex.matches(in: qml, range: NSRange(qml.startIndex..., in: qml)).compactMap { m in
            guard let a = Range(m.range(at: 1), in: qml), let b = Range(m.range(at: 2), in: qml),
                  let lo = Double(qml[a]), let hi = Double(qml[b]) else { return nil }
            return (lo, hi)
        }
    }

    @Test func booleanCategoriesUseTheTextQGISReads() throws {
        let cams = try layer("cameras", .init("existing", .bool), [.bool(true), .bool(false)])
        let qml = try #require(LayerStyles.style(for: cams, lang: .vi)).qml
        #expect(qml.contains("<category value=\"true\""))
        #expect(qml.contains("<category value=\"false\""))
        #expect(!qml.contains("<category value=\"0\""))
        #expect(qml.contains("Camera mới"))
    }

    @Test func wardClassesComeFromTheDataAndHoldEveryValue() throws {
        // Values like the demo's 0.45–44 weighted incidents per km²: fixed 0–20–40 breaks put
        // almost all in one class.
        let values = [0.45, 0.8, 1.2, 1.9, 2.5, 3.3, 4.1, 6.0, 9.5, 14.0, 21.0, 44.0]
        let wards = try layer("wards", .init("weight_per_km2", .real), values.map { .real($0) })
        let qml = try #require(LayerStyles.style(for: wards, lang: .en)).qml
        let r = try ranges(qml)
        #expect(r.count == 5)
        #expect(r.first?.0 == 0.45 && r.last?.1 == 44.0)
        var perClass = [Int](repeating: 0, count: r.count)
        for v in values {
            let i = try #require(ClassBreaks.classIndex(v, r.map { (lower: $0.0, upper: $0.1) }))
            perClass[i] += 1
        }
        #expect(perClass.allSatisfy { $0 >= 2 }, "quantile classes spread the wards: \(perClass)")
        #expect(qml.contains("weighted incidents/km²"))
    }

    @Test func nonSignificantCellsHaveNoOutline() throws {
        let cells = try layer("hotspot_cells", .init("gi_bin", .integer), [.integer(0), .integer(3)])
        let qml = try #require(LayerStyles.style(for: cells, lang: .vi)).qml
        let zero = try #require(qml.range(of: "<category value=\"0\""))
        #expect(qml[zero.lowerBound...].contains("symbol=\"3\""))
        // Symbol 3 (the "0" category) draws neither fill nor outline.
        let symbol3 = try #require(qml.range(of: "<symbol type=\"fill\" name=\"3\""))
        let end = try #require(qml[symbol3.upperBound...].range(of: "</symbol>"))
        let body = qml[symbol3.upperBound ..< end.lowerBound]
        #expect(body.contains("name=\"outline_style\" type=\"QString\" value=\"no\""))
        #expect(body.contains("value=\"255,255,255,0\""))
    }

    @Test func quantileBreaksMergeRepeatedEdges() {
        let b = ClassBreaks.quantiles([0, 0, 0, 0, 0, 0, 50, 100], classes: 5)
        #expect(b.first?.lower == 0 && b.last?.upper == 100)
        #expect(b.count < 5)
        #expect(ClassBreaks.quantiles([], classes: 5).isEmpty)
    }

    /// A traffic scenario's layers: segments by `is_blackspot` with the rank as label, gateways
    /// by `watched`, cameras by type (one category for each type present); all in the project.
    @Test func trafficLayersAreStyledAndInTheProject() throws {
        let line = LineString<LonLat>([LonLat(lon: 0, lat: 0), LonLat(lon: 0.01, lat: 0)])
        let spots = try OutputLayer(name: "blackspots", fields: [.init("is_blackspot", .bool), .init("rank", .integer)],
                                    geometryType: .lineString, features: [true, false].enumerated().map { i, b in
                                        Feature(index: i, geometry: .lineString(line), attributes: ["is_blackspot": .bool(b), "rank": .integer(Int64(i + 1))])
                                    })
        func points(_ name: String, _ field: FieldDefinition, _ values: [FieldValue]) throws -> OutputLayer {
            try OutputLayer(name: name, fields: [field], geometryType: .point, features: values.enumerated().map { i, v in
                Feature(index: i, geometry: .point(LonLat(lon: 0, lat: 0)), attributes: [field.name: v])
            })
        }
        let gates = try points("gateways", .init("watched", .bool), [.bool(true), .bool(false)])
        let cams = try points("cameras", .init("camera_type", .string), [.string("traffic_4mp_8mm"), .string("lpr_2mp"), .string("lpr_2mp")])
        let layers = [cams, gates, spots]
        #expect(LayerStyles.isTrafficPlan(layers))
        let spotStyle = try #require(LayerStyles.style(for: spots, lang: .vi))
        #expect(spotStyle.renderer.contains("attr=\"is_blackspot\""))
        #expect(spotStyle.renderer.contains("<category value=\"true\"") && spotStyle.renderer.contains("<category value=\"false\""))
        #expect(spotStyle.renderer.contains("class=\"SimpleLine\""))
        #expect(spotStyle.qml.contains("Điểm đen tai nạn giao thông"))
        let labels = try #require(spotStyle.labeling)
        #expect(labels.contains("isExpression=\"1\"") && labels.contains("&quot;rank&quot;") && labels.contains("layerType=\"LineGeometry\""))
        let gateStyle = try #require(LayerStyles.style(for: gates, lang: .en)).renderer
        #expect(gateStyle.contains("attr=\"watched\"") && gateStyle.contains("Gateway watched by a plate camera"))
        // Cameras: by type in a traffic plan (sorted, each type once), by `existing` otherwise.
        let camStyle = try #require(LayerStyles.style(for: cams, lang: .en, traffic: true)).renderer
        #expect(camStyle.contains("attr=\"camera_type\""))
        let lpr = try #require(camStyle.range(of: "<category value=\"lpr_2mp\""))
        let traffic = try #require(camStyle.range(of: "<category value=\"traffic_4mp_8mm\""))
        #expect(lpr.lowerBound < traffic.lowerBound)
        #expect(camStyle.components(separatedBy: "<category ").count == 3)
        #expect(try #require(LayerStyles.style(for: cams, lang: .en)).renderer.contains("attr=\"existing\""))
        // Every layer is in the project, gateways above the segments; the styles table has a row each.
        let project = GeoPackageExport.projectLayers(layers, lang: .en)
        #expect(project.map(\.table) == ["cameras", "gateways", "blackspots"])
        #expect(project.first { $0.table == "blackspots" }?.geometry == "Line")
        #expect(project.first { $0.table == "cameras" }?.style.renderer.contains("attr=\"camera_type\"") == true)
        #expect(LayerStyles.table(for: layers, lang: .en).rows.count == 3)
        // The crime hot cells start hidden in a traffic scenario's project, shown in the others.
        let cells = try layer("hotspot_cells", .init("gi_bin", .integer), [.integer(3)])
        #expect(GeoPackageExport.projectLayers(layers + [cells], lang: .en).first { $0.table == "hotspot_cells" }?.visible == false)
        #expect(GeoPackageExport.projectLayers([cams, cells], lang: .en).first { $0.table == "hotspot_cells" }?.visible == true)
    }

    @Test func projectIsAStoredZipWithTheLayers() throws {
        let wards = try layer("wards", .init("weight_per_km2", .real), [.real(1), .real(2)])
        let doc = QGISProject.document(fileName: "plan.gpkg", title: "t", layers: GeoPackageExport.projectLayers([wards], lang: .vi),
                                       layerCRS: "EPSG:4326", mapCRS: "EPSG:32648", extent: (0, 0, 1, 1))
        #expect(doc.contains("<datasource>./plan.gpkg|layername=wards</datasource>"))
        #expect(doc.contains("<projectCrs><spatialrefsys><srsid>1</srsid><authid>EPSG:32648</authid>"))
        let sql = QGISProject.sql(document: doc)
        #expect(sql.count == 2)
        // The zip starts with a local file header, "PK\u{3}\u{4}", hex-encoded.
        #expect(sql[1].contains("'504b0304"))
        #expect(StoredZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)  // the CRC-32 check value
    }
}
