import GeoKit

/// QGIS styles for the layers of a run, stored in the GeoPackage's `layer_styles` table (and
/// reused by the project in `qgis_projects`) so that QGIS opens `plan.gpkg` styled:
/// hot cells by `gi_bin` (non-significant cells without fill or outline), wards by weighted
/// incidents per km² in quantile classes, cameras new/installed, footprints translucent,
/// model wards by score, district outlines; ward and district names as labels. A traffic
/// scenario's layers: road segments by `is_blackspot` (black spots thick black, labelled with
/// their `rank`), gateways by `watched`, and its cameras by `camera_type` (plate and traffic
/// cameras; a traffic plan has no installed camera).
///
/// Categories use the values QGIS reads from the field: integers as their digits, Boolean
/// fields as `true`/`false`. Graduated classes are computed from the layer's own values and
/// cover all of them; legend labels carry the unit. `scripts/check-qgis` checks in QGIS that
/// every feature gets a symbol.
public enum LayerStyles {
    /// Geometry column name GDAL gives GeoPackage layers.
    public static let geometryColumn = "geom"

    /// One layer's style: a name for QGIS's style list, the renderer and, for labelled
    /// layers, the labeling element.
    public struct Style: Sendable {
        public var name: String
        public var renderer: String
        public var labeling: String?

        /// The style as a QML document (symbology and labels).
        public var qml: String {
            """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis version="3.22.16" styleCategories="Symbology|Labeling" labelsEnabled="\(labeling == nil ? 0 : 1)">\(renderer)\(labeling ?? "")</qgis>
            """
        }
    }

    /// Rows of QGIS's `layer_styles` table for the layers that have a style, as an attribute
    /// table (written by GDAL as a GeoPackage attributes table). `update_time` is fixed so
    /// that two runs give identical files.
    public static func table(for layers: [OutputLayer], lang: ReportLanguage) -> ReportTable {
        let traffic = isTrafficPlan(layers)
        var t = ReportTable(fields: [
            .init("f_table_catalog", .string), .init("f_table_schema", .string), .init("f_table_name", .string),
            .init("f_geometry_column", .string), .init("styleName", .string), .init("styleQML", .string),
            .init("styleSLD", .string), .init("useAsDefault", .bool), .init("description", .string),
            .init("owner", .string), .init("ui", .string), .init("update_time", .string),
        ])
        for layer in layers {
            guard let s = style(for: layer, lang: lang, traffic: traffic) else { continue }
            t.rows.append([.string(""), .string(""), .string(layer.name), .string(geometryColumn), .string(s.name),
                           .string(s.qml), .string(""), .bool(true), .string("camplan default style"),
                           .string("camplan"), .null, .string("2000-01-01T00:00:00Z")])
        }
        return t
    }

    /// Whether `layers` are a traffic scenario's (they hold its road segments).
    public static func isTrafficPlan(_ layers: [OutputLayer]) -> Bool { layers.contains { $0.name == "blackspots" } }

