import CGDAL
import Foundation

/// Writes layers through GDAL/OGR so that a write cannot lie: GDAL renders into memory with
/// every call checked, the bytes reach a temporary file beside the target through
/// ``CheckedFile`` (a full disk or a file-size limit is an error), the file is re-opened and
/// its feature counts compared, and only then is it renamed over the target. On any failure
/// nothing is left at the target and ``GeoError/writeFailed(file:reason:)`` says why.
public enum VectorWriter {
    /// The fixed GeoPackage timestamp (config option `OGR_CURRENT_DATE`) that makes
    /// `gpkg_contents.last_change` and therefore the file deterministic.
    public static let fixedTimestamp = "2000-01-01T00:00:00.000Z"

    /// Writes one layer as GeoJSON per RFC 7946 (layer options `RFC7946=YES`: WGS 84,
    /// counter-clockwise exteriors (right-hand rule), `COORDINATE_PRECISION=7`).
    /// - Parameter writeBBox: also write `bbox` members (`WRITE_BBOX=YES`).
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func writeGeoJSON(_ layer: OutputLayer, to path: String, writeBBox: Bool = false) throws(GeoError) {
        var options = ["RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO"]
        if writeBBox { options.append("WRITE_BBOX=YES") }
        try write(path: path, driver: "GeoJSON", layers: [(layer, options)], extraSQL: [], config: [:])
    }

