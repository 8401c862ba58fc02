import Foundation
import GeoKit

/// A self-contained HTML page for planners: one file with inline SVG maps and charts (no
/// tiles, no scripts, nothing fetched), a headline box, tables with units and totals, in
/// Vietnamese by default or English. Numbers follow the language (vi `7.148`, `36,9 %`).
public struct HTMLReport: Sendable {
    /// How a layer is drawn.
    public enum Paint: Sendable {
        /// Polygons filled by the value of `field` through `colors` (value text -> CSS colour).
        case categorized(field: String, colors: [String: String], fallback: String)
        /// Polygons, lines or points in one colour; `width` is the stroke width in pixels.
        case single(fill: String, stroke: String, opacity: Double, width: Double)
        /// Points coloured by whether `field` is true.
        case flag(field: String, on: String, off: String)
    }

    /// One map layer; features in WGS 84.
    public struct Layer: Sendable {
        public var title: String
        public var features: [Feature<LonLat>]
        public var paint: Paint
        /// Fields shown in the hover text, in order, with their reader header and format.
        public var tooltip: [String]
        public var visible: Bool
        /// Legend entries (swatch colour, text); none: the layer's title with its colour.
        public var legend: [(String, String)]

        public init(title: String, features: [Feature<LonLat>], paint: Paint, tooltip: [String], visible: Bool = true,
                    legend: [(String, String)] = []) {
            self.title = title
            self.features = features
            self.paint = paint
            self.tooltip = tooltip
            self.visible = visible
            self.legend = legend
        }
    }

    /// A text drawn on a map (ward or district name).
    public struct Label: Sendable {
        public var at: LonLat
        public var text: String
        /// `district` (bold, larger) or `ward`.
        public var kind: String
        public init(at: LonLat, text: String, kind: String) {
            self.at = at
            self.text = text
            self.kind = kind
        }
    }

    /// A map: its layers over `box` (all features when `nil`), with labels, a scale bar and
    /// a north arrow.
    public struct MapFigure: Sendable {
        public var title: String
        public var box: BoundingBox<LonLat>?
        public var labels: [Label]
        public init(title: String, box: BoundingBox<LonLat>? = nil, labels: [Label] = []) {
            self.title = title
            self.box = box
            self.labels = labels
        }
    }

    /// A horizontal bar chart: per category one bar per series.
    public struct BarChart: Sendable {
        public var title: String
        public var categories: [String]
        /// Series name, colour, one value per category (`nil` = no bar).
        public var series: [(String, String, [Double?])]
        /// Formats a value for its bar label.
        public var format: @Sendable (Double) -> String
        public init(title: String, categories: [String], series: [(String, String, [Double?])], format: @escaping @Sendable (Double) -> String) {
            self.title = title
            self.categories = categories
            self.series = series
            self.format = format
        }
    }

    public var lang: ReportLanguage
    public var title: String
    public var subtitle: String
    /// Headline figures (label, value with unit).
    public var headline: [(String, String)]
    public var layers: [Layer]
    public var maps: [MapFigure]
    public var charts: [BarChart]
    public var tables: [(String, ReaderTable)]
    public var notes: [String]

    public init(lang: ReportLanguage, title: String, subtitle: String, headline: [(String, String)] = [], layers: [Layer] = [],
                maps: [MapFigure] = [], charts: [BarChart] = [], tables: [(String, ReaderTable)] = [], notes: [String] = []) {
        self.lang = lang
        self.title = title
        self.subtitle = subtitle
        self.headline = headline
        self.layers = layers
        self.maps = maps
        self.charts = charts
        self.tables = tables
        self.notes = notes
    }

    /// The Gi* bin colours shared with the QGIS styles.
    public static let giBinColors: [String: String] = [
        "-3": "#4575b4", "-2": "#91bfdb", "-1": "#e0f3f8", "0": "none",
        "1": "#fee090", "2": "#fc8d59", "3": "#d73027",
    ]

