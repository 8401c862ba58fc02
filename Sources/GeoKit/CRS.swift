import CPROJ

/// A coordinate reference system, validated by PROJ: an authority code ("EPSG:32648"), WKT
/// (as in a `.prj` or GeoPackage) or a PROJ string. Axis order is always the GIS one
/// (easting/longitude first), because every transform is normalised for visualisation.
public struct CRS: Sendable, Hashable, CustomStringConvertible {
    /// The definition as given (or as exported from the file), passed to PROJ.
    public let definition: String
    /// The CRS name PROJ reports (e.g. "WGS 84 / UTM zone 48N").
    public let name: String
    /// `true` for longitude/latitude CRSs (units are degrees).
    public let isGeographic: Bool
    /// Metres per linear unit of a projected CRS (1 for metres, 0.3048006096 for US survey
    /// feet); `nil` for geographic CRSs.
    public let linearUnitToMeters: Double?
    /// The EPSG code when the CRS is identified by one.
    public let epsgCode: Int?

    /// WGS 84 longitude/latitude (EPSG:4326): GeoJSON's CRS and camplan's output CRS.
    public static let wgs84 = CRS(
        definition: "EPSG:4326", name: "WGS 84", isGeographic: true, linearUnitToMeters: nil, epsgCode: 4326
    )

    private init(definition: String, name: String, isGeographic: Bool, linearUnitToMeters: Double?, epsgCode: Int?) {
        self.definition = definition
        self.name = name
        self.isGeographic = isGeographic
        self.linearUnitToMeters = linearUnitToMeters
        self.epsgCode = epsgCode
    }

    /// Parses and checks `definition` with PROJ (wraps `proj_create`, `proj_get_type`,
    /// `proj_crs_get_coordinate_system`, `proj_cs_get_axis_info`). A bound CRS (with
    /// TOWGS84) is described by its source CRS.
    /// - Throws: ``GeoError/projection(_:)`` when PROJ does not know it or it is not a CRS.
    public init(_ definition: String) throws(GeoError) {
        let trimmed = definition.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .projection("empty CRS definition") }
        let ctx = try PROJContext()
        // NULL = not understood.
        guard let p = proj_create(ctx.handle, trimmed) else {
            throw .projection("'\(Self.short(trimmed))' is not a CRS PROJ understands (\(ctx.message("proj_create")))")
        }
        var crs = PROJObject(context: ctx, owning: p)
        // 0 = not a CRS.
        guard proj_is_crs(crs.pointer) != 0 else { throw .projection("'\(Self.short(trimmed))' is not a coordinate reference system") }
        if proj_get_type(crs.pointer) == PJ_TYPE_BOUND_CRS {
            // NULL = error; the source CRS is a new object we own.
            guard let s = proj_get_source_crs(ctx.handle, crs.pointer) else { throw ctx.error("proj_get_source_crs") }
            crs = PROJObject(context: ctx, owning: s)
        }
        let type = proj_get_type(crs.pointer)
        let geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
            || type == PJ_TYPE_GEOGRAPHIC_CRS
        var unit: Double?
        if !geographic {
            // NULL = error; the coordinate system is a new object we own.
            guard let cs = proj_crs_get_coordinate_system(ctx.handle, crs.pointer) else {
                throw ctx.error("proj_crs_get_coordinate_system")
            }
            let csObject = PROJObject(context: ctx, owning: cs)
            var factor = 0.0
            // 0 = error. Strings returned are owned by the object.
            guard proj_cs_get_axis_info(ctx.handle, csObject.pointer, 0, nil, nil, nil, &factor, nil, nil, nil) != 0 else {
                throw ctx.error("proj_cs_get_axis_info")
            }
            unit = factor
        }
        // NULL = no name.
        let name = proj_get_name(crs.pointer).map { String(cString: $0) } ?? trimmed
        var epsg: Int?
        // NULL = no identifier.
        if let auth = proj_get_id_auth_name(crs.pointer, 0), String(cString: auth) == "EPSG",
           let code = proj_get_id_code(crs.pointer, 0) {
            epsg = Int(String(cString: code))
        }
        self.init(definition: trimmed, name: name, isGeographic: geographic, linearUnitToMeters: unit, epsgCode: epsg)
    }

    /// The WGS 84 UTM zone holding `point`: EPSG:326zz north of the equator, 327zz south,
    /// zz = floor((lon + 180) / 6) + 1 clamped to 1...60.
    public static func utm(containing point: LonLat) throws(GeoError) -> CRS {
        // A longitude beyond ±180 (a wrong CRS, a broken file) would overflow the zone number.
        guard point.lon.isFinite, point.lat.isFinite, abs(point.lat) <= 90, abs(point.lon) <= 180 else {
            throw .projection("cannot choose a UTM zone for lon \(point.lon), lat \(point.lat) (outside -180...180, -90...90)")
        }
        let zone = min(60, max(1, Int(((point.lon + 180) / 6).rounded(.down)) + 1))
        return try CRS("EPSG:\(point.lat >= 0 ? 32600 + zone : 32700 + zone)")
    }

    public var description: String { epsgCode.map { "EPSG:\($0) (\(name))" } ?? name }

    private static func short(_ s: String) -> String {
        s.count > 60 ? String(s.prefix(57)) + "..." : s
    }
}
