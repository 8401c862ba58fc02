/// How to read a boundary layer. `nil` fields are detected from the shipped names.
public struct BoundaryOptions: Sendable {
    /// Layer name inside the dataset; `nil` = the first.
    public var layer: String?
    /// `--ward-id`; default `ward_code` (or `ma_xa`, `code`, `id`) when present.
    public var idField: String?
    /// `--ward-name`; default `ward_name` (or `ten_xa`, `name`, `ten`) when present.
    public var nameField: String?
    /// `--group-by`; default `district_name` (or `ten_huyen`, `district`) when present.
    public var groupField: String?
    /// Field holding "phường"/"xã"; default `ward_type` (or `loai`, `type`), else the
    /// prefix of `ward_full_name` or of the name.
    public var typeField: String?
    /// `--crs`: used when the file carries no CRS.
    public var sourceCRS: CRS?
    /// `--work-crs`: the metric CRS to work in; `nil` = the UTM zone of the wards' centre.
    public var workCRS: CRS?

    public init(layer: String? = nil, idField: String? = nil, nameField: String? = nil, groupField: String? = nil,
                typeField: String? = nil, sourceCRS: CRS? = nil, workCRS: CRS? = nil) {
        self.layer = layer
        self.idField = idField
        self.nameField = nameField
        self.groupField = groupField
        self.typeField = typeField
        self.sourceCRS = sourceCRS
        self.workCRS = workCRS
    }
}
