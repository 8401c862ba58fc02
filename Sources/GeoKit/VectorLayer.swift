/// A layer read from any OGR dataset, as features, coordinates as stored in the file.
public struct VectorLayer: Sendable, FieldLookup {
    /// File, layer name, driver, fields, geometry type and CRS.
    public var info: LayerInfo
    /// The features in file order. `Feature.index` is the 0-based position.
    public var features: [Feature<SourceXY>]
}
