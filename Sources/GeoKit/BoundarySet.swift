/// Ward boundaries loaded, checked and projected, ready for analysis.
public struct BoundarySet: Sendable {
    public var file: String
    public var layerName: String
    /// The wards in source order.
    public var wards: [Ward]
    /// The invalid boundaries that were repaired, in source order.
    public var repairs: [PolygonRepair]
    /// The CRS of the file (or `--crs`).
    public var sourceCRS: CRS
    /// The metric CRS the geometries are in (chosen UTM zone or `--work-crs`).
    public var workCRS: CRS
    /// The field wards were grouped by; `nil` = one group.
    public var groupField: String?
    /// The extent of the wards in WGS 84.
    public var lonLatBounds: BoundingBox<LonLat>
    /// The source layer's attribute columns.
    public var fields: [FieldDefinition]
    /// What may make a result wrong without being an error (slight overlaps, a working CRS
    /// with noticeable scale error), one line each: for the console and `summary.json`.
    public var warnings: [String] = []

    public init(file: String, layerName: String, wards: [Ward], repairs: [PolygonRepair], sourceCRS: CRS, workCRS: CRS,
                groupField: String?, lonLatBounds: BoundingBox<LonLat>, fields: [FieldDefinition]) {
        self.file = file
        self.layerName = layerName
        self.wards = wards
        self.repairs = repairs
        self.sourceCRS = sourceCRS
        self.workCRS = workCRS
        self.groupField = groupField
        self.lonLatBounds = lonLatBounds
        self.fields = fields
    }

    /// The distinct groups in first-appearance order.
    public var groups: [String] {
        var seen = Set<String>(), out = [String]()
        for w in wards where seen.insert(w.group).inserted { out.append(w.group) }
        return out
    }
}
