import Foundation

/// Loads incident points from CSV/XLSX tables (coordinate columns) or any OGR point layer,
/// validates every row, projects the accepted ones into the boundaries' working CRS and
/// assigns each to its ward. Nothing is dropped silently: every rejected row is listed
/// with its reason (``IncidentSet/rejections``).
public enum IncidentLoader {
    static let xCandidates = ["lon", "lng", "long", "longitude", "x", "kinh_do", "kinhdo", "kinh do"]
    static let yCandidates = ["lat", "latitude", "y", "vi_do", "vido", "vi do"]

    /// Reads `file` against `boundaries`.
    ///
    /// Rows are rejected (listed in ``IncidentSet/rejections`` with a reason, never dropped
    /// in silence) for empty, non-numeric, out-of-range or apparently swapped coordinates, a
    /// point outside every ward, a bad date or one outside ``IncidentOptions/dateWindow``, an
    /// empty or non-numeric weight, and an id already used by an earlier accepted row.
    /// Rejections that may change a result also become ``IncidentSet/warnings``.
    /// - Throws: ``GeoError/unreadable(file:reason:)``, ``GeoError/empty(file:layer:)``,
    ///   ``GeoError/missingField(file:field:available:)`` (no coordinate columns, or a named
    ///   field absent), ``GeoError/wrongGeometry(file:feature:found:expected:)`` for a layer
    ///   of lines or polygons, ``GeoError/projection(_:)``,
    ///   ``GeoError/badValue(file:row:field:value:expected:)`` for a negative weight (the row
    ///   and the value as written), ``GeoError/encoding(file:line:detail:)`` and
    ///   ``GeoError/malformedTable(file:line:reason:)`` (see ``CSVPreflight``). When the file
    ///   has several layers and none was named, the message lists them.
    /// - Complexity: O(n log w) for n rows and w wards (STRtree + prepared polygons).
    public static func load(_ file: String, options: IncidentOptions = IncidentOptions(),
                            boundaries: BoundarySet) throws(GeoError) -> IncidentSet {
        let layer = try VectorReader.readTable(file, layer: options.layer, encoding: options.encoding)
        do {
            return try load(layer, options: options, boundaries: boundaries)
        } catch {
            throw error.adding(options.layer == nil ? layer.otherLayersHint(option: "--incidents-layer") : nil)
        }
    }

