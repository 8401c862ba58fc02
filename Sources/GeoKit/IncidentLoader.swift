import Foundation

/// How to read an incident file. `nil` fields are detected from common names.
public struct IncidentOptions: Sendable {
    /// Layer (or sheet) name; `nil` = the first.
    public var layer: String?
    /// `--x-field`; default the first of lon, lng, long, longitude, x, kinh_do, kinhdo
    /// (case-insensitive). Only for tables; point layers use their geometry.
    public var xField: String?
    /// `--y-field`; default the first of lat, latitude, y, vi_do, vido.
    public var yField: String?
    /// `--crs`: the CRS of the coordinates when the file has none (default WGS 84).
    public var sourceCRS: CRS?
    public var idField: String?
    public var dateField: String?
    public var categoryField: String?
    public var severityField: String?
    public var solvedField: String?
    /// A numeric field weighting each incident (default: every incident weighs 1).
    public var weightField: String?

    public init(layer: String? = nil, xField: String? = nil, yField: String? = nil, sourceCRS: CRS? = nil,
                idField: String? = nil, dateField: String? = nil, categoryField: String? = nil,
                severityField: String? = nil, solvedField: String? = nil, weightField: String? = nil) {
        self.layer = layer
        self.xField = xField
        self.yField = yField
        self.sourceCRS = sourceCRS
        self.idField = idField
        self.dateField = dateField
        self.categoryField = categoryField
        self.severityField = severityField
        self.solvedField = solvedField
        self.weightField = weightField
    }
}

/// Loads incident points from CSV/XLSX tables (coordinate columns) or any OGR point layer,
/// validates every row, projects the accepted ones into the boundaries' working CRS and
/// assigns each to its ward. Nothing is dropped silently: every rejected row is listed
/// with its reason (``IncidentSet/rejections``).
public enum IncidentLoader {
    static let xCandidates = ["lon", "lng", "long", "longitude", "x", "kinh_do", "kinhdo", "kinh do"]
    static let yCandidates = ["lat", "latitude", "y", "vi_do", "vido", "vi do"]

