/// One boundary unit (a ward or commune) in the working CRS.
public struct Ward: Sendable, Hashable {
    /// The feature's 0-based position in its source layer.
    public var featureIndex: Int
    /// The identifier from `--ward-id` (default `ward_code`), else the 1-based feature number.
    public var id: String
    /// The name from `--ward-name` (default `ward_name`), else the id.
    public var name: String
    public var type: WardType
    /// The value of the `--group-by` field (default `district_name`), or "(all)".
    public var group: String
    /// Planar area in square metres, in the working CRS, after any repair.
    public var areaSquareMeters: Double
    /// The boundary in metres in the working CRS (valid: repaired when it was not).
    public var geometry: MultiPolygon<PlanarPoint>
    /// Every attribute of the source feature.
    public var attributes: [String: FieldValue]

    public init(featureIndex: Int, id: String, name: String, type: WardType, group: String,
                areaSquareMeters: Double, geometry: MultiPolygon<PlanarPoint>, attributes: [String: FieldValue]) {
        self.featureIndex = featureIndex
        self.id = id
        self.name = name
        self.type = type
        self.group = group
        self.areaSquareMeters = areaSquareMeters
        self.geometry = geometry
        self.attributes = attributes
    }
}

