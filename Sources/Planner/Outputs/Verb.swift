import Foundation

/// The verbs that write outputs, with the pipeline each runs and the artifacts it writes
/// unless told otherwise.
public enum Verb: String, Sendable, CaseIterable {
    case hotspots
    case place
    case rankWards = "rank-wards"
    case run

    /// The artifact names written when `formats` is not given.
    public var defaultArtifacts: [String] {
        switch self {
        case .hotspots: ["hotspot-cells", "wards", "summary", "rejects"]
        case .place: ["cameras", "coverage", "curve", "groups", "summary", "heldout-curve", "demand-selection", "blackspots", "gateways",
                      "traffic-summary", "rejects", "accident-rejects"]
        case .rankWards: ["model-wards", "rejects"]
        case .run: ["hotspot-cells", "wards", "cameras", "coverage", "blackspots", "gateways", "traffic-summary", "model-wards", "curve",
                    "groups", "summary", "heldout-curve", "demand-selection", "hotspot-summary", "gpkg", "html", "installer", "rejects",
                    "accident-rejects", "comparison", "scorecard", "xlsx"]
        }
    }
}
