/// What a read layer is apart from its rows: where it came from, its fields, geometry type and
/// CRS. Declared once for both shapes of a read layer (``VectorLayer``, features;
/// ``VectorTable``, columns).
public struct LayerInfo: Sendable {
    /// The path it was read from (for messages).
    public var file: String
    /// The layer name inside the dataset.
    public var name: String
    /// The GDAL driver short name ("GeoJSON", "ESRI Shapefile", "GPKG", "CSV", "XLSX", ...).
    public var driver: String
    /// The attribute columns in file order (dates are read as ISO-8601 strings).
    public var fields: [FieldDefinition]
    /// The declared geometry type ("Point", "Multi Polygon", ...); `nil` for a table.
    public var geometryType: String?
    /// The CRS stored with the data (.prj, GeoPackage, GeoJSON = WGS 84); `nil` when the file
    /// has none (CSV, XLSX, a shapefile without .prj).
    public var crs: CRS?
    /// Every layer of the dataset, in order (this one is among them).
    public var layerNames: [String] = []
}

/// A read layer (``VectorLayer``, ``VectorTable``): its ``LayerInfo`` and the rules written
/// once for it: how rows are numbered for users and how a field is found by name.
public protocol FieldLookup {
    var info: LayerInfo { get }
}

extension FieldLookup {
    /// The path it was read from (for messages).
    public var file: String { info.file }
    /// The layer name inside the dataset.
    public var name: String { info.name }
    /// The GDAL driver short name.
    public var driver: String { info.driver }
    /// The attribute columns in file order.
    public var fields: [FieldDefinition] { info.fields }
    /// The declared geometry type; `nil` for a table without geometry.
    public var geometryType: String? { info.geometryType }
    /// The CRS stored with the data; `nil` when there is none.
    public var crs: CRS? { info.crs }

    /// Whether the source numbers rows like a spreadsheet (CSV/XLSX/ODS: header on row 1).
    public var isTable: Bool { driver == "CSV" || driver == "XLSX" || driver == "ODS" }

    /// The row number a user sees for feature `index`: spreadsheet row (header = row 1) for
    /// CSV/XLSX, 1-based feature number otherwise.
    public func rowNumber(ofFeature index: Int) -> Int { isTable ? index + 2 : index + 1 }

    /// The field named `name` compared case-insensitively, as spelled in the file.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Every layer of the dataset, in order (this one is among them).
    public var layerNames: [String] { info.layerNames }

    /// A hint naming the other layers when the dataset has several and none was chosen
    /// (`option` is the flag that picks one), else `nil`.
    public func otherLayersHint(option: String) -> String? {
        guard layerNames.count > 1 else { return nil }
        return "the file holds \(layerNames.count) layers (\(layerNames.joined(separator: ", "))) and '\(name)', the first, was read; choose another with \(option)"
    }
}
