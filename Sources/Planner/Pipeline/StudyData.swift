import Coverage
import Foundation
import GeoKit
import HotSpots

/// Where a study's inputs are, and how to read them. `incidents` is required; without
/// `wards` the study area is the box around the candidate sites (2 km margin), one unit.
public struct StudyInputs: Sendable {
    public var wards: String?
    public var incidents: String
    public var boundaryOptions: BoundaryOptions
    public var incidentOptions: IncidentOptions
    /// Candidate camera sites (points) and their id field.
    public var candidates: String?
    public var candidateIDField: String?
    /// Road lines from which candidate sites (and road demand) are made.
    public var roads: String?
    /// Installed cameras: points with `camera_type` and `heading_deg` fields.
    public var existing: String?
    /// Building footprints that block a camera's view.
    public var obstacles: String?
    /// Camera catalog JSON; the built-in catalog when `nil`.
    public var catalog: String?
    /// Traffic accidents (item 4 of the directive), read like incidents.
    public var accidents: String?
    /// Ward attribute holding residents.
    public var populationField: String?
    /// Polygons where no new camera may stand (private land, water, military areas).
    public var exclusions: String?

    /// How the accident file is read, in one place for the scorecard and the traffic plan:
    /// default columns, and the CRS given for inputs that carry none (`--crs`).
    public var accidentOptions: IncidentOptions {
        var o = IncidentOptions()
        o.sourceCRS = incidentOptions.sourceCRS
        return o
    }

    /// Every input file named here (for ``OutputStaging``'s check that `--out` holds none).
    public var files: [String] {
        [wards, incidents, candidates, roads, existing, obstacles, catalog, accidents, exclusions].compactMap { $0 }
    }

    public init(wards: String?, incidents: String, boundaryOptions: BoundaryOptions = .init(),
                incidentOptions: IncidentOptions = .init()) {
        self.wards = wards
        self.incidents = incidents
        self.boundaryOptions = boundaryOptions
        self.incidentOptions = incidentOptions
    }
}

/// An installed camera read from the `existing` layer, in working-CRS metres.
public struct InstalledCamera: Sendable, Equatable {
    public var id: String
    public var location: PlanarPoint
    public var typeID: String
    /// `nil` for 360° and PTZ cameras.
    public var headingDegrees: Double?
}

/// Everything a run reads, loaded once and shared by every scenario: boundaries and
/// incidents in the working CRS, roads, obstacles, installed cameras, the catalog.
public struct StudyData: Sendable {
    public var inputs: StudyInputs
    public var boundaries: BoundarySet
    public var incidents: IncidentSet
    public var accidents: IncidentSet?
    public var roads: [LineString<PlanarPoint>]
    /// The `name` of each road line (OSM street names; `nil` when unnamed or absent), for the
    /// installer's list.
    public var roadNames: [String?] = []
    public var obstacles: [Polygon<PlanarPoint>]
    /// Areas where no candidate site is kept.
    public var exclusions: [Polygon<PlanarPoint>]
    public var installed: [InstalledCamera]
    public var candidateSites: [CandidateSite]?
    public var catalog: CameraCatalog
    /// Residents per ward (same order as `boundaries.wards`), when a population field exists.
    public var populations: [Double?]
    /// The severity class of every incident (``SeverityParsing``).
    public var severityClasses: [SeverityClass]
    /// What may make a result wrong without being an error, from every loader (boundaries,
    /// incidents, accidents, installed cameras), one line each: for the console and
    /// `summary.json`.
    public var warnings: [String] = []

