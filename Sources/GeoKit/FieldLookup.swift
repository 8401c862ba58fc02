/// What both shapes of a read layer share (``VectorLayer``, features; ``VectorTable``,
/// columns): where it came from and its fields, with the one definition of how rows are
/// numbered for users and how a field is found by name.
public protocol FieldLookup {
    /// The path it was read from (for messages).
    var file: String { get }
    /// The GDAL driver short name ("GeoJSON", "ESRI Shapefile", "GPKG", "CSV", "XLSX", ...).
    var driver: String { get }
    /// The attribute columns in file order.
    var fields: [FieldDefinition] { get }
}

extension FieldLookup {
    /// Whether the source numbers rows like a spreadsheet (CSV/XLSX/ODS: header on row 1).
    public var isTable: Bool { driver == "CSV" || driver == "XLSX" || driver == "ODS" }

    /// The row number a user sees for feature `index`: spreadsheet row (header = row 1) for
    /// CSV/XLSX, 1-based feature number otherwise.
    public func rowNumber(ofFeature index: Int) -> Int { isTable ? index + 2 : index + 1 }

    /// The field named `name` compared case-insensitively, as spelled in the file.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name.lowercased() == name.lowercased() }
    }
}

extension VectorLayer: FieldLookup {}
extension VectorTable: FieldLookup {}