    /// The style of a known layer, `nil` for others. Graduated classes come from `layer`'s
    /// own values; `traffic` (a traffic scenario's layers) styles the cameras by type.
    public static func style(for layer: OutputLayer, lang: ReportLanguage, traffic: Bool = false) -> Style? {
        let vi = lang == .vi
        switch layer.name {
        case "cameras" where traffic:
            // Plate (cordon) and traffic cameras, one category per type in the layer.
            let types = Array(Set(layer.features.compactMap { $0["camera_type"].stringValue })).sorted()
            let palette = [("diamond", "117,107,177,255"), ("circle", "31,120,180,255"), ("square", "230,97,1,255"),
                           ("star", "0,0,0,255")]
            return Style(name: vi ? "Camera giao thông theo loại" : "Traffic cameras by type",
                         renderer: categorized(field: "camera_type", types.enumerated().map { i, t in
                             let (shape, color) = palette[i % palette.count]
                             return Category(value: t, label: "Camera \(t)",
                                             symbol: marker(shape: shape, color: color, sizeMM: 2.4))
                         }))
        case "blackspots":
            return Style(name: vi ? "Điểm đen tai nạn giao thông" : "Accident black spots", renderer: categorized(field: "is_blackspot", [
                Category(value: "true", label: lang.text(.blackSpot), symbol: line(color: "20,20,20,255", widthMM: 1.6, casing: "255,255,255,255")),
                Category(value: "false", label: lang.text(.roadSegment), symbol: line(color: "150,150,150,160", widthMM: 0.25)),
            ]), labeling: label(expression: "CASE WHEN \"is_blackspot\" THEN '#' || \"rank\" END", sizePt: 8, bold: true,
                                layerType: "LineGeometry"))
        case "gateways":
            return Style(name: vi ? "Cửa ngõ" : "Gateways", renderer: categorized(field: "watched", [
                Category(value: "true", label: lang.text(.gatewayWatched), symbol: marker(shape: "triangle", color: "26,152,80,255", sizeMM: 3.2)),
                Category(value: "false", label: lang.text(.gatewayNotWatched), symbol: marker(shape: "triangle", color: "215,48,39,255", sizeMM: 3.2)),
            ]))
        case "hotspot_cells":
            let cats: [(String, ReportPhrase?, String)] = [
                ("-3", .cold99, "69,117,180,200"), ("-2", .cold95, "145,191,219,200"), ("-1", .cold90, "224,243,248,160"),
                ("0", nil, ""), ("1", .hot90, "254,224,144,170"), ("2", .hot95, "252,141,89,200"), ("3", .hot99, "215,48,39,220"),
            ]
            let categories = cats.map { value, phrase, color in
                Category(value: value, label: phrase.map(lang.text) ?? (vi ? "Không có ý nghĩa thống kê" : "Not significant"),
                         symbol: color.isEmpty ? fill(color: "255,255,255,0", outline: nil) : fill(color: color, outline: nil))
            }
            return Style(name: vi ? "Ô điểm nóng Gi*" : "Gi* bins", renderer: categorized(field: "gi_bin", categories))
        case "cameras":
            return Style(name: vi ? "Camera mới và hiện có" : "New and installed cameras", renderer: categorized(field: "existing", [
                Category(value: "false", label: lang.text(.newCamera), symbol: marker(shape: "circle", color: "31,120,180,255", sizeMM: 2.2)),
                Category(value: "true", label: lang.text(.installedCamera), symbol: marker(shape: "square", color: "40,40,40,255", sizeMM: 2.0)),
            ]))
        case "coverage":
            return Style(name: vi ? "Vùng quan sát" : "Camera footprints",
                         renderer: single(fill(color: "31,120,180,90", outline: "31,120,180,200")))
        case "model_wards":
            return graduated(layer, field: "score", unit: vi ? "điểm" : "points", decimals: 1, lang: lang,
                             name: vi ? "Điểm xã, phường điển hình" : "Model-ward score", ramp: purples)
                .map { Style(name: $0.name, renderer: $0.renderer, labeling: label(field: "ward_name", sizePt: 7)) }
        case "wards":
            return graduated(layer, field: "weight_per_km2", unit: vi ? "vụ quy đổi/km²" : "weighted incidents/km²", decimals: 1,
                             lang: lang, name: vi ? "Vụ việc quy đổi trên km²" : "Weighted incidents per km²", ramp: greens)
                .map { Style(name: $0.name, renderer: $0.renderer, labeling: label(field: "ward_name", sizePt: 7)) }
        case "districts":
            return Style(name: vi ? "Ranh giới huyện cũ" : "Former district boundaries",
                         renderer: single(fill(color: "255,255,255,0", outline: "60,60,60,255", outlineWidthMM: 0.6)),
                         labeling: label(field: "group", sizePt: 9, bold: true))
        default:
            return nil
        }
    }

    // MARK: XML pieces

    struct Category {
        var value: String
        var label: String
        var symbol: (Int) -> String
    }