    /// Reads every input. Errors name the file and, where it applies, the row and field.
    public static func load(_ inputs: StudyInputs, progress: ProgressReporter? = nil) throws -> StudyData {
        progress?.stage("loading boundaries")
        let boundaries: BoundarySet
        if let wards = inputs.wards {
            boundaries = try BoundaryLoader.load(wards, options: inputs.boundaryOptions)
        } else {
            guard let candidates = inputs.candidates else {
                throw GeoError.invalidInput("without --wards, give --candidates: the study area is the box around the candidate sites")
            }
            boundaries = try areaAround(candidates, workCRS: inputs.boundaryOptions.workCRS)
        }
        progress?.stage("loading incidents")
        let incidents = try IncidentLoader.load(inputs.incidents, options: inputs.incidentOptions, boundaries: boundaries)
        try requireUsable(incidents)
        let classes = try SeverityParsing.classes(of: incidents)
        let accidents = try inputs.accidents.map {
            try IncidentLoader.load($0, options: inputs.accidentOptions, boundaries: boundaries)
        }
        if let accidents { try requireUsable(accidents, noun: "accident") }
        let work = boundaries.workCRS
        progress?.stage("loading roads and buildings")
        let (roads, roadNames) = try inputs.roads.map { try readLines($0, to: work) } ?? ([], [])
        let obstacles = try inputs.obstacles.map { try readPolygons($0, to: work) } ?? []
        let exclusions = try inputs.exclusions.map { try readPolygons($0, to: work) } ?? []
        let catalog: CameraCatalog
        if let path = inputs.catalog {
            catalog = try CameraCatalog(contentsOf: URL(fileURLWithPath: path))
        } else {
            catalog = try CameraCatalog.builtIn()
        }
        var cameraWarnings = [String]()
        var installed = [InstalledCamera]()
        if let existing = inputs.existing {
            (installed, cameraWarnings) = try readInstalled(existing, to: work, catalog: catalog, studyArea: boundaries)
        }
        let candidates = try inputs.candidates.map { try readCandidates($0, idField: inputs.candidateIDField, to: work) }
        var populations = [Double?](repeating: nil, count: boundaries.wards.count)
        // The population field: as given, else a field named population / dan_so when present.
        let populationField = inputs.populationField
            ?? boundaries.fields.first { ["population", "dan_so", "danso"].contains($0.name.lowercased()) }?.name
        if let field = populationField {
            guard boundaries.fields.contains(where: { $0.name == field }) else {
                throw GeoError.missingField(file: inputs.wards ?? "", field: field, available: boundaries.fields.map(\.name))
            }
            for (i, w) in boundaries.wards.enumerated() {
                populations[i] = w.attributes[field]?.doubleValue
            }
        }
        var data = StudyData(inputs: inputs, boundaries: boundaries, incidents: incidents, accidents: accidents, roads: roads,
                             roadNames: roadNames, obstacles: obstacles, exclusions: exclusions, installed: installed, candidateSites: candidates, catalog: catalog,
                             populations: populations, severityClasses: classes)
        data.warnings = boundaries.warnings + incidents.warnings + (accidents?.warnings ?? [])
            + [accidents.flatMap(accidentRejectionWarning)].compactMap { $0 } + cameraWarnings
        return data
    }

    /// Throws when no incident row was usable: every row rejected is an empty input, not a
    /// result. The message counts the rejections by reason.
    public static func requireUsable(_ incidents: IncidentSet, noun: String = "incident") throws {
        guard incidents.count == 0 else { return }
        throw GeoError.invalidInput("\(incidents.file): no usable \(noun) among \(incidents.rowCount) rows (\(rejectionTally(incidents))); check the coordinate columns, --crs and the study area")
    }

