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
    ///
    /// Refused, because they change results: a ward id used twice, two features with the
    /// same boundary, wards that overlap by more than ``maximumOverlapShare`` of the smaller
    /// one (incidents and cells there would go to one of them and areas count twice), and a
    /// working CRS that does not fit the area (``WorkCRSCheck``). Smaller overlaps (over
    /// ``overlapNoticeSquareMeters``) are ``BoundarySet/warnings``.
    /// - Throws: ``GeoError/unreadable(file:reason:)``, ``GeoError/empty(file:layer:)``,
    ///   ``GeoError/missingField(file:field:available:)`` for a named field that is absent,
    ///   ``GeoError/wrongGeometry(file:feature:found:expected:)`` for a non-polygon feature,
    ///   ``GeoError/unknownCRS(file:)``, ``GeoError/projection(_:)``, ``GeoError/geometry(_:)``
    ///   when a polygon cannot be repaired.
    public static func load(_ file: String, options: BoundaryOptions = BoundaryOptions()) throws(GeoError) -> BoundarySet {
        let layer = try VectorReader.read(file, layer: options.layer)
        do {
            return try load(layer, options: options)
        } catch {
            throw error.adding(options.layer == nil ? layer.otherLayersHint(option: "--wards-layer") : nil)
        }
    }

    /// Overlap (as a share of the smaller ward) above which wards are refused.
    public static let maximumOverlapShare = 0.01
    /// Overlap area above which a pair of wards is reported (digitising slivers below it).
    public static let overlapNoticeSquareMeters = 100.0

    static func load(_ layer: VectorLayer, options: BoundaryOptions) throws(GeoError) -> BoundarySet {
        let file = layer.file
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
        var warnings = try WorkCRSCheck.check(workCRS, extent: lonLatBounds)
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
        if let idField { try checkUniqueIDs(wards, field: idField, file: file) }
        warnings += try checkOverlaps(wards, file: file)
        var set = BoundarySet(file: file, layerName: layer.name, wards: wards, repairs: repairs, sourceCRS: sourceCRS,
                              workCRS: workCRS, groupField: groupField, lonLatBounds: lonLatBounds, fields: layer.fields)
        set.warnings = warnings
        return set
    }

    /// Refuses a ward id used by more than one feature (a duplicated feature would rank as
    /// an empty ward of its own).
    static func checkUniqueIDs(_ wards: [Ward], field: String, file: String) throws(GeoError) {
        var features = [String: [Int]]()
        var order = [String]()
        for w in wards {
            if features[w.id] == nil { order.append(w.id) }
            features[w.id, default: []].append(w.featureIndex + 1)
        }
        let repeated = order.filter { (features[$0]?.count ?? 0) > 1 }
        guard let first = repeated.first, let at = features[first] else { return }
        let others = repeated.dropFirst().prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        throw .invalidInput("\(file): ward id '\(first)' (field \(field)) is on features \(at.map(String.init).joined(separator: ", "))"
            + (repeated.count > 1 ? "; also repeated: \(others)\(repeated.count > 6 ? ", ..." : "") (\(repeated.count) ids in all)" : "")
            + "; ward ids must be unique: remove the duplicated features or choose another field with --ward-id")
    }

    /// Refuses wards that overlap by more than ``maximumOverlapShare`` of the smaller one, or
    /// that repeat the same boundary; returns a warning for smaller overlaps.
    /// - Complexity: one GEOS intersection per pair of wards whose envelopes meet.
    static func checkOverlaps(_ wards: [Ward], file: String) throws(GeoError) -> [String] {
        let index = try PolygonIndex(wards.map(\.geometry))
        var small = [(String, String, Double)]()
        var large = [(String, String, Double, Double)]()
        func name(_ w: Ward) -> String { "\(w.name) (id \(w.id), feature \(w.featureIndex + 1))" }
        for (i, a) in wards.enumerated() {
            guard let box = a.geometry.bounds else { continue }
            for j in try index.candidates(in: box) where j > i {
                let b = wards[j]
                let shared = try GeometryOps.area(try GeometryOps.intersection(a.geometry, b.geometry))
                guard shared > overlapNoticeSquareMeters else { continue }
                let smaller = min(a.areaSquareMeters, b.areaSquareMeters)
                if shared >= 0.99 * max(a.areaSquareMeters, b.areaSquareMeters) {
                    throw .invalidInput("\(file): \(name(a)) and \(name(b)) have the same boundary (\(km2(shared)) km² in common); a ward counted twice changes every total: remove one of them")
                }
                if shared > maximumOverlapShare * smaller {
                    large.append((name(a), name(b), shared, shared / smaller))
                } else {
                    small.append((name(a), name(b), shared))
                }
            }
        }
        if let (a, b, shared, share) = large.first {
            throw .invalidInput("\(file): \(a) and \(b) overlap by \(km2(shared)) km² (\(String(format: "%.1f", share * 100))% of the smaller)"
                + (large.count > 1 ? "; \(large.count) pairs overlap in all" : "")
                + "; incidents and cells there would count in one ward only and areas twice: fix the boundaries so that wards do not overlap")
        }
        guard let (a, b, shared) = small.max(by: { $0.2 < $1.2 }) else { return [] }
        return ["\(file): \(small.count) pair\(small.count == 1 ? "" : "s") of wards overlap slightly (largest: \(a) and \(b), \(Int(shared.rounded())) m²); a point in an overlap counts in the first ward"]
    }

    private static func km2(_ m2: Double) -> String { String(format: "%.3f", m2 / 1e6) }
}
