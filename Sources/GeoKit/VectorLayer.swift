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
}
