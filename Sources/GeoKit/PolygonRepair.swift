/// An invalid boundary that was repaired with `GEOSMakeValid`.
public struct PolygonRepair: Sendable, Hashable, Codable {
    /// 1-based feature number in the source layer.
    public var feature: Int
    public var wardID: String
    /// GEOS's reason for invalidity (e.g. "Self-intersection[...]").
    public var reason: String

    public init(feature: Int, wardID: String, reason: String) {
        self.feature = feature
        self.wardID = wardID
        self.reason = reason
    }
}