    /// `3 outside_study_area, 1 bad_date`: the rejections of `incidents` by reason.
    static func rejectionTally(_ incidents: IncidentSet) -> String {
        var reasons: [String: Int] = [:]
        for r in incidents.rejections { reasons[r.reason.rawValue, default: 0] += 1 }
        return reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    /// The warning for accident rows left out (outside every ward, bad coordinates or dates):
    /// they count in no black spot, accident figure or scorecard line. `nil` when none was.
    static func accidentRejectionWarning(_ accidents: IncidentSet) -> String? {
        guard !accidents.rejections.isEmpty else { return nil }
        let rows = accidents.rejections.prefix(5).map { "\($0.row)" }.joined(separator: ", ")
        return "\(accidents.file): \(accidents.rejections.count) of \(accidents.rowCount) accident rows rejected "
            + "(\(rejectionTally(accidents)); rows \(rows)\(accidents.rejections.count > 5 ? ", ..." : "")); they count in no figure; "
            + "see accident-rejects.csv"
    }

    /// The union of the ward polygons as one multipolygon (no dissolve: shared edges stay).
    public var studyArea: MultiPolygon<PlanarPoint> {
        MultiPolygon(boundaries.wards.flatMap(\.geometry.polygons))
    }

    /// A one-unit boundary set: the box around the points of `file`, widened by `margin`
    /// metres, in the UTM zone of their centre (or `workCRS`).
    static func areaAround(_ file: String, workCRS: CRS?, marginMeters: Double = 2000) throws -> BoundarySet {
        let layer = try VectorReader.read(file)
        let source = layer.crs ?? .wgs84
        let toLonLat = try CoordinateTransform(from: source, to: .wgs84)
        var lonlat: [LonLat] = []
        for f in layer.features {
            guard case .point(let p)? = f.geometry else {
                throw GeoError.wrongGeometry(file: file, feature: layer.rowNumber(ofFeature: f.index),
                                             found: f.geometry?.typeName ?? "empty geometry", expected: "Point")
            }
            lonlat.append(try toLonLat.transform(p))
        }
        guard let box = BoundingBox(of: lonlat) else { throw GeoError.empty(file: file, layer: layer.name) }
        let work = try workCRS ?? CRS.utm(containing: LonLat(lon: (box.minX + box.maxX) / 2, lat: (box.minY + box.maxY) / 2))
        let toWork = try CoordinateTransform(from: .wgs84, to: work)
        let planar: [PlanarPoint] = try toWork.transform(lonlat)
        guard var b = BoundingBox(of: planar) else { throw GeoError.empty(file: file, layer: layer.name) }
        b = BoundingBox(minX: b.minX - marginMeters, minY: b.minY - marginMeters, maxX: b.maxX + marginMeters, maxY: b.maxY + marginMeters)
        let ring = [PlanarPoint(x: b.minX, y: b.minY), PlanarPoint(x: b.maxX, y: b.minY), PlanarPoint(x: b.maxX, y: b.maxY),
                    PlanarPoint(x: b.minX, y: b.maxY)]
        let area = MultiPolygon([Polygon(exterior: ring)])
        let corners: [LonLat] = try toWork.transform(ring, direction: .inverse)
        guard let llBox = BoundingBox(of: corners) else { throw GeoError.empty(file: file, layer: layer.name) }
        let ward = Ward(featureIndex: 0, id: "study-area", name: "study area", type: .other, group: "study area",
                        areaSquareMeters: b.width * b.height, geometry: area, attributes: [:])
        return BoundarySet(file: file, layerName: "study area", wards: [ward], repairs: [], sourceCRS: .wgs84, workCRS: work,
                           groupField: nil, lonLatBounds: llBox, fields: [])
    }

    static func transform(_ layer: VectorLayer, to work: CRS) throws -> CoordinateTransform {
        try CoordinateTransform(from: layer.crs ?? .wgs84, to: work)
    }

    /// The lines of a road layer in the work CRS, and the `name` of each (a multi-line's
    /// parts share their feature's name).
    static func readLines(_ file: String, to work: CRS) throws -> ([LineString<PlanarPoint>], [String?]) {
        let layer = try VectorReader.read(file)
        let t = try transform(layer, to: work)
        var out: [LineString<PlanarPoint>] = []
        var names: [String?] = []
        out.reserveCapacity(layer.features.count)
        let nameField = layer.field(named: "name")?.name
        for f in layer.features {
            guard let g = f.geometry else { continue }
            let name = nameField.flatMap { f[$0].stringValue }
            switch g {
            case .lineString(let l):
                out.append(LineString(try t.transform(l.points)))
                names.append(name)
            case .multiLineString(let ls):
                for l in ls {
                    out.append(LineString(try t.transform(l.points)))
                    names.append(name)
                }
            default:
                throw GeoError.wrongGeometry(file: file, feature: layer.rowNumber(ofFeature: f.index), found: g.typeName, expected: "LineString")
            }
        }
        guard !out.isEmpty else { throw GeoError.empty(file: file, layer: layer.name) }
        return (out, names)
    }

    static func readPolygons(_ file: String, to work: CRS) throws -> [Polygon<PlanarPoint>] {
        let layer = try VectorReader.read(file)
        let t = try transform(layer, to: work)
        var out: [Polygon<PlanarPoint>] = []
        for f in layer.features {
            guard let g = f.geometry else { continue }
            guard let mp = g.asMultiPolygon else {
                throw GeoError.wrongGeometry(file: file, feature: layer.rowNumber(ofFeature: f.index), found: g.typeName, expected: "Polygon")
            }
            out += (try t.transform(mp) as MultiPolygon<PlanarPoint>).polygons
        }
        return out
    }

    static func points(_ layer: VectorLayer, to work: CRS) throws -> [(Feature<SourceXY>, PlanarPoint)] {
        let t = try transform(layer, to: work)
        return try layer.features.map { f in
            guard case .point(let p)? = f.geometry else {
                throw GeoError.wrongGeometry(file: layer.file, feature: layer.rowNumber(ofFeature: f.index),
                                             found: f.geometry?.typeName ?? "empty geometry", expected: "Point")
            }
            return (f, try t.transform(p) as PlanarPoint)
        }
    }

    /// Distance beyond the wards' extent at which an installed camera is taken for a
    /// coordinate error (a camera at 0,0 or in another province) and left out.
    static let installedMarginMeters = 1000.0

    /// Reads the installed cameras. Left out, each with a warning (they would be counted
    /// twice or cover nothing): a camera more than ``installedMarginMeters`` outside the
    /// extent of the wards, a repeated id, and a repeat of an earlier camera (same type and
    /// heading, same spot on a 0.5 m grid).
    /// - Throws: ``GeoError`` for a missing `camera_type` field, an unknown type or a bad
    ///   heading (the row and value are named).
    public static func readInstalled(_ file: String, to work: CRS, catalog: CameraCatalog,
                              studyArea: BoundarySet) throws -> (cameras: [InstalledCamera], warnings: [String]) {
        let layer = try VectorReader.read(file)
        for needed in ["camera_type"] where layer.field(named: needed) == nil {
            throw GeoError.missingField(file: file, field: needed, available: layer.fields.map(\.name))
        }
        let bounds = studyArea.wards.compactMap(\.geometry.bounds)
        let m = installedMarginMeters
        var cameras = [InstalledCamera]()
        var skipped = [String]()
        var northward = [String]()
        var rowOfID = [String: Int]()
        var rowAt = [String: Int]()
        for (f, p) in try points(layer, to: work) {
            let row = layer.rowNumber(ofFeature: f.index)
            guard let type = f["camera_type"].stringValue, !type.isEmpty else {
                throw GeoError.badValue(file: file, row: row, field: "camera_type", value: "", expected: "a camera type id")
            }
            guard catalog.ids.contains(type) else {
                throw GeoError.badValue(file: file, row: row, field: "camera_type", value: type,
                                        expected: "a catalog type (\(catalog.ids.joined(separator: ", ")))")
            }
            var heading: Double?
            switch f["heading_deg"] {
            case .null: heading = nil
            case let v:
                guard let h = v.doubleValue, h.isFinite else {
                    throw GeoError.badValue(file: file, row: row, field: "heading_deg", value: v.stringValue ?? "", expected: "degrees from north")
                }
                heading = h
            }
            let given = f["id"].stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let id = given ?? "existing-\(row)"
            let inside = bounds.isEmpty || bounds.contains { b in
                p.x >= b.minX - m && p.x <= b.maxX + m && p.y >= b.minY - m && p.y <= b.maxY + m
            }
            guard inside else {
                skipped.append("row \(row) (id \(id)): more than \(Int(m)) m outside the wards' extent")
                continue
            }
            if let given, let first = rowOfID[given] {
                skipped.append("row \(row): id \(given) is already on row \(first)")
                continue
            }
            // Same type and heading on the same 0.5 m grid spot: the same camera listed twice.
            let key = "\(type)|\((p.x * 2).rounded())|\((p.y * 2).rounded())|\(heading.map { String(Int(($0 * 10).rounded())) } ?? "-")"
            if let first = rowAt[key] {
                skipped.append("row \(row) (id \(id)): same place, type and heading as row \(first)")
                continue
            }
            if let given { rowOfID[given] = row }
            rowAt[key] = row
            if heading == nil, let t = try? catalog.type(id: type), needsHeading(t) {
                northward.append("row \(row) (id \(id)\(t.ptzPresets == nil ? "" : ", the start of its preset tour"))")
            }
            cameras.append(InstalledCamera(id: id, location: p, typeID: type, headingDegrees: heading))
        }
        var warnings: [String] = []
        func list(_ items: [String]) -> String { items.prefix(5).joined(separator: "; ") + (items.count > 5 ? "; ..." : "") }
        if !skipped.isEmpty {
            warnings.append("\(file): \(skipped.count) installed camera\(skipped.count == 1 ? "" : "s") left out: \(list(skipped))")
        }
        if !northward.isEmpty {
            warnings.append("\(file): \(northward.count) installed camera\(northward.count == 1 ? " has" : "s have") no heading_deg and "
                + "\(northward.count == 1 ? "is" : "are") credited facing north (0°): \(list(northward))")
        }
        return (cameras, warnings)
    }

    /// Whether an installed camera of type `t` looks one way, so that its coverage depends on
    /// `heading_deg`: every type but a 360° one, and a PTZ only with preset views.
    static func needsHeading(_ t: CameraType) -> Bool {
        t.kind == .ptz ? t.ptzPresets != nil : !(t.is360 || t.horizontalFOVDegrees >= 360)
    }

    static func readCandidates(_ file: String, idField: String?, to work: CRS) throws -> [CandidateSite] {
        let layer = try VectorReader.read(file)
        let field = idField ?? "id"
        guard layer.field(named: field) != nil else {
            throw GeoError.missingField(file: file, field: field, available: layer.fields.map(\.name))
        }
        let pts = try points(layer, to: work)
        guard !pts.isEmpty else { throw GeoError.empty(file: file, layer: layer.name) }
        var seen = Set<String>()
        return try pts.map { f, p in
            let id = f[layer.field(named: field)!.name].stringValue ?? ""
            guard !id.isEmpty, seen.insert(id).inserted else {
                throw GeoError.badValue(file: file, row: layer.rowNumber(ofFeature: f.index), field: field, value: id,
                                        expected: "a unique, non-empty site id")
            }
            return CandidateSite(id: id, location: p, source: .given)
        }
    }
}
