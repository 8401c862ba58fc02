/// A layer read column by column (struct-of-arrays): `columns[f][row]` is the value of
/// `fields[f]` in feature `row`, `geometries[row]` its geometry in the file's CRS.
public struct VectorTable: Sendable {
    public var file: String
    public var name: String
    /// The GDAL driver short name.
    public var driver: String
    public var fields: [FieldDefinition]
    /// The declared geometry type; `nil` for a table without geometry.
    public var geometryType: String?
    /// The CRS stored with the data; `nil` when there is none.
    public var crs: CRS?
    public var columns: [[FieldValue]]
    public var geometries: [Geometry<SourceXY>?]
    /// Every layer of the dataset, in order (the table is one of them).
    public var layerNames: [String] = []

    /// Number of features (rows).
    public var count: Int { geometries.count }
    /// Whether rows are numbered like a spreadsheet (CSV/XLSX: header on row 1).
    public var isTable: Bool { driver == "CSV" || driver == "XLSX" || driver == "ODS" }
    /// The row number a user sees for feature `index` (see ``VectorLayer/rowNumber(ofFeature:)``).
    public func rowNumber(ofFeature index: Int) -> Int { isTable ? index + 2 : index + 1 }

    /// See ``VectorLayer/otherLayersHint(option:)``.
    public func otherLayersHint(option: String) -> String? {
        VectorLayer.otherLayersHint(layerNames, read: name, option: option)
    }

    /// The field named `name` compared case-insensitively, as spelled in the file.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The values of the field named exactly `name` (as returned by ``field(named:)``).
    public func column(_ name: String) -> [FieldValue]? {
        fields.firstIndex { $0.name == name }.map { columns[$0] }
    }
}
