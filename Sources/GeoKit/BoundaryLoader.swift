import Foundation

/// Loads ward boundaries from any OGR polygon layer, projects them to a metric CRS, repairs
/// invalid polygons (``GeometryOps/makeValid(_:)``) and lists the repairs.
public enum BoundaryLoader {
    static let idCandidates = ["ward_code", "ma_xa", "maxa", "code", "id"]
    static let nameCandidates = ["ward_name", "ten_xa", "tenxa", "name", "ten"]
    static let groupCandidates = ["district_name", "ten_huyen", "tenhuyen", "district", "huyen"]
    static let typeCandidates = ["ward_type", "loai", "loai_dvhc", "type"]
    static let fullNameCandidates = ["ward_full_name", "full_name", "ten_day_du"]

    /// The field to use: the one asked for (which must exist), else the first candidate
    /// present (case-insensitive, also as truncated to 10 characters by shapefiles), else `nil`.
    static func resolve<L: FieldLookup>(_ asked: String?, _ candidates: [String], in layer: L) throws(GeoError) -> String? {
        if let asked {
            guard let f = layer.field(named: asked) else {
                throw .missingField(file: layer.file, field: asked, available: layer.fields.map(\.name))
            }
            return f.name
        }
        for c in candidates {
            // A shapefile truncates names to 10 characters (district_name -> district_n).
            if let f = layer.field(named: c) ?? layer.field(named: String(c.prefix(10))) { return f.name }
        }
        return nil
    }

    /// Reads, checks and projects `file`.
    /// - Throws: ``GeoError/unreadable(file:reason:)``, ``GeoError/empty(file:layer:)``,
    ///   ``GeoError/missingField(file:field:available:)`` for a named field that is absent,
    ///   ``GeoError/wrongGeometry(file:feature:found:expected:)`` for a non-polygon feature,
    ///   ``GeoError/unknownCRS(file:)``, ``GeoError/projection(_:)``, ``GeoError/geometry(_:)``
    ///   when a polygon cannot be repaired.
    public static func load(_ file: String, options: BoundaryOptions = BoundaryOptions()) throws(GeoError) -> BoundarySet {
        let layer = try VectorReader.read(file, layer: options.layer)
        let idField = try resolve(options.idField, idCandidates, in: layer)
        let nameField = try resolve(options.nameField, nameCandidates, in: layer)
        let groupField = try resolve(options.groupField, groupCandidates, in: layer)
        let typeField = try resolve(options.typeField, typeCandidates, in: layer)
        let fullNameField = try resolve(nil, fullNameCandidates, in: layer)
        guard let sourceCRS = layer.crs ?? options.sourceCRS else { throw .unknownCRS(file: file) }

        // Every feature must be polygonal.
        var sourcePolygons = [MultiPolygon<SourceXY>]()
        for f in layer.features {
            guard let g = f.geometry else {
                throw .wrongGeometry(file: file, feature: f.index + 1, found: "feature without geometry", expected: "Polygon or MultiPolygon")
            }
            guard let mp = g.asMultiPolygon, !mp.polygons.isEmpty else {
                throw .wrongGeometry(file: file, feature: f.index + 1, found: g.typeName, expected: "Polygon or MultiPolygon")
            }
            sourcePolygons.append(mp)
        }

        // Extent in WGS 84, for the UTM zone and for the incident checks.
        let toWGS84 = try CoordinateTransform(from: sourceCRS, to: .wgs84)
        let allSource = sourcePolygons.flatMap { Geometry<SourceXY>.multiPolygon($0).allCoordinates }
        let lonLats: [LonLat] = try toWGS84.transform(allSource)
        guard let lonLatBounds = BoundingBox(of: lonLats) else { throw .empty(file: file, layer: layer.name) }
        let centre = LonLat(lon: (lonLatBounds.minX + lonLatBounds.maxX) / 2, lat: (lonLatBounds.minY + lonLatBounds.maxY) / 2)
        let workCRS: CRS
        if let asked = options.workCRS { workCRS = asked } else { workCRS = try CRS.utm(containing: centre) }
        guard !workCRS.isGeographic, let unit = workCRS.linearUnitToMeters, abs(unit - 1) < 1e-12 else {
            throw .projection("the working CRS \(workCRS) is not in metres; choose a projected CRS in metres (e.g. a UTM zone or VN-2000)")
        }
        let toWork = try CoordinateTransform(from: sourceCRS, to: workCRS)

        var wards = [Ward]()
        var repairs = [PolygonRepair]()
        for (k, f) in layer.features.enumerated() {
            var planar: MultiPolygon<PlanarPoint> = try toWork.transform(sourcePolygons[k])
            let id = idField.flatMap { f[$0].stringValue } ?? String(f.index + 1)
            let validity = try GeometryOps.validity(planar)
            if let reason = validity.reason {
                do {
                    planar = try GeometryOps.makeValid(planar)
                } catch {
                    throw .geometry("\(file): feature \(f.index + 1) (ward \(id)) is invalid (\(reason)) and cannot be repaired: \(error.description)")
                }
                repairs.append(PolygonRepair(feature: f.index + 1, wardID: id, reason: reason))
            }
            let name = nameField.flatMap { f[$0].stringValue } ?? id
            var type = typeField.flatMap { f[$0].stringValue }.flatMap(WardType.init(recognizing:))
            if type == nil { type = fullNameField.flatMap { f[$0].stringValue }.flatMap(WardType.init(recognizing:)) }
            if type == nil { type = WardType(recognizing: name) }
            let group = groupField.flatMap { f[$0].stringValue } ?? "(all)"
            wards.append(Ward(featureIndex: f.index, id: id, name: name, type: type ?? .other, group: group,
                              areaSquareMeters: try GeometryOps.area(planar), geometry: planar, attributes: f.attributes))
        }
        return BoundarySet(file: file, layerName: layer.name, wards: wards, repairs: repairs, sourceCRS: sourceCRS,
                           workCRS: workCRS, groupField: groupField, lonLatBounds: lonLatBounds, fields: layer.fields)
    }
}
