import CGDAL
import Foundation

/// Shapefiles for GIS units that still work with them: layers of a GeoPackage translated by
/// GDAL (`GDALVectorTranslate`, as `ogr2ogr`) into `.shp/.shx/.dbf/.prj` plus a `.cpg` that
/// says UTF-8, so Vietnamese names keep their diacritics in QGIS and ArcGIS. Field names
/// longer than the dBASE limit of 10 characters are renamed by ``shortNames(_:)``; the
/// coordinates and CRS are the GeoPackage's (``VectorWriter/writeGeoPackage(_:to:crs:extraSQL:)``).
public enum ShapefileExport {
    /// dBASE field names hold at most 10 characters.
    public static let maxFieldName = 10

    /// Short, unique names for `fields` in order: names that fit are kept; longer ones lose
    /// their vowels after the first letter of each word, then are cut to 10 characters, and a
    /// repeated result ends in a number (`covered_share` → `cvrd_shr`, `incidents_per_km2` →
    /// `incdnts_pr`, then `incidents_per_1000` → `incdnts_p1`).
    /// Deterministic, so the map documented in the README holds for every run.
    public static func shortNames(_ fields: [String]) -> [String: String] {
        var used = Set<String>()
        var out: [String: String] = [:]
        for f in fields where f.count <= maxFieldName {
            out[f] = f
            used.insert(f.lowercased())
        }
        for f in fields where f.count > maxFieldName {
            let words = f.split(separator: "_").map { w -> String in
                guard let first = w.first else { return "" }
                return String(first) + w.dropFirst().filter { !"aeiou".contains($0) }
            }
            let base = String(words.joined(separator: "_").prefix(maxFieldName))
            var name = base
            var n = 1
            while used.contains(name.lowercased()) {
                let suffix = String(n)
                name = String(base.prefix(maxFieldName - suffix.count)) + suffix
                n += 1
            }
            out[f] = name
            used.insert(name.lowercased())
        }
        return out
    }

    /// Writes `layer` of the GeoPackage `geopackage` as `directory/layer.shp` (and its
    /// sidecar files), fields renamed through `names` (field → short name).
    /// - Throws: ``GeoError/writeFailed(file:reason:)`` naming the shapefile.
    public static func write(layer: String, fields: [String], names: [String: String], from geopackage: String,
                             to directory: String) throws(GeoError) {
        let target = directory + "/" + layer + ".shp"
        let session = GDALSession()
        defer { session.close() }
        // NULL = cannot open; closed by the handle.
        guard let raw = GDALOpenEx(geopackage, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw .writeFailed(file: target, reason: session.takeFailure("cannot open \(geopackage)"))
        }
        let source = GDALDatasetHandle(owning: raw)
        defer { source.close() }
        let columns = fields.map { "\"\($0)\" AS \"\(names[$0] ?? $0)\"" }.joined(separator: ", ")
        let args = GDALStringList([
            "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-nln", layer,
            "-sql", "SELECT geom\(columns.isEmpty ? "" : ", " + columns) FROM \"\(layer)\"",
        ])
        // NULL = bad arguments; freed below.
        guard let options = GDALVectorTranslateOptionsNew(args.pointer, nil) else {
            throw .writeFailed(file: target, reason: session.takeFailure("bad translation options"))
        }
        defer { GDALVectorTranslateOptionsFree(options) }
        var usageError: Int32 = 0
        var sources: [GDALDatasetH?] = [source.handle]
        // NULL = failure; the result is ours and closed (flushed) by the handle.
        guard let out = GDALVectorTranslate(target, nil, 1, &sources, options, &usageError), usageError == 0 else {
            throw .writeFailed(file: target, reason: session.takeFailure("GDAL could not translate layer \(layer)"))
        }
        GDALDatasetHandle(owning: out).close()
        if session.hasFailures { throw .writeFailed(file: target, reason: session.takeFailure("GDAL reported an error")) }
    }
}