    static let greens = ["247,252,245,220", "199,233,192,220", "116,196,118,220", "35,139,69,220", "0,68,27,230"]
    static let purples = ["242,240,247,220", "203,201,226,220", "158,154,200,220", "117,107,177,220", "84,39,143,230"]

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func option(_ name: String, _ value: String) -> String {
        "<Option name=\"\(name)\" type=\"QString\" value=\"\(xml(value))\"/>"
    }

    /// A simple fill; `outline: nil` draws no outline at all.
    static func fill(color: String, outline: String?, outlineWidthMM: Double = 0.2) -> (Int) -> String {
        { i in
            "<symbol type=\"fill\" name=\"\(i)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">"
                + option("color", color) + option("style", "solid") + option("outline_color", outline ?? "0,0,0,0")
                + option("outline_style", outline == nil ? "no" : "solid") + option("outline_width", "\(outlineWidthMM)")
                + option("outline_width_unit", "MM") + "</Option></layer></symbol>"
        }
    }

    /// A marker sized in millimetres on paper, so that it does not hide the footprints.
    static func marker(shape: String, color: String, sizeMM: Double) -> (Int) -> String {
        { i in
            "<symbol type=\"marker\" name=\"\(i)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">"
                + option("color", color) + option("name", shape) + option("outline_color", "255,255,255,255")
                + option("outline_style", "solid") + option("outline_width", "0.2") + option("outline_width_unit", "MM")
                + option("size", "\(sizeMM)") + option("size_unit", "MM") + "</Option></layer></symbol>"
        }
    }

    /// A simple line, `widthMM` wide on paper; with `casing`, drawn over a line of that colour
    /// 0.8 mm wider (so that a dark line stands out on dark fills).
    static func line(color: String, widthMM: Double, casing: String? = nil) -> (Int) -> String {
        func layer(_ color: String, _ width: Double) -> String {
            "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">"
                + option("line_color", color) + option("line_style", "solid") + option("line_width", "\(width)")
                + option("line_width_unit", "MM") + option("capstyle", "round") + option("joinstyle", "round") + "</Option></layer>"
        }
        return { i in
            "<symbol type=\"line\" name=\"\(i)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
                + (casing.map { layer($0, widthMM + 0.8) } ?? "") + layer(color, widthMM) + "</symbol>"
        }
    }

    static func categorized(field: String, _ cats: [Category]) -> String {
        let categories = cats.enumerated().map { i, c in
            "<category value=\"\(xml(c.value))\" label=\"\(xml(c.label))\" symbol=\"\(i)\" render=\"true\"/>"
        }.joined()
        let symbols = cats.enumerated().map { i, c in c.symbol(i) }.joined()
        return "<renderer-v2 type=\"categorizedSymbol\" attr=\"\(field)\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><categories>\(categories)</categories><symbols>\(symbols)</symbols></renderer-v2>"
    }

    static func single(_ symbol: (Int) -> String) -> String {
        "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><symbols>\(symbol(0))</symbols></renderer-v2>"
    }

    /// Quantile classes of `field` over the layer's features (the first class starts at the
    /// minimum, the last ends at the maximum); `nil` when the field has no finite value.
    static func graduated(_ layer: OutputLayer, field: String, unit: String, decimals: Int, lang: ReportLanguage,
                          name: String, ramp: [String]) -> Style? {
        let values = layer.features.compactMap { $0[field].number }
        let breaks = ClassBreaks.quantiles(values, classes: ramp.count)
        guard !breaks.isEmpty else { return nil }
        let colors = breaks.count == ramp.count ? ramp : (0 ..< breaks.count).map { ramp[$0 * (ramp.count - 1) / max(breaks.count - 1, 1)] }
        let ranges = breaks.enumerated().map { i, b in
            let label = "\(lang.number(b.lower, decimals: decimals)) – \(lang.number(b.upper, decimals: decimals)) \(unit)"
            return "<range lower=\"\(b.lower)\" upper=\"\(b.upper)\" label=\"\(xml(label))\" symbol=\"\(i)\" render=\"true\"/>"
        }.joined()
        let symbols = colors.enumerated().map { i, c in fill(color: c, outline: "90,90,90,255")(i) }.joined()
        let renderer = "<renderer-v2 type=\"graduatedSymbol\" attr=\"\(field)\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"><ranges>\(ranges)</ranges><symbols>\(symbols)</symbols><mode name=\"quantile\"/></renderer-v2>"
        return Style(name: name, renderer: renderer)
    }

