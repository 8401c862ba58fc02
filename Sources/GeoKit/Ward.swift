/// The administrative kind of a ward-level unit in Vietnam.
public enum WardType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Urban ward.
    case phuong = "phường"
    /// Rural commune.
    case xa = "xã"
    /// Township (before 2025).
    case thiTran = "thị trấn"
    /// Not recognised.
    case other

    /// Recognises "phường", "Phường Đạo Thạnh", "xa", "Xã Tân Phú", "thị trấn", ... with or
    /// without diacritics; `nil` when the text names none of them.
    public init?(recognizing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let plain = t.folding(options: [.diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
        if t.hasPrefix("phường") || plain.hasPrefix("phuong") { self = .phuong }
        else if t.hasPrefix("thị trấn") || plain.hasPrefix("thi tran") { self = .thiTran }
        else if t == "xã" || t.hasPrefix("xã ") || plain == "xa" || plain.hasPrefix("xa ") { self = .xa }
        else { return nil }
    }
}

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

/// An invalid boundary that was repaired with `GEOSMakeValid`.
public struct PolygonRepair: Sendable, Hashable, Codable {
    /// 1-based feature number in the source layer.
    public var feature: Int
    public var wardID: String
    /// GEOS's reason for invalidity (e.g. "Self-intersection[...]").
    public var reason: String
}