    static func load(_ layer: VectorTable, options: IncidentOptions, boundaries: BoundarySet) throws(GeoError) -> IncidentSet {
        let file = layer.file
        func resolve(_ asked: String?, _ candidates: [String]) throws(GeoError) -> [FieldValue]? {
            try BoundaryLoader.resolve(asked, candidates, in: layer).flatMap { layer.column($0) }
        }
        let idColumn = try resolve(options.idField, ["id", "ma", "stt"])
        let dateName = try BoundaryLoader.resolve(options.dateField, ["date", "ngay", "ngay_xay_ra", "datetime"], in: layer)
        let dateColumn = dateName.flatMap { layer.column($0) }
        let categoryColumn = try resolve(options.categoryField, ["category", "loai", "toi_danh"])
        let severityColumn = try resolve(options.severityField, ["severity", "muc_do"])
        let solvedColumn = try resolve(options.solvedField, ["solved", "da_pha_an", "pha_an"])
        let weightName = try BoundaryLoader.resolve(options.weightField, [], in: layer)
        let weightColumn = weightName.flatMap { layer.column($0) }

        let useGeometry = layer.geometryType != nil && options.xField == nil && options.yField == nil
        var xName: String?, yName: String?
        if !useGeometry {
            xName = try BoundaryLoader.resolve(options.xField, xCandidates, in: layer)
            yName = try BoundaryLoader.resolve(options.yField, yCandidates, in: layer)
            guard xName != nil else {
                throw .missingField(file: file, field: "longitude/x (lon, lng, longitude, x, kinh_do; or --x-field)", available: layer.fields.map(\.name))
            }
            guard yName != nil else {
                throw .missingField(file: file, field: "latitude/y (lat, latitude, y, vi_do; or --y-field)", available: layer.fields.map(\.name))
            }
        }
        let xColumn = xName.flatMap { layer.column($0) }, yColumn = yName.flatMap { layer.column($0) }
        let sourceCRS = layer.crs ?? options.sourceCRS ?? .wgs84
        // Study area with a half-degree margin, for the swap test on lon/lat data.
        let study = BoundingBox<LonLat>(minX: boundaries.lonLatBounds.minX - 0.5, minY: boundaries.lonLatBounds.minY - 0.5,
                                        maxX: boundaries.lonLatBounds.maxX + 0.5, maxY: boundaries.lonLatBounds.maxY + 0.5)

        func idOf(_ row: Int) -> String {
            idColumn?[row].stringValue ?? String(layer.rowNumber(ofFeature: row))
        }
        var candidateRows = [Int]()
        var candidateDates = [CalendarDate?]()
        var candidateWeights = [Double]()
        var raws = [(x: String, y: String)]()
        var xs = [Double](), ys = [Double]()
        candidateRows.reserveCapacity(layer.count)
        xs.reserveCapacity(layer.count)
        ys.reserveCapacity(layer.count)
        var rejections = [Rejection]()

        for k in 0..<layer.count {
            let row = layer.rowNumber(ofFeature: k)
            var rawX = "", rawY = ""
            var point: SourceXY?
            if useGeometry {
                switch layer.geometries[k] {
                case .point(let p)?:
                    point = p
                case .multiPoint(let ps)? where ps.count == 1:
                    point = ps[0]
                case nil:
                    break
                case let g?:
                    throw .wrongGeometry(file: file, feature: row, found: g.typeName, expected: "Point")
                }
                guard let p = point else {
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .emptyCoordinates, detail: "feature has no geometry", rawX: "", rawY: ""))
                    continue
                }
                rawX = String(p.x)
                rawY = String(p.y)
            } else if let xColumn, let yColumn, let xName, let yName {
                rawX = trimmed(xColumn[k].stringValue ?? "")
                rawY = trimmed(yColumn[k].stringValue ?? "")
                if rawX.isEmpty || rawY.isEmpty {
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .emptyCoordinates,
                                                detail: rawX.isEmpty ? "\(xName) is empty" : "\(yName) is empty", rawX: rawX, rawY: rawY))
                    continue
                }
                let x = xColumn[k].number ?? number(rawX), y = yColumn[k].number ?? number(rawY)
                guard let x, let y else {
                    let bad = x == nil ? "\(xName)='\(rawX)'" : "\(yName)='\(rawY)'"
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .nonNumeric, detail: bad, rawX: rawX, rawY: rawY))
                    continue
                }
                point = SourceXY(x: x, y: y)
            }
            guard let p = point else { continue }
            guard p.x.isFinite, p.y.isFinite else {
                rejections.append(Rejection(row: row, id: idOf(k), reason: .nonNumeric, detail: "not a finite number", rawX: rawX, rawY: rawY))
                continue
            }
            if sourceCRS.isGeographic {
                if abs(p.y) > 90 || abs(p.x) > 180 {
                    let reason: RejectReason = abs(p.x) <= 90 && abs(p.y) <= 180 ? .swappedLatLon : .outOfRange
                    rejections.append(Rejection(row: row, id: idOf(k), reason: reason, detail: "lon \(rawX), lat \(rawY)", rawX: rawX, rawY: rawY))
                    continue
                }
                if !study.contains(LonLat(lon: p.x, lat: p.y)) && study.contains(LonLat(lon: p.y, lat: p.x)) {
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .swappedLatLon,
                                                detail: "lon \(rawX), lat \(rawY) lies in the study area only when swapped", rawX: rawX, rawY: rawY))
                    continue
                }
            }
            var date: CalendarDate?
            if let dateColumn, let dateName {
                let raw = trimmed(dateColumn[k].stringValue ?? "")
                guard let d = CalendarDate(parsing: raw) else {
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .badDate,
                                                detail: raw.isEmpty ? "\(dateName) is empty" : "\(dateName)='\(raw)' (expected yyyy-mm-dd or dd/mm/yyyy)",
                                                rawX: rawX, rawY: rawY))
                    continue
                }
                guard options.dateWindow.contains(d) else {
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .dateOutsideWindow,
                                                detail: "\(dateName)='\(raw)' is outside \(options.dateWindow) (change the window with --date-window)",
                                                rawX: rawX, rawY: rawY))
                    continue
                }
                date = d
            }
            var weight = 1.0
            if let weightColumn, let weightName {
                switch parseWeight(weightColumn[k]) {
                case .success(let w):
                    guard w >= 0 else {
                        throw .badValue(file: file, row: row, field: weightName, value: weightColumn[k].stringValue ?? String(w),
                                        expected: "a weight >= 0 (a negative weight would subtract incidents)")
                    }
                    weight = w
                case .failure(let problem):
                    rejections.append(Rejection(row: row, id: idOf(k), reason: .badWeight, detail: "\(weightName): \(problem.text)",
                                                rawX: rawX, rawY: rawY))
                    continue
                }
            }
            candidateRows.append(k)
            candidateDates.append(date)
            candidateWeights.append(weight)
            raws.append((rawX, rawY))
            xs.append(p.x)
            ys.append(p.y)
        }

        // Degrees were assumed (no CRS in the file, none given) but nothing looks like degrees:
        // the columns are projected coordinates and need --crs.
        if layer.crs == nil, options.sourceCRS == nil, candidateRows.isEmpty,
           rejections.contains(where: { $0.reason == .outOfRange }) {
            throw .unknownCRS(file: file)
        }

        // Project in one batch.
        let toWork = try CoordinateTransform(from: sourceCRS, to: boundaries.workCRS)
        let failed = Set(try toWork.transform(xs: &xs, ys: &ys))

        // Assign wards.
        let index = try PolygonIndex(boundaries.wards.map(\.geometry))
        var set = try IncidentSet(file: file, points: PlanarPointSet(), ids: [], dates: [], categories: [], severities: [],
                              solved: [], weights: [], wardIndices: [], rows: [], rejections: [], sourceCRS: sourceCRS)
        // Row of the first accepted incident with each id (only when the file has ids).
        var firstRowOfID = [String: Int]()
        for (c, k) in candidateRows.enumerated() {
            let row = layer.rowNumber(ofFeature: k)
            let (rawX, rawY) = raws[c]
            if failed.contains(c) {
                rejections.append(Rejection(row: row, id: idOf(k), reason: .untransformable, detail: "PROJ could not transform it from \(sourceCRS.name)", rawX: rawX, rawY: rawY))
                continue
            }
            let p = PlanarPoint(x: xs[c], y: ys[c])
            guard let ward = try index.firstContaining(p) else {
                rejections.append(Rejection(row: row, id: idOf(k), reason: .outsideWards, detail: "x \(rawX), y \(rawY)", rawX: rawX, rawY: rawY))
                continue
            }
            if let idColumn, let id = idColumn[k].stringValue.map(trimmed), !id.isEmpty {
                if let first = firstRowOfID[id] {
                    rejections.append(Rejection(row: row, id: id, reason: .duplicateID, detail: "id '\(id)' is already on row \(first)",
                                                rawX: rawX, rawY: rawY))
                    continue
                }
                firstRowOfID[id] = row
            }
            set.points.append(p)
            set.ids.append(idOf(k))
            set.dates.append(candidateDates[c])
            set.categories.append(categoryColumn?[k].stringValue ?? "")
            set.severities.append(severityColumn?[k].stringValue ?? "")
            set.solved.append(solvedColumn.flatMap { boolean($0[k]) })
            set.weights.append(candidateWeights[c])
            set.wardIndices.append(ward)
            set.rows.append(row)
        }
        rejections.sort { $0.row < $1.row }
        set.rejections = rejections
        set.warnings = warnings(for: rejections, file: file, window: options.dateWindow)
        return set
    }

    /// Warnings for the rejections that may change a result without the user noticing:
    /// dates outside the window (they would have moved "the latest year") and repeated ids
    /// (they would have counted twice).
    static func warnings(for rejections: [Rejection], file: String, window: DateWindow) -> [String] {
        var out = [String]()
        let dates = rejections.filter { $0.reason == .dateOutsideWindow }
        if let first = dates.first {
            out.append("\(file): \(dates.count) row\(dates.count == 1 ? "" : "s") dated outside \(window) rejected (first: row \(first.row), \(first.detail))")
        }
        let dups = rejections.filter { $0.reason == .duplicateID }
        if let first = dups.first {
            out.append("\(file): \(dups.count) row\(dups.count == 1 ? "" : "s") with an id already used rejected (first: row \(first.row), \(first.detail))")
        }
        let weights = rejections.filter { $0.reason == .badWeight }
        if let first = weights.first {
            out.append("\(file): \(weights.count) row\(weights.count == 1 ? "" : "s") with an empty or non-numeric weight rejected (first: row \(first.row), \(first.detail))")
        }
        return out
    }

    /// Why a weight cell is unusable (the message part of a rejection).
    struct WeightProblem: Error {
        var text: String
    }

    /// A weight cell as a number: numbers as stored, text as a decimal number. A single
    /// decimal comma is read as in Vietnamese (`2,5` = 2.5) unless exactly three digits
    /// follow it (`2,500`: 2.5 or 2500?), which is refused as ambiguous. Empty, non-numeric
    /// and non-finite values are problems; the sign is checked by the caller.
    static func parseWeight(_ v: FieldValue) -> Result<Double, WeightProblem> {
        switch v {
        case .integer(let i): return .success(Double(i))
        case .real(let d):
            return d.isFinite ? .success(d) : .failure(WeightProblem(text: "'\(d)' is not a finite number"))
        case .null: return .failure(WeightProblem(text: "empty (expected a number)"))
        case .bool(let b): return .failure(WeightProblem(text: "'\(b)' is not a number"))
        case .string(let raw):
            let s = trimmed(raw)
            if s.isEmpty { return .failure(WeightProblem(text: "empty (expected a number)")) }
            var value = Double(s)
            if value == nil, !s.contains("."), s.filter({ $0 == "," }).count == 1 {
                let decimals = s.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
                if decimals.count == 3, decimals.allSatisfy(\.isNumber) {
                    return .failure(WeightProblem(text: "'\(s)' is ambiguous (2.5 with a decimal comma, 2500 with a thousands separator); write it with a point or without a separator"))
                }
                value = Double(s.replacingOccurrences(of: ",", with: "."))
            }
            guard let value else { return .failure(WeightProblem(text: "'\(s)' is not a number")) }
            guard value.isFinite else { return .failure(WeightProblem(text: "'\(s)' is not a finite number")) }
            return .success(value)
        }
    }

    /// `s` without leading and trailing spaces and tabs.
    static func trimmed(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last else { return s }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        if !blank(first) && !blank(last) { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
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
            switch trimmed(s).lowercased() {
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
