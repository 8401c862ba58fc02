import GeoKit

/// QGIS styles for the layers of a run, stored in the GeoPackage's `layer_styles` table so
/// that QGIS opens `plan.gpkg` styled: hot cells by `gi_bin`, cameras by new/existing,
/// footprints translucent, wards by model-ward score.
public enum LayerStyles {
    /// Geometry column name GDAL gives GeoPackage layers.
    public static let geometryColumn = "geom"

    /// Rows of QGIS's `layer_styles` table for the layers present, as an attribute table
    /// (written by GDAL as a GeoPackage attributes table). `update_time` is fixed so that
    /// two runs give identical files.
    public static func table(for layers: [String]) -> ReportTable {
        var t = ReportTable(fields: [
            .init("f_table_catalog", .string), .init("f_table_schema", .string), .init("f_table_name", .string),
            .init("f_geometry_column", .string), .init("styleName", .string), .init("styleQML", .string),
            .init("styleSLD", .string), .init("useAsDefault", .bool), .init("description", .string),
            .init("owner", .string), .init("ui", .string), .init("update_time", .string),
        ])
        for layer in layers {
            guard let (name, qml) = style(for: layer) else { continue }
            t.rows.append([.string(""), .string(""), .string(layer), .string(geometryColumn), .string(name),
                           .string(qml), .string(""), .bool(true), .string("camplan default style"),
                           .string("camplan"), .null, .string("2000-01-01T00:00:00Z")])
        }
        return t
    }

    /// The style of a known layer name, `nil` for others.
    public static func style(for layer: String) -> (String, String)? {
        switch layer {
        case "hotspot_cells":
            let cats: [(String, String, String)] = [
                ("-3", "Cold spot, 99%", "69,117,180,200"), ("-2", "Cold spot, 95%", "145,191,219,200"),
                ("-1", "Cold spot, 90%", "224,243,248,160"), ("0", "Not significant", "255,255,255,0"),
                ("1", "Hot spot, 90%", "254,224,144,160"), ("2", "Hot spot, 95%", "252,141,89,200"),
                ("3", "Hot spot, 99%", "215,48,39,220"),
            ]
            return ("Gi* bins", categorized(field: "gi_bin", geometry: "fill", cats))
        case "cameras":
            return ("New and existing cameras", categorized(field: "existing", geometry: "marker", [
                ("0", "New camera", "31,120,180,255"), ("1", "Existing camera", "80,80,80,255"),
            ]))
        case "coverage":
            return ("Camera footprints", single(geometry: "fill", color: "31,120,180,70", outline: "31,120,180,160"))
        case "model_wards":
            return ("Model-ward score", graduated(field: "score"))
        case "wards":
            return ("Weighted incidents per km²", graduated(field: "weight_per_km2"))
        default:
            return nil
        }
    }

    static func symbol(_ i: Int, geometry: String, color: String, outline: String = "60,60,60,255") -> String {
        switch geometry {
        case "marker":
            return """
            <symbol type="marker" name="\(i)" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="color" type="QString" value="\(color)"/><Option name="name" type="QString" value="circle"/><Option name="outline_color" type="QString" value="255,255,255,255"/><Option name="size" type="QString" value="2.6"/></Option></layer></symbol>
            """
        default:
            return """
            <symbol type="fill" name="\(i)" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map"><Option name="color" type="QString" value="\(color)"/><Option name="outline_color" type="QString" value="\(outline)"/><Option name="outline_width" type="QString" value="0.2"/><Option name="style" type="QString" value="solid"/></Option></layer></symbol>
            """
        }
    }

    static func document(_ renderer: String) -> String {
        """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.28.0" styleCategories="Symbology">\(renderer)</qgis>
        """
    }

    static func categorized(field: String, geometry: String, _ cats: [(String, String, String)]) -> String {
        let categories = cats.enumerated().map { i, c in
            "<category value=\"\(c.0)\" label=\"\(c.1)\" symbol=\"\(i)\" render=\"true\"/>"
        }.joined()
        let symbols = cats.enumerated().map { i, c in symbol(i, geometry: geometry, color: c.2) }.joined()
        return document("<renderer-v2 type=\"categorizedSymbol\" attr=\"\(field)\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><categories>\(categories)</categories><symbols>\(symbols)</symbols></renderer-v2>")
    }

    static func single(geometry: String, color: String, outline: String) -> String {
        document("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><symbols>\(symbol(0, geometry: geometry, color: color, outline: outline))</symbols></renderer-v2>")
    }

    static func graduated(field: String) -> String {
        let ramp: [(Double, Double, String)] = [
            (0, 20, "247,252,245,200"), (20, 40, "199,233,192,200"), (40, 60, "116,196,118,200"),
            (60, 80, "35,139,69,200"), (80, 1e9, "0,68,27,220"),
        ]
        let ranges = ramp.enumerated().map { i, r in
            "<range lower=\"\(r.0)\" upper=\"\(r.1)\" label=\"\(Int(r.0)) – \(r.1 > 1e8 ? "max" : String(Int(r.1)))\" symbol=\"\(i)\" render=\"true\"/>"
        }.joined()
        let symbols = ramp.enumerated().map { i, r in symbol(i, geometry: "fill", color: r.2) }.joined()
        return document("<renderer-v2 type=\"graduatedSymbol\" attr=\"\(field)\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><ranges>\(ranges)</ranges><symbols>\(symbols)</symbols></renderer-v2>")
    }
}