    /// Reads `file` against `boundaries`.
    /// - Throws: ``GeoError/unreadable(file:reason:)``, ``GeoError/empty(file:layer:)``,
    ///   ``GeoError/missingField(file:field:available:)`` (no coordinate columns, or a named
    ///   field absent), ``GeoError/wrongGeometry(file:feature:found:expected:)`` for a layer
    ///   of lines or polygons, ``GeoError/projection(_:)``.
    /// - Complexity: O(n log w) for n rows and w wards (STRtree + prepared polygons).
    public static func load(_ file: String, options: IncidentOptions = IncidentOptions(),
                            boundaries: BoundarySet) throws(GeoError) -> IncidentSet {
        let layer = try VectorReader.read(file, layer: options.layer)
        let r = BoundaryLoader.resolve
        let idField = try r(options.idField, ["id", "ma", "stt"], layer)
        let dateField = try r(options.dateField, ["date", "ngay", "ngay_xay_ra", "datetime"], layer)
        let categoryField = try r(options.categoryField, ["category", "loai", "toi_danh"], layer)
        let severityField = try r(options.severityField, ["severity", "muc_do"], layer)
        let solvedField = try r(options.solvedField, ["solved", "da_pha_an", "pha_an"], layer)
        let weightField = try r(options.weightField, [], layer)

        let useGeometry = layer.geometryType != nil && options.xField == nil && options.yField == nil
        var xField: String?, yField: String?
        if !useGeometry {
            xField = try r(options.xField, xCandidates, layer)
            yField = try r(options.yField, yCandidates, layer)
            guard xField != nil else {
                throw .missingField(file: file, field: "longitude/x (lon, lng, longitude, x, kinh_do; or --x-field)", available: layer.fields.map(\.name))
            }
            guard yField != nil else {
                throw .missingField(file: file, field: "latitude/y (lat, latitude, y, vi_do; or --y-field)", available: layer.fields.map(\.name))
            }
        }
        let sourceCRS = layer.crs ?? options.sourceCRS ?? .wgs84
        // Study area in the source CRS's own terms, for the swap test on lon/lat data.
        let study = BoundingBox<LonLat>(minX: boundaries.lonLatBounds.minX - 0.5, minY: boundaries.lonLatBounds.minY - 0.5,
                                        maxX: boundaries.lonLatBounds.maxX + 0.5, maxY: boundaries.lonLatBounds.maxY + 0.5)

        struct Candidate {
            var feature: Feature<SourceXY>
            var point: SourceXY
            var date: CalendarDate?
            var rawX: String, rawY: String
        }
        var candidates = [Candidate]()
        var rejections = [Rejection]()

        for f in layer.features {
            let row = layer.rowNumber(ofFeature: f.index)
            let id = idField.flatMap { f[$0].stringValue } ?? String(row)
            var rawX = "", rawY = ""
            var point: SourceXY?
            if useGeometry {
                switch f.geometry {
                case .point(let p)?:
                    point = p
                case .multiPoint(let ps)? where ps.count == 1:
                    point = ps[0]
                case nil:
                    break
                case let g?:
                    throw .wrongGeometry(file: file, feature: row, found: g.typeName, expected: "Point")
                }
                if let p = point {
                    rawX = String(p.x)
                    rawY = String(p.y)
                }
                guard let p = point else {
                    rejections.append(Rejection(row: row, id: id, reason: .emptyCoordinates, detail: "feature has no geometry", rawX: "", rawY: ""))
                    continue
                }
                point = p
            } else if let xField, let yField {
                rawX = f[xField].stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
                rawY = f[yField].stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
                if rawX.isEmpty || rawY.isEmpty {
                    rejections.append(Rejection(row: row, id: id, reason: .emptyCoordinates,
                                                detail: rawX.isEmpty ? "\(xField) is empty" : "\(yField) is empty", rawX: rawX, rawY: rawY))
                    continue
                }
                guard let x = number(rawX), let y = number(rawY) else {
                    let bad = number(rawX) == nil ? "\(xField)='\(rawX)'" : "\(yField)='\(rawY)'"
                    rejections.append(Rejection(row: row, id: id, reason: .nonNumeric, detail: bad, rawX: rawX, rawY: rawY))
                    continue
                }
                point = SourceXY(x: x, y: y)
            }
            guard let p = point else { continue }
            guard p.x.isFinite, p.y.isFinite else {
                rejections.append(Rejection(row: row, id: id, reason: .nonNumeric, detail: "not a finite number", rawX: rawX, rawY: rawY))
                continue
            }
            if sourceCRS.isGeographic {
                let inStudy = study.contains(LonLat(lon: p.x, lat: p.y))
                let swappedInStudy = study.contains(LonLat(lon: p.y, lat: p.x))
                if abs(p.y) > 90 || abs(p.x) > 180 {
                    let reason: RejectReason = abs(p.x) <= 90 && abs(p.y) <= 180 ? .swappedLatLon : .outOfRange
                    rejections.append(Rejection(row: row, id: id, reason: reason, detail: "lon \(rawX), lat \(rawY)", rawX: rawX, rawY: rawY))
                    continue
                }
                if !inStudy && swappedInStudy {
                    rejections.append(Rejection(row: row, id: id, reason: .swappedLatLon, detail: "lon \(rawX), lat \(rawY) lies in the study area only when swapped", rawX: rawX, rawY: rawY))
                    continue
                }
            }
            var date: CalendarDate?
            if let dateField {
                let raw = f[dateField].stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
                guard let d = CalendarDate(parsing: raw) else {
                    rejections.append(Rejection(row: row, id: id, reason: .badDate,
                                                detail: raw.isEmpty ? "\(dateField) is empty" : "\(dateField)='\(raw)' (expected yyyy-mm-dd or dd/mm/yyyy)",
                                                rawX: rawX, rawY: rawY))
                    continue
                }
                date = d
            }
            candidates.append(Candidate(feature: f, point: p, date: date, rawX: rawX, rawY: rawY))
        }

        // Project in one batch.
        let toWork = try CoordinateTransform(from: sourceCRS, to: boundaries.workCRS)
        var xs = candidates.map(\.point.x), ys = candidates.map(\.point.y)
        let failed = Set(try toWork.transform(xs: &xs, ys: &ys))

        // Assign wards.
        let index = try PolygonIndex(boundaries.wards.map(\.geometry))
        var set = IncidentSet(file: file, points: PlanarPointSet(), ids: [], dates: [], categories: [], severities: [],
                              solved: [], weights: [], wardIndices: [], rows: [], rejections: [], sourceCRS: sourceCRS)
        for (k, c) in candidates.enumerated() {
            let f = c.feature
            let row = layer.rowNumber(ofFeature: f.index)
            let id = idField.flatMap { f[$0].stringValue } ?? String(row)
            if failed.contains(k) {
                rejections.append(Rejection(row: row, id: id, reason: .untransformable, detail: "PROJ could not transform it from \(sourceCRS.name)", rawX: c.rawX, rawY: c.rawY))
                continue
            }
            let p = PlanarPoint(x: xs[k], y: ys[k])
            guard let ward = try index.firstContaining(p) else {
                rejections.append(Rejection(row: row, id: id, reason: .outsideWards, detail: "x \(c.rawX), y \(c.rawY)", rawX: c.rawX, rawY: c.rawY))
                continue
            }
            set.points.append(p)
            set.ids.append(id)
            set.dates.append(c.date)
            set.categories.append(categoryField.flatMap { f[$0].stringValue } ?? "")
            set.severities.append(severityField.flatMap { f[$0].stringValue } ?? "")
            set.solved.append(solvedField.flatMap { boolean(f[$0]) })
            set.weights.append(weightField.flatMap { f[$0].doubleValue } ?? 1)
            set.wardIndices.append(ward)
            set.rows.append(row)
        }
        rejections.sort { $0.row < $1.row }
        set.rejections = rejections
        return set
    }

