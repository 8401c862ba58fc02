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

    /// Number of features (rows).
    public var count: Int { geometries.count }
    /// The values of the field named exactly `name` (as returned by ``field(named:)``).
    public func column(_ name: String) -> [FieldValue]? {
        fields.firstIndex { $0.name == name }.map { columns[$0] }
    }
}
