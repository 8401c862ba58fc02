/// A layer read column by column (struct-of-arrays): `columns[f][row]` is the value of
/// `fields[f]` in feature `row`, `geometries[row]` its geometry in the file's CRS.
public struct VectorTable: Sendable, FieldLookup {
    /// File, layer name, driver, fields, geometry type and CRS.
    public var info: LayerInfo
    public var columns: [[FieldValue]]
    public var geometries: [Geometry<SourceXY>?]

    /// Number of features (rows).
    public var count: Int { geometries.count }
    /// The values of the field named exactly `name` (as returned by ``field(named:)``).
    public func column(_ name: String) -> [FieldValue]? {
        fields.firstIndex { $0.name == name }.map { columns[$0] }
    }
}