    /// Writes several layers into one GeoPackage with an R-tree spatial index per layer, in
    /// EPSG:4326 or, with `crs`, reprojected to it (e.g. VN-2000), then runs `extraSQL` on it
    /// (e.g. `CREATE TABLE layer_styles ...` and its `INSERT`s, for QGIS styles).
    /// Deterministic: the same layers give the same bytes.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func writeGeoPackage(_ layers: [OutputLayer], to path: String, crs: CRS = .wgs84, extraSQL: [String] = []) throws(GeoError) {
        guard !layers.isEmpty else { throw .writeFailed(file: path, reason: "no layers to write") }
        try write(path: path, driver: "GPKG", layers: layers.map { ($0, ["SPATIAL_INDEX=YES", "FID=fid"]) },
                  extraSQL: extraSQL, config: ["OGR_CURRENT_DATE": fixedTimestamp], crs: crs)
    }

    /// Writes attribute tables as the sheets of one Excel workbook through GDAL's XLSX
    /// driver: the header row holds the field names, integer and real fields become numeric
    /// cells, text stays text (UTF-8, so Vietnamese names are kept). Geometry is dropped.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func writeXLSX(_ sheets: [OutputLayer], to path: String) throws(GeoError) {
        guard !sheets.isEmpty else { throw .writeFailed(file: path, reason: "no sheets to write") }
        let tables = sheets.map { sheet -> (OutputLayer, [String]) in
            var s = sheet
            s.geometryType = .none
            return (s, [])
        }
        try write(path: path, driver: "XLSX", layers: tables, extraSQL: [], config: [:])
    }

    /// Writes a layer as CSV (LF line ends); a point layer gets `X`,`Y` columns first
    /// (`GEOMETRY=AS_XY`), other geometries are dropped.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func writeCSV(_ layer: OutputLayer, to path: String) throws(GeoError) {
        var options = ["LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED"]
        var l = layer
        if layer.geometryType == .point {
            options.append("GEOMETRY=AS_XY")
        } else {
            l.geometryType = .none
        }
        try write(path: path, driver: "CSV", layers: [(l, options)], extraSQL: [], config: [:])
    }

    // MARK: Implementation

    private static func ogrType(_ t: OutputGeometryType) -> OGRwkbGeometryType {
        switch t {
        case .none: wkbNone
        case .point: wkbPoint
        case .multiPoint: wkbMultiPoint
        case .lineString: wkbLineString
        case .multiLineString: wkbMultiLineString
        case .polygon: wkbPolygon
        case .multiPolygon: wkbMultiPolygon
        }
    }

    /// Writes the layers in four checked steps: GDAL renders the file into memory
    /// (`/vsimem/`, every OGR call checked and any error GDAL reports is a failure); the
    /// bytes go to a temporary file beside `path` through ``CheckedFile`` (each `write`,
    /// `fsync` and `close` checked: a full disk or a file-size limit is an error, not a cut
    /// file); that file is re-opened with GDAL and each layer's feature count compared with
    /// what was written; only then is it renamed over `path`.
    private static func write(
        path: String, driver: String, layers: [(OutputLayer, [String])], extraSQL: [String], config: [String: String],
        crs: CRS = .wgs84
    ) throws(GeoError) {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw .writeFailed(file: path, reason: "directory \(dir) does not exist")
        }
        let memDir = "/vsimem/camplan-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        // 0 = success; removes the file and any journal the driver left beside it.
        defer { _ = VSIRmdirRecursive(memDir) }
        // 0 = success (drivers such as CSV need the folder to exist).
        guard VSIMkdir(memDir, 0o755) == 0 else { throw .writeFailed(file: path, reason: "cannot create \(memDir)") }
        let mem = memDir + "/" + URL(fileURLWithPath: path).lastPathComponent
        try writeUnchecked(tmp: mem, displayPath: path, driver: driver, layers: layers, extraSQL: extraSQL, config: config, crs: crs)
        var length: vsi_l_offset = 0
        // The buffer stays owned by /vsimem (bUnlinkAndSeize = FALSE); NULL = no such file.
        guard let buffer = VSIGetMemFileBuffer(mem, &length, 0) else {
            throw .writeFailed(file: path, reason: "GDAL wrote no data")
        }
        let tmp = CheckedFile.temporaryPath(for: path)
        try CheckedFile.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)), to: tmp, displayPath: path)
        do throws(GeoError) {
            try verify(tmp, displayPath: path, bytes: Int(length), driver: driver, layers: layers.map(\.0))
        } catch {
            unlink(tmp)
            throw error
        }
        try CheckedFile.rename(tmp, over: path)
    }

    /// Re-opens a written file and checks its size and, per layer, the feature count.
    private static func verify(_ file: String, displayPath: String, bytes: Int, driver: String, layers: [OutputLayer]) throws(GeoError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? -1
        guard size == bytes else {
            throw .writeFailed(file: displayPath, reason: "\(size) bytes on disk after writing \(bytes)")
        }
        // Read as the readers do (spreadsheets with a header row).
        let session = GDALSession(config: VectorReader.readConfig)
        defer { session.close() }
        let ds: GDALDatasetHandle
        do {
            ds = try VectorReader.open(file, file: displayPath, openOptions: VectorReader.defaultOpenOptions(for: file), session: session)
        } catch {
            throw .writeFailed(file: displayPath, reason: "the written file does not re-open: \(error)")
        }
        defer { ds.close() }
        for (i, layer) in layers.enumerated() {
            // Single-layer formats name the layer after the file; NULL = no such layer.
            let handle = driver == "GPKG" ? GDALDatasetGetLayerByName(ds.handle, layer.name) : GDALDatasetGetLayer(ds.handle, Int32(i))
            guard let handle else {
                throw .writeFailed(file: displayPath, reason: "layer '\(layer.name)' is missing after writing")
            }
            // bForce = 1: counts by reading when the driver has no fast count.
            let count = OGR_L_GetFeatureCount(handle, 1)
            guard count == Int64(layer.features.count), !session.hasFailures else {
                throw .writeFailed(file: displayPath, reason: session.takeFailure(
                    "layer '\(layer.name)' re-opens with \(count) features, \(layer.features.count) were written"))
            }
        }
    }

    private static func writeUnchecked(
        tmp: String, displayPath: String, driver: String, layers: [(OutputLayer, [String])],
        extraSQL: [String], config: [String: String], crs: CRS
    ) throws(GeoError) {
        let session = GDALSession(config: config)
        defer { session.close() }
        func fail(_ what: String) -> GeoError {
            .writeFailed(file: displayPath, reason: session.takeFailure(what))
        }
        // NULL = driver not built into this GDAL.
        guard let drv = GDALGetDriverByName(driver) else { throw .writeFailed(file: displayPath, reason: "GDAL has no \(driver) driver") }
        // NULL = creation failed.
        guard let raw = GDALCreate(drv, tmp, 0, 0, 0, GDT_Unknown, nil) else { throw fail("cannot create the file") }
        let ds = GDALDatasetHandle(owning: raw)
        defer { ds.close() }

        // The features are WGS 84 lon/lat; `crs` is the CRS written (and, when it differs,
        // what every geometry is transformed to).
        let wgs84 = try spatialReference(.wgs84, fail)
        let srs = crs == .wgs84 ? wgs84 : try spatialReference(crs, fail)
        let reprojection = try crs == .wgs84 ? nil : OGRTransformHandle(from: wgs84, to: srs, fail)

        for (layer, options) in layers {
            let lco = GDALStringList(options)
            let geomType = ogrType(layer.geometryType)
            // NULL = failure. The layer is owned by the dataset.
            guard let lh = GDALDatasetCreateLayer(ds.handle, layer.name, geomType == wkbNone ? nil : srs.handle, geomType, lco.pointer) else {
                throw fail("cannot create layer '\(layer.name)'")
            }
            for f in layer.fields {
                // NULL = allocation failure; destroyed after OGR_L_CreateField copied it.
                guard let fd = OGR_Fld_Create(f.name, f.type == .real ? OFTReal : f.type == .string ? OFTString : f.type == .integer ? OFTInteger64 : OFTInteger) else {
                    throw fail("OGR_Fld_Create failed")
                }
                if f.type == .bool { OGR_Fld_SetSubType(fd, OFSTBoolean) }
                // OGRERR_NONE (0) = success.
                let err = OGR_L_CreateField(lh, fd, 1)
                OGR_Fld_Destroy(fd)
                guard err == OGRERR_NONE else { throw fail("cannot create field '\(f.name)'") }
            }
            // One transaction per layer (GeoPackage speed); ignored by drivers without them.
            let transaction = OGR_L_StartTransaction(lh) == OGRERR_NONE
            // Owned by the layer.
            let defn = OGR_L_GetLayerDefn(lh)
            let indices = layer.fields.map { OGR_FD_GetFieldIndex(defn, $0.name) }
            for feature in layer.features {
                // NULL = allocation failure; destroyed by the handle.
                guard let fhRaw = OGR_F_Create(defn) else { throw fail("OGR_F_Create failed") }
                let fh = OGRFeatureHandle(owning: fhRaw)
                for (k, field) in layer.fields.enumerated() {
                    let i = indices[k]
                    switch feature[field.name] {
                    case .null: OGR_F_SetFieldNull(fh.handle, i)
                    case .integer(let v): OGR_F_SetFieldInteger64(fh.handle, i, v)
                    case .real(let v): OGR_F_SetFieldDouble(fh.handle, i, v)
                    case .bool(let v): OGR_F_SetFieldInteger(fh.handle, i, v ? 1 : 0)
                    case .string(let v): OGR_F_SetFieldString(fh.handle, i, v)
                    }
                }
                if geomType != wkbNone, let g = feature.geometry {
                    guard g.allCoordinates.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                        throw GeoError.writeFailed(file: displayPath, reason: "feature \(feature.index) of layer '\(layer.name)' has a non-finite coordinate")
                    }
                    let gh = try OGRGeometryConversion.make(g)
                    if let reprojection {
                        // OGRERR_NONE (0) = success; on failure `gh` is still ours to destroy.
                        guard OGR_G_Transform(gh, reprojection.handle) == OGRERR_NONE else {
                            OGR_G_DestroyGeometry(gh)
                            throw fail("feature \(feature.index) of layer '\(layer.name)' cannot be transformed to \(crs)")
                        }
                    }
                    // Ownership of `gh` passes to the feature; OGRERR_NONE (0) = success.
                    guard OGR_F_SetGeometryDirectly(fh.handle, gh) == OGRERR_NONE else {
                        throw fail("feature \(feature.index): cannot set its \(g.typeName) geometry")
                    }
                }
                // OGRERR_NONE (0) = success.
                guard OGR_L_CreateFeature(lh, fh.handle) == OGRERR_NONE else {
                    throw fail("feature \(feature.index) could not be written")
                }
            }
            // OGRERR_NONE (0) = success.
            if transaction, OGR_L_CommitTransaction(lh) != OGRERR_NONE { throw fail("commit failed") }
        }
        for sql in extraSQL {
            // Returns a result layer for SELECTs (released below), NULL otherwise; failures
            // are reported through the error handler.
            let result = GDALDatasetExecuteSQL(ds.handle, sql, nil, nil)
            if let result { GDALDatasetReleaseResultSet(ds.handle, result) }
            if session.hasFailures { throw fail("SQL failed") }
        }
        ds.close()
        if session.hasFailures { throw fail("GDAL reported an error") }
    }


    /// A spatial reference for `crs` in traditional GIS (x = lon/east) axis order (wraps
    /// `OSRSetFromUserInput`).
    private static func spatialReference(_ crs: CRS, _ fail: (String) -> GeoError) throws(GeoError) -> OGRSpatialReferenceHandle {
        // NULL = allocation failure; released by the handle (layers keep their own reference).
        guard let raw = OSRNewSpatialReference(nil) else { throw fail("OSRNewSpatialReference failed") }
        let srs = OGRSpatialReferenceHandle(owning: raw)
        // OGRERR_NONE (0) = success.
        guard OSRSetFromUserInput(srs.handle, crs.definition) == OGRERR_NONE else {
            throw fail("\(crs) unknown to GDAL (is proj-data installed?)")
        }
        OSRSetAxisMappingStrategy(srs.handle, OAMS_TRADITIONAL_GIS_ORDER)
        return srs
    }
}