    /// Simple labels from `field`, white halo, drawn over the polygon's centroid inside it.
    static func label(field: String, sizePt: Double, bold: Bool = false) -> String {
        label(text: field, isExpression: false, sizePt: sizePt, bold: bold, layerType: "PolygonGeometry")
    }

    /// Labels from a QGIS expression (no label where it is null), for lines or polygons.
    static func label(expression: String, sizePt: Double, bold: Bool = false, layerType: String) -> String {
        label(text: expression, isExpression: true, sizePt: sizePt, bold: bold, layerType: layerType)
    }

    /// `placement="4"` (horizontal, at a point of the line: a 500 m segment is too short at a
    /// town's scale for a label along it) for lines, `1` (over the centroid) for polygons.
    static func label(text field: String, isExpression: Bool, sizePt: Double, bold: Bool, layerType: String) -> String {
        let placement = layerType == "LineGeometry" ? 4 : 1
        return "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"\(xml(field))\" isExpression=\"\(isExpression ? 1 : 0)\" fontFamily=\"DejaVu Sans\" fontSize=\"\(sizePt)\" fontSizeUnit=\"Point\" fontSizeMapUnitScale=\"3x:0,0,0,0,0,0\" fontWeight=\"\(bold ? 75 : 50)\" fontItalic=\"0\" fontKerning=\"1\" textColor=\"30,30,30,255\" textOpacity=\"1\" namedStyle=\"\(bold ? "Bold" : "Book")\" multilineHeight=\"1\" capitalization=\"0\" blendMode=\"0\" textOrientation=\"horizontal\" allowHtml=\"0\" legendString=\"Aa\" useSubstitutions=\"0\"><text-buffer bufferDraw=\"1\" bufferSize=\"0.7\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"0.9\" bufferNoFill=\"1\" bufferJoinStyle=\"128\" bufferBlendMode=\"0\"/></text-style><text-format wrapChar=\"\" multilineAlign=\"1\" autoWrapLength=\"0\" formatNumbers=\"0\" decimals=\"3\" plussign=\"0\" addDirectionSymbol=\"0\"/><placement placement=\"\(placement)\" placementFlags=\"10\" polygonPlacementFlags=\"2\" centroidInside=\"1\" centroidWhole=\"0\" fitInPolygonOnly=\"0\" dist=\"0\" distUnits=\"MM\" offsetType=\"0\" quadOffset=\"4\" xOffset=\"0\" yOffset=\"0\" offsetUnits=\"MM\" rotationAngle=\"0\" priority=\"\(bold ? 8 : 5)\" layerType=\"\(layerType)\" repeatDistance=\"0\" repeatDistanceUnits=\"MM\" maxCurvedCharAngleIn=\"25\" maxCurvedCharAngleOut=\"-25\" preserveRotation=\"1\" geometryGeneratorEnabled=\"0\" geometryGenerator=\"\" geometryGeneratorType=\"PointGeometry\"/><rendering drawLabels=\"1\" obstacle=\"1\" obstacleFactor=\"1\" obstacleType=\"1\" scaleVisibility=\"0\" scaleMin=\"0\" scaleMax=\"0\" fontLimitPixelSize=\"0\" fontMinPixelSize=\"0\" fontMaxPixelSize=\"10000\" displayAll=\"0\" upsidedownLabels=\"0\" labelPerPart=\"0\" mergeLines=\"0\" minFeatureSize=\"0\" limitNumLabels=\"0\" maxNumLabels=\"2000\" zIndex=\"\(bold ? 1 : 0)\" unplacedVisibility=\"0\"/></settings></labeling>"
    }
}
