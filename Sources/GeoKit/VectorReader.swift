import CGDAL
import Foundation

/// Reads any vector dataset OGR can open: GeoJSON, Shapefile (CRS from .prj), GeoPackage,
/// MapInfo TAB, KML, CSV, XLSX, FlatGeobuf, ... No format is parsed by hand.
public enum VectorReader {
    /// Default open options by driver: CSV cells kept as text so that raw values can be
    /// reported as they were written, first line = header.
    static func defaultOpenOptions(for file: String) -> [String] {
        switch (file as NSString).pathExtension.lowercased() {
        case "csv": ["HEADERS=YES", "AUTODETECT_TYPE=NO"]
        default: []
        }
    }

    /// Thread-local config options for reading: spreadsheets always have a header row (the
    /// XLSX and ODS drivers of GDAL 3.6 take this as config options `OGR_XLSX_HEADERS`,
    /// `OGR_ODS_HEADERS`, not as open options; their AUTO mode misses all-text sheets).
    static let readConfig = ["OGR_XLSX_HEADERS": "FORCE", "OGR_ODS_HEADERS": "FORCE"]

    /// Opens `path` read-only as a vector dataset (wraps `GDALOpenEx`); `file` names it in
    /// messages (the same path, or the user's file for an in-memory copy).
    static func open(_ path: String, file: String, openOptions: [String], session: GDALSession) throws(GeoError) -> GDALDatasetHandle {
        let options = GDALStringList(openOptions)
        // NULL = no driver could open it.
        guard let ds = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, options.constPointer, nil) else {
            throw .unreadable(file: file, reason: session.takeFailure("not a vector format GDAL can read"))
        }
        return GDALDatasetHandle(owning: ds)
    }

    /// Refuses a missing file and a folder given as a file: GDAL would open every table in
    /// a folder and silently read the first in filesystem order. A File Geodatabase (a
    /// folder named `*.gdb`) is a dataset and is accepted.
    /// - Throws: ``GeoError/unreadable(file:reason:)`` naming the files inside the folder.
    static func checkIsFile(_ file: String) throws(GeoError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .unreadable(file: file, reason: "no such file")
        }
        let trimmed = file.hasSuffix("/") ? String(file.dropLast()) : file
        guard isDirectory.boolValue, !trimmed.lowercased().hasSuffix(".gdb") else { return }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: file)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let shown = names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", ... (\(names.count) in all)" : "")
        throw .unreadable(file: file, reason: names.isEmpty
            ? "is an empty folder, not a file"
            : "is a folder, not a file; give one of the files in it: \(shown)")
    }

    /// The names of the layers in `file`.
    /// - Throws: ``GeoError/unreadable(file:reason:)``.
    public static func layerNames(in file: String) throws(GeoError) -> [String] {
        try checkIsFile(file)
        let session = GDALSession(config: readConfig)
        defer { session.close() }
        let ds = try open(file, file: file, openOptions: defaultOpenOptions(for: file), session: session)
        defer { ds.close() }
        return (0..<GDALDatasetGetLayerCount(ds.handle)).compactMap { i in
            // NULL = no such layer; layers are owned by the dataset.
            GDALDatasetGetLayer(ds.handle, i).map { String(cString: OGR_L_GetName($0)) }
        }
    }

    /// Reads one layer of `file` completely, as features.
    /// - Parameters:
    ///   - layer: the layer name; `nil` = the first.
    ///   - openOptions: GDAL open options; `nil` = the defaults for the format.
    /// - Throws: ``GeoError/unreadable(file:reason:)`` when GDAL cannot open it or the layer
    ///   does not exist, ``GeoError/empty(file:layer:)`` when it holds no feature.
    public static func read(_ file: String, layer: String? = nil, openOptions: [String]? = nil,
                            encoding: String? = nil) throws(GeoError) -> VectorLayer {
        let t = try readTable(file, layer: layer, openOptions: openOptions, encoding: encoding)
        let features = (0..<t.count).map { row in
            var attributes = [String: FieldValue](minimumCapacity: t.fields.count)
            for (i, f) in t.fields.enumerated() { attributes[f.name] = t.columns[i][row] }
            return Feature(index: row, geometry: t.geometries[row], attributes: attributes)
        }
        return VectorLayer(info: t.info, features: features)
    }

    /// Reads one layer of `file` completely, as columns (struct-of-arrays; the fast path for
    /// large incident tables).
    /// - Parameters:
    ///   - layer: the layer name; `nil` = the first layer.
    ///   - openOptions: GDAL open options; `nil` = the defaults for the format.
    ///   - encoding: the character set of a CSV file that is not UTF-8 (``CSVPreflight``).
    /// - Throws: ``GeoError/unreadable(file:reason:)`` when GDAL cannot open it, it is a
    ///   folder or the layer does not exist (the message lists the layers),
    ///   ``GeoError/empty(file:layer:)`` when it holds no feature,
    ///   ``GeoError/encoding(file:line:detail:)`` for text that is not UTF-8,
    ///   ``GeoError/malformedTable(file:line:reason:)`` for a CSV row wider than its header.
    /// - Complexity: O(n) in the number of vertices and attribute values.
    public static func readTable(_ file: String, layer: String? = nil, openOptions: [String]? = nil,
                                 encoding: String? = nil) throws(GeoError) -> VectorTable {
        try checkIsFile(file)
        let prepared = CSVPreflight.applies(to: file) ? try CSVPreflight.prepare(file, encoding: encoding) : PreparedCSV(file: file)
        let session = GDALSession(config: readConfig)
        defer { session.close() }
        let ds = try open(prepared.path, file: file, openOptions: openOptions ?? defaultOpenOptions(for: file), session: session)
        defer { ds.close() }
        let driver = GDALGetDatasetDriver(ds.handle).map { String(cString: GDALGetDriverShortName($0)) } ?? "?"
        // NULL = no such layer; layers are owned by the dataset.
        let names = (0..<GDALDatasetGetLayerCount(ds.handle)).compactMap { i in
            GDALDatasetGetLayer(ds.handle, i).map { String(cString: OGR_L_GetName($0)) }
        }
        let lh: OGRLayerH
        if let layer {
            // NULL = no such layer; owned by the dataset.
            guard let l = GDALDatasetGetLayerByName(ds.handle, layer) else {
                throw .unreadable(file: file, reason: "no layer '\(layer)'; layers are: \(names.joined(separator: ", "))")
            }
            lh = l
        } else {
            // NULL = the dataset has no layer.
            guard GDALDatasetGetLayerCount(ds.handle) > 0, let l = GDALDatasetGetLayer(ds.handle, 0) else {
                throw .empty(file: file, layer: nil)
            }
            lh = l
        }
        let layerName = String(cString: OGR_L_GetName(lh))

        // Schema. The definition is owned by the layer.
        let defn = OGR_L_GetLayerDefn(lh)
        let nFields = OGR_FD_GetFieldCount(defn)
        var fields = [FieldDefinition]()
        var kinds = [OGRFieldType]()
        var subtypes = [OGRFieldSubType]()
        for i in 0..<nFields {
            // Owned by the definition; NULL only for an out-of-range index.
            guard let fd = OGR_FD_GetFieldDefn(defn, i) else { continue }
            let t = OGR_Fld_GetType(fd), st = OGR_Fld_GetSubType(fd)
            kinds.append(t)
            subtypes.append(st)
            let type: FieldType = switch t {
            case OFTInteger where st == OFSTBoolean: .bool
            case OFTInteger, OFTInteger64: .integer
            case OFTReal: .real
            default: .string
            }
            fields.append(FieldDefinition(String(cString: OGR_Fld_GetNameRef(fd)), type))
        }
        let geomType = OGR_GT_Flatten(OGR_L_GetGeomType(lh))
        let geometryType: String? = geomType == wkbNone ? nil : String(cString: OGRGeometryTypeToName(geomType))

        // CRS (borrowed from the layer; NULL = none).
        var crs: CRS?
        if let srs = OGR_L_GetSpatialRef(lh) {
            crs = try crsDefinition(srs, file: file)
        }

        // Features, column by column.
        var columns = [[FieldValue]](repeating: [], count: Int(nFields))
        var geometries = [Geometry<SourceXY>?]()
        let isTable = driver == "CSV" || driver == "XLSX" || driver == "ODS"
        OGR_L_ResetReading(lh)
        // NULL = end of layer (or a read error, reported through the session).
        while let fh = OGR_L_GetNextFeature(lh) {
            let feature = OGRFeatureHandle(owning: fh)
            for i in 0..<Int(nFields) {
                guard let v = value(feature.handle, Int32(i), kinds[i], subtypes[i]) else {
                    let row = geometries.count + (isTable ? 2 : 1)
                    throw .encoding(file: file, line: row, detail: "\(isTable ? "row" : "feature") \(row), field '\(fields[i].name)'")
                }
                columns[i].append(v)
            }
            // NULL = no geometry; owned by the feature.
            geometries.append(OGR_F_GetGeometryRef(feature.handle).flatMap { OGRGeometryConversion.geometry($0) })
        }
        if session.hasFailures {
            throw .unreadable(file: file, reason: session.takeFailure("read error"))
        }
        guard !geometries.isEmpty else { throw .empty(file: file, layer: layerName) }
        let info = LayerInfo(file: file, name: layerName, driver: driver, fields: fields, geometryType: geometryType, crs: crs,
                             layerNames: names)
        return VectorTable(info: info, columns: columns, geometries: geometries)
    }

    /// A typed attribute value; dates become ISO-8601 text. `nil` for text that is not valid
    /// UTF-8 (never replaced by U+FFFD in silence).
    private static func value(_ f: OGRFeatureH, _ i: Int32, _ type: OGRFieldType, _ subtype: OGRFieldSubType) -> FieldValue? {
        // 0 = unset or null.
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
        switch type {
        case OFTInteger where subtype == OFSTBoolean:
            return .bool(OGR_F_GetFieldAsInteger(f, i) != 0)
        case OFTInteger, OFTInteger64:
            return .integer(OGR_F_GetFieldAsInteger64(f, i))
        case OFTReal:
            return .real(OGR_F_GetFieldAsDouble(f, i))
        case OFTDate, OFTDateTime:
            var y: Int32 = 0, mo: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
            var s: Float = 0
            // 0 = failure.
            guard OGR_F_GetFieldAsDateTimeEx(f, i, &y, &mo, &d, &h, &mi, &s, &tz) != 0 else {
                return .string(String(cString: OGR_F_GetFieldAsString(f, i)))
            }
            let date = String(format: "%04d-%02d-%02d", y, mo, d)
            if type == OFTDate { return .string(date) }
            return .string(date + String(format: "T%02d:%02d:%02d", h, mi, Int(s)))
        default:
            // The string is owned by the feature; copied here. nil = not valid UTF-8.
            return String(validatingCString: OGR_F_GetFieldAsString(f, i)).map { .string($0) }
        }
    }

    /// A ``CRS`` for an OGR spatial reference: "EPSG:n" when the root is EPSG-identified,
    /// else its WKT2 (wraps `OSRGetAuthorityName`, `OSRExportToWktEx`).
    static func crsDefinition(_ srs: OGRSpatialReferenceH, file: String) throws(GeoError) -> CRS {
        // NULL = no authority at the root.
        if let auth = OSRGetAuthorityName(srs, nil), String(cString: auth) == "EPSG",
           let code = OSRGetAuthorityCode(srs, nil) {
            return try CRS("EPSG:\(String(cString: code))")
        }
        var wkt: UnsafeMutablePointer<CChar>?
        let options = GDALStringList(["FORMAT=WKT2_2019"])
        // OGRERR_NONE (0) = success; the string is freed with CPLFree (VSIFree).
        let err = OSRExportToWktEx(srs, &wkt, options.constPointer)
        defer { VSIFree(wkt) }
        guard err == OGRERR_NONE, let wkt else {
            throw .unreadable(file: file, reason: "its coordinate reference system cannot be exported")
        }
        return try CRS(String(cString: wkt))
    }
}
