import GeoKit

/// Small-count suppression for sharing outputs (`--min-cell-count K`), as statistical
/// offices publish small-area tables: a cell or ward whose incident count is between 1 and
/// K − 1 has that count, and every figure from which it could be worked back, blanked
/// (`null`) in the exported layer. The analysis itself uses the true counts; zeros stay
/// (an empty cell reveals no incident). K ≤ 1 changes nothing.
public struct SmallCountSuppression: Sendable, Hashable {
    /// K: the smallest count that is published.
    public var minimumCount: Int

    /// - Throws: ``PlannerError/invalidConfiguration(_:)`` for a negative K.
    public init(minimumCount: Int) throws {
        guard minimumCount >= 0 else {
            throw PlannerError.invalidConfiguration("--min-cell-count must be >= 0 (0 or 1 = publish every count), got \(minimumCount)")
        }
        self.minimumCount = minimumCount
    }

    /// No suppression.
    public static let off = SmallCountSuppression(unchecked: 0)

    private init(unchecked k: Int) { minimumCount = k }

    /// The fields of `hotspot-cells` blanked with a small `count`.
    public static let cellFields = ["count", "weight"]
    /// The fields of the ward layer blanked with a small `incidents` count (the rates and
    /// clearance shares would give the count back together with area or population).
    public static let wardFields = ["incidents", "weighted_incidents", "weight_per_km2", "incidents_per_km2", "incidents_per_1000",
                                    "change_pct", "clearance", "serious_clearance"]

    /// Whether `count` is published.
    public func publishes(_ count: Int64) -> Bool { count == 0 || count >= Int64(minimumCount) }

    /// `layer` with `fields` set to null in every feature whose `countField` is a small
    /// count; also returns how many features were blanked.
    public func apply(to layer: OutputLayer, countField: String, fields: [String]) -> (layer: OutputLayer, suppressed: Int) {
        guard minimumCount > 1 else { return (layer, 0) }
        var out = layer
        var suppressed = 0
        for i in out.features.indices {
            guard case let .integer(n) = out.features[i][countField], !publishes(n) else { continue }
            for f in fields where out.features[i].attributes[f] != nil { out.features[i].attributes[f] = .null }
            suppressed += 1
        }
        return (out, suppressed)
    }

    /// The hot-spot cell layer with small counts blanked.
    public func cells(_ layer: OutputLayer) -> OutputLayer { apply(to: layer, countField: "count", fields: Self.cellFields).layer }

    /// A ward layer (hot-spot wards, model wards) with small incident counts blanked.
    public func wards(_ layer: OutputLayer) -> OutputLayer { apply(to: layer, countField: "incidents", fields: Self.wardFields).layer }
}
