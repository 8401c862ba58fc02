import GeoKit

/// One road line with its name and class, metres in the working CRS.
public struct RoadLine: Sendable, Hashable {
    /// The line's position in the layer (0-based feature order; a multi-line's parts share it).
    public var featureIndex: Int
    /// `name`, else `ref`, else "" (OpenStreetMap fields).
    public var name: String
    /// The class (OpenStreetMap `highway`: `trunk`, `primary`, …).
    public var roadClass: String
    public var line: LineString<PlanarPoint>

    public init(featureIndex: Int, name: String, roadClass: String, line: LineString<PlanarPoint>) {
        self.featureIndex = featureIndex
        self.name = name
        self.roadClass = roadClass
        self.line = line
    }

    /// Length in metres.
    public var lengthMeters: Double {
        zip(line.points, line.points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    }
}

/// A road layer read with names and classes (for black spots, road-aligned cameras and
/// gateways).
public struct RoadNetwork: Sendable {
    public var file: String
    public var roads: [RoadLine]

    /// Fields tried for the class and the name, case-insensitive.
    public static let classFields = ["highway", "road_class", "class", "loai_duong", "cap_duong"]
    public static let nameFields = ["name", "ten_duong", "ten"]
    public static let refFields = ["ref", "so_hieu"]

    public init(file: String = "", roads: [RoadLine]) {
        self.file = file
        self.roads = roads
    }

    /// The roads whose class is in `classes` (all when `classes` is empty).
    public func filtered(classes: [String]) -> [RoadLine] {
        guard !classes.isEmpty else { return roads }
        let set = Set(classes.map { $0.lowercased() })
        return roads.filter { set.contains($0.roadClass.lowercased()) }
    }

    /// Reads a line layer into `work` metres.
    /// - Throws: GeoKit read and projection errors; ``GeoError/wrongGeometry(file:feature:found:expected:)``
    ///   for a non-line feature; ``GeoError/missingField(file:field:available:)`` when no class field exists.
    public static func load(_ file: String, to work: CRS, classField: String? = nil) throws -> RoadNetwork {
        let layer = try VectorReader.read(file)
        let t = try CoordinateTransform(from: layer.crs ?? .wgs84, to: work)
        func pick(_ asked: String?, _ names: [String]) throws -> String? {
            if let asked {
                guard let f = layer.field(named: asked) else {
                    throw GeoError.missingField(file: file, field: asked, available: layer.fields.map(\.name))
                }
                return f.name
            }
            return names.lazy.compactMap { layer.field(named: $0)?.name }.first
        }
        guard let cls = try pick(classField, classFields) else {
            throw GeoError.missingField(file: file, field: "road class (\(classFields.joined(separator: ", ")))",
                                        available: layer.fields.map(\.name))
        }
        let nameField = try pick(nil, nameFields), refField = try pick(nil, refFields)
        var out: [RoadLine] = []
        for (k, f) in layer.features.enumerated() {
            guard let g = f.geometry else { continue }
            let parts: [LineString<SourceXY>]
            switch g {
            case .lineString(let l): parts = [l]
            case .multiLineString(let ls): parts = ls
            default:
                throw GeoError.wrongGeometry(file: file, feature: layer.rowNumber(ofFeature: f.index), found: g.typeName,
                                             expected: "LineString")
            }
            let name = nameField.flatMap { f[$0].stringValue }.flatMap { $0.isEmpty ? nil : $0 }
                ?? refField.flatMap { f[$0].stringValue } ?? ""
            let roadClass = f[cls].stringValue ?? ""
            for p in parts {
                out.append(RoadLine(featureIndex: k, name: name, roadClass: roadClass,
                                    line: LineString(try t.transform(p.points))))
            }
        }
        guard !out.isEmpty else { throw GeoError.empty(file: file, layer: layer.name) }
        return RoadNetwork(file: file, roads: out)
    }
}