    /// A coordinate cell as a number; a single decimal comma ("106,36") is accepted.
    static func number(_ s: String) -> Double? {
        if let v = Double(s) { return v }
        if !s.contains("."), s.filter({ $0 == "," }).count == 1 {
            return Double(s.replacingOccurrences(of: ",", with: "."))
        }
        return nil
    }

    /// yes/no from a bool, 0/1, or text (true/false, yes/no, có/không, đã/chưa, x).
    static func boolean(_ v: FieldValue) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .integer(let i): return i == 0 ? false : i == 1 ? true : nil
        case .real(let d): return d == 0 ? false : d == 1 ? true : nil
        case .null: return nil
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "t", "yes", "y", "1", "có", "co", "đã", "x": return true
            case "false", "f", "no", "n", "0", "không", "khong", "chưa", "": return false
            default: return nil
            }
        }
    }

    /// Writes `rejections` as CSV (`row,id,reason,detail,raw_x,raw_y`), atomically.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func writeRejects(_ rejections: [Rejection], to path: String) throws(GeoError) {
        let fields = [FieldDefinition("row", .integer), FieldDefinition("id", .string), FieldDefinition("reason", .string),
                      FieldDefinition("detail", .string), FieldDefinition("raw_x", .string), FieldDefinition("raw_y", .string)]
        let features = rejections.enumerated().map { i, r in
            Feature<LonLat>(index: i, geometry: nil, attributes: [
                "row": .integer(Int64(r.row)), "id": .string(r.id), "reason": .string(r.reason.rawValue),
                "detail": .string(r.detail), "raw_x": .string(r.rawX), "raw_y": .string(r.rawY),
            ])
        }
        try VectorWriter.writeCSV(try OutputLayer(name: "rejects", fields: fields, geometryType: .none, features: features), to: path)
    }
}
