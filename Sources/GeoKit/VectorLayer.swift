/// A layer read from any OGR dataset, coordinates as stored in the file.
public struct VectorLayer: Sendable {
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
    /// The features in file order. `Feature.index` is the 0-based position.
    public var features: [Feature<SourceXY>]
    /// Every layer of the dataset, in order (this one is among them).
    public var layerNames: [String] = []
    /// Whether the source numbers rows like a spreadsheet (CSV/XLSX: header on row 1).
    public var isTable: Bool { driver == "CSV" || driver == "XLSX" || driver == "ODS" }

    /// The row number a user sees for feature `index`: spreadsheet row (header = row 1) for
    /// CSV/XLSX, 1-based feature number otherwise.
    public func rowNumber(ofFeature index: Int) -> Int { isTable ? index + 2 : index + 1 }

    /// A hint naming the other layers when the dataset has several and none was chosen
    /// (`option` is the flag that picks one), else `nil`.
    public func otherLayersHint(option: String) -> String? {
        Self.otherLayersHint(layerNames, read: name, option: option)
    }

    static func otherLayersHint(_ names: [String], read: String, option: String) -> String? {
        guard names.count > 1 else { return nil }
        return "the file holds \(names.count) layers (\(names.joined(separator: ", "))) and '\(read)', the first, was read; choose another with \(option)"
    }

    /// The field named `name` compared case-insensitively, as spelled in the file.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name.lowercased() == name.lowercased() }
    }
}
