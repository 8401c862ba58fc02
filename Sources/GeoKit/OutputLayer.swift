/// A layer to write: a schema and WGS 84 features (camplan writes results in lon/lat).
public struct OutputLayer: Sendable {
    public var name: String
    public var fields: [FieldDefinition]
    public var geometryType: OutputGeometryType
    public var features: [Feature<LonLat>]

    /// - Throws: ``GeoError/invalidInput(_:)`` for an empty name or duplicate field names
    ///   (compared case-insensitively, as GeoPackage and shapefiles do).
    public init(name: String, fields: [FieldDefinition], geometryType: OutputGeometryType, features: [Feature<LonLat>]) throws(GeoError) {
        guard !name.isEmpty else { throw .invalidInput("an output layer needs a name") }
        var seen = Set<String>()
        for f in fields where !seen.insert(f.name.lowercased()).inserted {
            throw .invalidInput("layer '\(name)': field '\(f.name)' appears twice")
        }
        self.name = name
        self.fields = fields
        self.geometryType = geometryType
        self.features = features
    }
}