    /// Renders the page; maps are `width` pixels wide in their own coordinates.
    public func render(width: Double = 960) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font: 14px/1.45 "DejaVu Sans", system-ui, sans-serif; margin: 1.2em 1.5em; color: #222; max-width: 1240px; }
        h1 { font-size: 22px; margin: 0 0 .2em; } h2 { font-size: 17px; margin: 1.2em 0 .4em; } h3 { font-size: 14px; margin: .8em 0 .3em; }
        .headline { display: flex; flex-wrap: wrap; gap: .6em; margin: .8em 0; }
        .headline div { border: 1px solid #c9d6e3; background: #f3f7fb; border-radius: 4px; padding: .4em .8em; min-width: 10em; }
        .headline b { display: block; font-size: 19px; color: #12457a; }
        .controls label { margin-right: 1.1em; white-space: nowrap; font-size: 13px; }
        .legend { margin: .4em 0; font-size: 12px; } .legend span.item { white-space: nowrap; margin-right: 1em; }
        .sw { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; border: 1px solid #888; }
        .map { border: 1px solid #bbb; background: #eef5fb; margin: .4em 0 1em; }
        .chart { margin: .4em 0 1.2em; max-width: 900px; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-family: "DejaVu Sans", sans-serif; }
        table { border-collapse: collapse; margin: .4em 0 1.4em; font-size: 12.5px; }
        th, td { border: 1px solid #d5d5d5; padding: 2px 7px; } td.n { text-align: right; white-space: nowrap; }
        th { background: #eef1f4; text-align: left; vertical-align: bottom; } tr.total td { font-weight: bold; background: #f6f6f6; }
        footer { margin-top: 2em; color: #555; font-size: 12px; border-top: 1px solid #ddd; padding-top: .6em; }
        \(layers.indices.map { "#tl\($0):not(:checked) ~ .map .l\($0) { display: none; }" }.joined(separator: "\n"))
        </style></head><body>
        <h1>\(escape(title))</h1>
        """
        if !subtitle.isEmpty { html += "<p>\(escape(subtitle))</p>\n" }
        if !headline.isEmpty {
            html += "<div class=\"headline\">" + headline.map { "<div>\(escape($0.0))<b>\(escape($0.1))</b></div>" }.joined() + "</div>\n"
        }
        if !maps.isEmpty {
            // Checkboxes must be siblings preceding each .map for the CSS toggles to work.
            html += "<div class=\"controls\">\n"
            for (i, layer) in layers.enumerated() {
                html += "<input type=\"checkbox\" id=\"tl\(i)\"\(layer.visible ? " checked" : "")><label for=\"tl\(i)\">\(escape(layer.title)) (\(lang.integer(layer.features.count)))</label>\n"
            }
            html += legend()
            for m in maps {
                html += "<h3>\(escape(m.title))</h3>\n" + map(m, width: width)
            }
            html += "</div>\n"
        }
        for c in charts { html += "<h2>\(escape(c.title))</h2>\n" + chart(c) }
        for (heading, t) in tables { html += "<h2>\(escape(heading))</h2>\n" + table(t) }
        html += "<footer>" + notes.map { "<p>\(escape($0))</p>" }.joined() + "</footer>\n</body></html>\n"
        return html
    }

    // MARK: Maps

    func map(_ m: MapFigure, width: Double) -> String {
        let b = m.box ?? BoundingBox(of: layers.lazy.flatMap { $0.features.lazy.flatMap { $0.geometry?.allCoordinates ?? [] } })
            ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        // Equirectangular scaled by cos(mean latitude): under a pixel of error over a province.
        let k = cos((b.minY + b.maxY) / 2 * .pi / 180)
        let spanX = max((b.maxX - b.minX) * k, 1e-9), spanY = max(b.maxY - b.minY, 1e-9)
        let scale = width / spanX
        let height = (spanY * scale).rounded(.up)
        func xy(_ c: LonLat) -> (Double, Double) { ((c.lon - b.minX) * k * scale, (b.maxY - c.lat) * scale) }
        func pt(_ c: LonLat) -> String { let p = xy(c); return String(format: "%.1f,%.1f", p.0, p.1) }
        func ring(_ r: [LonLat]) -> String { "M" + r.map(pt).joined(separator: "L") + "Z" }
        let view = BoundingBox<LonLat>(minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY)
        func inView(_ g: Geometry<LonLat>) -> Bool {
            guard m.box != nil, let e = GeometryOps.envelope(g) else { return true }
            return e.maxX >= view.minX && e.minX <= view.maxX && e.maxY >= view.minY && e.minY <= view.maxY
        }
        var svg = "<div class=\"map\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        for (i, layer) in layers.enumerated() {
            svg += "<g class=\"l\(i)\">\n"
            for f in layer.features {
                guard let g = f.geometry, inView(g) else { continue }
                let (fill, stroke, opacity, w) = colors(layer.paint, f)
                let tip = tooltip(layer, f)
                switch g {
                case .point(let p):
                    let c = xy(p)
                    svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" fill=\"%@\" stroke=\"%@\" stroke-width=\"0.8\">", c.0, c.1, fill, stroke) + tip + "</circle>\n"
                case .multiPoint(let ps):
                    for p in ps {
                        let c = xy(p)
                        svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%@\">", c.0, c.1, fill) + tip + "</circle>\n"
                    }
                case .polygon(let p):
                    svg += path(([p.exterior] + p.holes).map(ring).joined(), fill, stroke, opacity, w, tip)
                case .multiPolygon(let mp):
                    svg += path(mp.polygons.map { ([$0.exterior] + $0.holes).map(ring).joined() }.joined(), fill, stroke, opacity, w, tip)
                case .lineString(let l):
                    svg += path("M" + l.points.map(pt).joined(separator: "L"), "none", stroke, 1, w, tip)
                case .multiLineString(let ls):
                    svg += path(ls.map { "M" + $0.points.map(pt).joined(separator: "L") }.joined(), "none", stroke, 1, w, tip)
                }
            }
            svg += "</g>\n"
        }
        for l in m.labels {
            let p = xy(l.at)
            guard p.0 >= 0, p.0 <= width, p.1 >= 0, p.1 <= height else { continue }
            let district = l.kind == "district"
            // Keep the text inside the map (about 0.6 em per character).
            let half = Double(l.text.count) * (district ? 13 : 9.5) * 0.3
            let x = min(max(p.0, half + 4), width - half - 4)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"%@\" font-weight=\"%@\" fill=\"%@\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-opacity=\"0.85\">",
                          x, p.1, district ? "13" : "9.5", district ? "bold" : "normal", district ? "#222" : "#444") + escape(l.text) + "</text>\n"
        }
        svg += scaleBar(metersPerPixel: 111_320 / scale, width: width, height: height)
        svg += northArrow(width: width)
        svg += "</svg></div>\n"
        return svg
    }

    func path(_ d: String, _ fill: String, _ stroke: String, _ opacity: Double, _ width: Double, _ tip: String) -> String {
        "<path d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\" fill-rule=\"evenodd\">\(tip)</path>\n"
    }

    /// A scale bar of a round length near a fifth of the map, bottom left.
    func scaleBar(metersPerPixel: Double, width: Double, height: Double) -> String {
        let nice: [Double] = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000]
        let target = width / 5 * metersPerPixel
        let meters = nice.last { $0 <= target } ?? nice[0]
        let px = meters / metersPerPixel
        let label = meters >= 1000 ? lang.number(meters / 1000, decimals: meters.truncatingRemainder(dividingBy: 1000) == 0 ? 0 : 1) + " km"
            : lang.number(meters) + " m"
        let x = 16.0, y = height - 18
        return String(format: "<g class=\"scalebar\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"30\" fill=\"#fff\" fill-opacity=\"0.8\"/>", x - 6, y - 20, px + 12)
            + String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"5\" fill=\"#222\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"5\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"0.8\"/>",
                     x, y, px / 2, x + px / 2, y, px / 2)
            + String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">0</text><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">", x, y - 4, x + px, y - 4)
            + escape(label) + "</text></g>\n"
    }

    func northArrow(width: Double) -> String {
        let x = width - 28
        return String(format: "<g class=\"north\"><circle cx=\"%.1f\" cy=\"30\" r=\"17\" fill=\"#fff\" fill-opacity=\"0.85\" stroke=\"#666\" stroke-width=\"0.8\"/><path d=\"M%.1f,16L%.1f,38L%.1f,32L%.1f,38Z\" fill=\"#222\"/>", x, x, x + 7, x, x - 7)
            + String(format: "<text x=\"%.1f\" y=\"58\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\">", x) + lang.text(.north) + "</text></g>\n"
    }

    /// The hover text: `header: value` per field, values rounded and with units.
    func tooltip(_ layer: Layer, _ f: Feature<LonLat>) -> String {
        let lines = layer.tooltip.compactMap { name -> String? in
            let v = f[name]
            guard v != .null else { return nil }
            let column = ReportColumns.column(FieldDefinition(name, v.fieldType))
            return "\(column.header(lang)): \(column.display(v, lang))"
        }
        return lines.isEmpty ? "" : "<title>\(escape(lines.joined(separator: "\n")))</title>"
    }

    /// Swatches for every visible kind of feature.
    func legend() -> String {
        var items: [String] = []
        for layer in layers {
            if !layer.legend.isEmpty {
                items += layer.legend.map { "<span class=\"item\"><span class=\"sw\" style=\"background:\($0.0)\"></span>\(escape($0.1))</span>" }
                continue
            }
            if case let .single(fill, stroke, opacity, _) = layer.paint {
                let bg = fill == "none" || opacity == 0 ? "transparent" : fill
                items.append("<span class=\"item\"><span class=\"sw\" style=\"background:\(bg);border-color:\(stroke);opacity:\(max(opacity, 0.6))\"></span>\(escape(layer.title))</span>")
            }
        }
        return items.isEmpty ? "" : "<div class=\"legend\"><b>\(escape(lang.text(.legend))):</b> " + items.joined(separator: " ") + "</div>\n"
    }

    func colors(_ paint: Paint, _ f: Feature<LonLat>) -> (String, String, Double, Double) {
        switch paint {
        case let .categorized(field, colors, fallback):
            let key = f[field].stringValue ?? ""
            let c = colors[key] ?? fallback
            return (c, "none", c == "none" ? 0 : 0.6, 0)
        case let .single(fill, stroke, opacity, width):
            return (fill, stroke, opacity, width)
        case let .flag(field, on, off):
            return (f[field] == .bool(true) ? on : off, "#fff", 1, 0.8)
        }
    }

    // MARK: Charts and tables

    func chart(_ c: BarChart) -> String {
        let bar = 16.0, gap = 10.0, labelWidth = 250.0, plotWidth = 520.0, valueWidth = 130.0
        let perCategory = Double(c.series.count) * bar + gap
        let legendHeight = c.series.count > 1 ? 24.0 : 0
        let height = legendHeight + Double(c.categories.count) * perCategory + 8
        let maxValue = c.series.flatMap { $0.2.compactMap { $0 } }.map(abs).max() ?? 0
        let unit = maxValue > 0 ? plotWidth / maxValue : 0
        var svg = "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(labelWidth + plotWidth + valueWidth)) \(Int(height))\">\n"
        if c.series.count > 1 {
            var x = labelWidth
            for (name, color, _) in c.series {
                svg += String(format: "<rect x=\"%.1f\" y=\"4\" width=\"12\" height=\"12\" fill=\"%@\"/><text x=\"%.1f\" y=\"15\" font-size=\"12\">", x, color, x + 16) + escape(name) + "</text>"
                x += 24 + Double(name.count) * 7.5
            }
            svg += "\n"
        }
        for (i, category) in c.categories.enumerated() {
            let top = legendHeight + Double(i) * perCategory
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" text-anchor=\"end\">", labelWidth - 8, top + perCategory / 2 + 2) + escape(category) + "</text>"
            for (s, (name, color, values)) in c.series.enumerated() {
                guard i < values.count, let v = values[i] else { continue }
                let y = top + Double(s) * bar
                let w = max(abs(v) * unit, v == 0 ? 0 : 1)
                svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\">", labelWidth, y, w, bar - 2, color)
                    + "<title>\(escape("\(category), \(name): \(c.format(v))"))</title></rect>"
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">", labelWidth + w + 4, y + bar - 5) + escape(c.format(v)) + "</text>"
            }
            svg += "\n"
        }
        svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>", labelWidth, legendHeight, labelWidth, height - 4)
        return svg + "</svg></div>\n"
    }

    func table(_ t: ReaderTable) -> String {
        var html = "<table><tr>" + t.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for (r, row) in t.display.enumerated() {
            html += (t.emphasised.contains(r) ? "<tr class=\"total\">" : "<tr>") + row.enumerated().map { c, v in
                "<td\(t.types[c] == .string ? "" : " class=\"n\"")>\(escape(v))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    func escape(_ s: String) -> String { LayerStyles.xml(s) }
}

extension FieldValue {
    /// The field type a value would be written with.
    var fieldType: FieldType {
        switch self {
        case .integer: .integer
        case .real: .real
        case .bool: .bool
        default: .string
        }
    }
}
