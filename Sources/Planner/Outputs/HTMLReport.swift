import Foundation
import GeoKit

/// A self-contained HTML map report: one file with an inline SVG map (no tiles, no scripts
/// from the network) and the run's tables, so it opens offline on any machine.
public struct HTMLReport: Sendable {
    /// How a layer is drawn.
    public enum Paint: Sendable {
        /// Polygons filled by the value of `field` through `colors` (value text -> CSS colour).
        case categorized(field: String, colors: [String: String], fallback: String)
        /// Polygons or points in one colour.
        case single(fill: String, stroke: String, opacity: Double)
        /// Points coloured by whether `field` is true/1.
        case flag(field: String, on: String, off: String)
    }

    /// One map layer; features in WGS 84.
    public struct Layer: Sendable {
        public var title: String
        public var features: [Feature<LonLat>]
        public var paint: Paint
        /// Fields shown in the hover text, in order.
        public var labelFields: [String]
        public var visible: Bool

        public init(title: String, features: [Feature<LonLat>], paint: Paint, labelFields: [String], visible: Bool = true) {
            self.title = title
            self.features = features
            self.paint = paint
            self.labelFields = labelFields
            self.visible = visible
        }
    }

    public var title: String
    public var subtitle: String
    public var layers: [Layer]
    /// Tables after the map: heading and table.
    public var tables: [(String, ReportTable)]
    public var notes: [String]

    public init(title: String, subtitle: String, layers: [Layer], tables: [(String, ReportTable)], notes: [String]) {
        self.title = title
        self.subtitle = subtitle
        self.layers = layers
        self.tables = tables
        self.notes = notes
    }

    /// The Gi* bin colours shared with the QGIS styles.
    public static let giBinColors: [String: String] = [
        "-3": "#4575b4", "-2": "#91bfdb", "-1": "#e0f3f8", "0": "none",
        "1": "#fee090", "2": "#fc8d59", "3": "#d73027",
    ]

    /// Renders the page. Coordinates are drawn in an equirectangular projection scaled by
    /// cos(mean latitude), which is accurate to well under a pixel over a province.
    public func render(width: Double = 960) -> String {
        var box: BoundingBox<LonLat>?
        for l in layers { for f in l.features { for c in f.geometry?.allCoordinates ?? [] {
            if box == nil { box = BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y) } else { box!.expand(toInclude: c) }
        } } }
        let b = box ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let k = cos((b.minY + b.maxY) / 2 * .pi / 180)
        let spanX = max((b.maxX - b.minX) * k, 1e-9), spanY = max(b.maxY - b.minY, 1e-9)
        let scale = width / spanX
        let height = (spanY * scale).rounded(.up)
        func px(_ c: LonLat) -> String {
            String(format: "%.1f,%.1f", (c.lon - b.minX) * k * scale, (b.maxY - c.lat) * scale)
        }
        func ring(_ r: [LonLat]) -> String { "M" + r.map(px).joined(separator: "L") + "Z" }

