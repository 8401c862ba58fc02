import Foundation
import GeoKit

/// The GeoPackage hand-off: every layer of a run in one file with a spatial index, QGIS's
/// `layer_styles` table (each layer opens styled) and a QGIS project in `qgis_projects`
/// (opening the project gives the whole map, labelled).
public enum GeoPackageExport {
    /// Legend order of the project, top first; `model_wards` starts hidden, and in a traffic
    /// scenario the crime hot cells too (they would hide the road segments).
    static let order = ["cameras", "gateways", "coverage", "blackspots", "hotspot_cells", "districts", "wards", "model_wards"]

    /// Writes `layers` (WGS 84) to `path` in `crs` (WGS 84 unless `--out-crs`), styled in
    /// `lang`; the stored project draws the map in `mapCRS` (a metric CRS such as the work
    /// CRS, so that the province is not stretched), `crs` when it is projected.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func write(_ layers: [OutputLayer], to path: String, title: String, lang: ReportLanguage,
                             crs: CRS = .wgs84, mapCRS: CRS) throws {
        let shown = crs.isGeographic ? mapCRS : crs
        let styles = LayerStyles.table(for: layers, lang: lang)
        let styleLayer = try OutputLayer(name: "layer_styles", fields: styles.fields, geometryType: .none, features: styles.features)
        let project = QGISProject.document(fileName: (path as NSString).lastPathComponent, title: title,
                                           layers: projectLayers(layers, lang: lang), layerCRS: code(crs), mapCRS: code(shown),
                                           extent: try extent(of: layers, in: shown))
        try VectorWriter.writeGeoPackage(layers + [styleLayer], to: path, crs: crs, extraSQL: QGISProject.sql(document: project))
    }

    static func code(_ crs: CRS) -> String { crs.epsgCode.map { "EPSG:\($0)" } ?? crs.definition }

    static func projectLayers(_ layers: [OutputLayer], lang: ReportLanguage) -> [QGISProject.Layer] {
        let titles: [String: ReportPhrase] = [
            "cameras": .cameras, "coverage": .footprints, "hotspot_cells": .hotCells, "districts": .districts, "wards": .wards,
            "model_wards": .modelWardLayer, "blackspots": .blackSpots, "gateways": .gateways,
        ]
        let traffic = LayerStyles.isTrafficPlan(layers)
        let sorted = layers.sorted { (order.firstIndex(of: $0.name) ?? order.count) < (order.firstIndex(of: $1.name) ?? order.count) }
        return sorted.compactMap { l in
            guard let style = LayerStyles.style(for: l, lang: lang, traffic: traffic) else { return nil }
            let geometry = switch l.geometryType {
            case .point, .multiPoint: "Point"
            case .lineString, .multiLineString: "Line"
            default: "Polygon"
            }
            return QGISProject.Layer(table: l.name, title: titles[l.name].map(lang.text) ?? l.name, geometry: geometry, style: style,
                                     visible: l.name != "model_wards" && !(traffic && l.name == "hotspot_cells"))
        }
    }

    /// The box of every feature, in `crs` (corners of the WGS 84 box transformed).
    static func extent(of layers: [OutputLayer], in crs: CRS) throws -> (Double, Double, Double, Double) {
        guard let b = BoundingBox(of: layers.lazy.flatMap { $0.features.lazy.flatMap { $0.geometry?.allCoordinates ?? [] } }) else {
            return (0, 0, 1, 1)
        }
        guard crs != .wgs84 else { return (b.minX, b.minY, b.maxX, b.maxY) }
        let t = try CoordinateTransform(from: .wgs84, to: crs)
        let corners: [PlanarPoint] = try t.transform([LonLat(lon: b.minX, lat: b.minY), LonLat(lon: b.maxX, lat: b.minY),
                                                      LonLat(lon: b.minX, lat: b.maxY), LonLat(lon: b.maxX, lat: b.maxY)])
        return (corners.map(\.x).min() ?? 0, corners.map(\.y).min() ?? 0, corners.map(\.x).max() ?? 1, corners.map(\.y).max() ?? 1)
    }
}