        var svg = ""
        var toggles = ""
        for (i, layer) in layers.enumerated() {
            let id = "l\(i)"
            toggles += "<input type=\"checkbox\" id=\"t\(id)\"\(layer.visible ? " checked" : "")><label for=\"t\(id)\">\(escape(layer.title)) (\(layer.features.count))</label>\n"
            svg += "<g class=\"\(id)\">\n"
            for f in layer.features {
                guard let g = f.geometry else { continue }
                let label = layer.labelFields.compactMap { k in f[k].stringValue.map { "\(k): \($0)" } }.joined(separator: "\n")
                let (fill, stroke, opacity) = colors(layer.paint, f)
                let tip = label.isEmpty ? "" : "<title>\(escape(label))</title>"
                switch g {
                case .point(let p):
                    svg += "<circle cx=\"\(px(p).split(separator: ",")[0])\" cy=\"\(px(p).split(separator: ",")[1])\" r=\"2.5\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.5\">\(tip)</circle>\n"
                case .polygon(let p):
                    let d = ([p.exterior] + p.holes).map(ring).joined()
                    svg += "<path d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" stroke=\"\(stroke)\" stroke-width=\"0.4\" fill-rule=\"evenodd\">\(tip)</path>\n"
                case .multiPolygon(let m):
                    let d = m.polygons.map { ([$0.exterior] + $0.holes).map(ring).joined() }.joined()
                    svg += "<path d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" stroke=\"\(stroke)\" stroke-width=\"0.4\" fill-rule=\"evenodd\">\(tip)</path>\n"
                case .lineString(let l):
                    svg += "<path d=\"M\(l.points.map(px).joined(separator: "L"))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"0.6\">\(tip)</path>\n"
                case .multiLineString(let ls):
                    let d = ls.map { "M" + $0.points.map(px).joined(separator: "L") }.joined()
                    svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"0.6\">\(tip)</path>\n"
                case .multiPoint(let ps):
                    for p in ps {
                        let xy = px(p).split(separator: ",")
                        svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2\" fill=\"\(fill)\">\(tip)</circle>\n"
                    }
                }
            }
            svg += "</g>\n"
        }
        let css = layers.indices.map { "#tl\($0):not(:checked) ~ .map .l\($0) { display: none; }" }.joined(separator: "\n")
        var html = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
        .controls label { margin-right: 1.2em; white-space: nowrap; }
        .legend { margin: .4em 0; font-size: 12px; } .sw { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 10px; vertical-align: middle; border: 1px solid #999; }
        .map { border: 1px solid #ccc; background: #f7fbff; margin: .6em 0; }
        svg { display: block; width: 100%; height: auto; }
        table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 12px; }
        th, td { border: 1px solid #ddd; padding: 2px 6px; } td.n { text-align: right; } th { background: #f0f0f0; }
        \(css)
        </style></head><body>
        <h1>\(escape(title))</h1><p>\(escape(subtitle))</p>
        <div class="controls">
        """
        // Checkboxes must be siblings preceding .map for the CSS toggles to work.
        html += toggles
        html += legend()
        html += "<div class=\"map\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n\(svg)</svg></div>\n</div>\n"
        for (heading, t) in tables {
            html += "<h2>\(escape(heading))</h2>\n<table><tr>" + t.fields.map { "<th>\(escape($0.name))</th>" }.joined() + "</tr>\n"
            for row in t.rows {
                html += "<tr>" + zip(t.fields, row).map { f, v in
                    "<td\(f.type == .string ? "" : " class=\"n\"")>\(escape(ReportTable.text(v, decimals: 3)))</td>"
                }.joined() + "</tr>\n"
            }
            html += "</table>\n"
        }
        for n in notes { html += "<p><small>\(escape(n))</small></p>\n" }
        html += "</body></html>\n"
        return html
    }

    /// Swatches for the categorized and flag layers.
    func legend() -> String {
        var items: [String] = []
        func swatch(_ color: String, _ label: String) -> String {
            "<span class=\"sw\" style=\"background:\(color)\"></span>\(escape(label))"
        }
        for layer in layers {
            switch layer.paint {
            case let .categorized(field, colors, _) where field == "gi_bin":
                let labels = ["3": "hot 99%", "2": "hot 95%", "1": "hot 90%", "-1": "cold 90%", "-2": "cold 95%", "-3": "cold 99%"]
                for k in ["3", "2", "1", "-1", "-2", "-3"] { if let c = colors[k] { items.append(swatch(c, labels[k]!)) } }
            case let .flag(_, on, off):
                items.append(swatch(off, "new camera"))
                items.append(swatch(on, "existing camera"))
            default:
                continue
            }
        }
        return items.isEmpty ? "" : "<div class=\"legend\">" + items.joined(separator: " ") + "</div>\n"
    }

    func colors(_ paint: Paint, _ f: Feature<LonLat>) -> (String, String, Double) {
        switch paint {
        case let .categorized(field, colors, fallback):
            let key = f[field].stringValue ?? ""
            let c = colors[key] ?? fallback
            return (c, c == "none" ? "none" : "#666", c == "none" ? 0 : 0.75)
        case let .single(fill, stroke, opacity):
            return (fill, stroke, opacity)
        case let .flag(field, on, off):
            let v = f[field]
            let isOn = v == .bool(true) || v == .integer(1) || v.stringValue == "true"
            return (isOn ? on : off, "#fff", 1)
        }
    }

    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
