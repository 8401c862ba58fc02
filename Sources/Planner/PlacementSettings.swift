import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// The part of a scenario that camera placement depends on.
public struct PlacementSettings: Sendable {
    public var budget: PlacementProblem.Budget = .count(100)
    /// Catalog type ids that may be placed.
    public var cameraTypes: [String] = ["bullet_4mp_6mm", "dome_4mp_2_8mm"]
    public var dori: DORILevel = .observe
    /// An ad hoc camera (`--radius`, `--fov`) instead of catalog types.
    public var adHocCamera: CameraSpec?
    public var headings: Int = 8
    public var perSite: Int = 1
    public var demand: DemandKind = .incidents
    /// The surface of `predictive` demand (bandwidth, recency, repeat-place boost).
    public var predictive: PredictiveDensity = PlacementSettings.defaultPredictive
    /// Weight multiplier for demand in 95% hot cells.
    public var hotPriority: Double = 1
    public var allocation: GroupAllocation = .free
    public var groupQuotas: [String: GroupQuota] = [:]
    /// Candidate sites from roads: junctions plus a site every this many metres.
    public var siteSpacingMeters: Double = 150
    /// Spacing of road sample points that carry cell demand (KDE / Gi*).
    public var roadDemandSpacingMeters: Double = 25
    /// Spacing of the road points that carry `predictive` demand. 50 m: under the smallest
    /// footprint's range (the 6 mm bullet sees 39 m, so two points fall in a sector along a
    /// road), and half the points of 25 m, which keeps `auto`'s fits affordable.
    public var predictiveSpacingMeters: Double = 50
    /// A screening solve (the fits `auto` compares): greedy and swap search with a short
    /// Lagrangian bound and no perturbation or exact search. Deterministic; only the ranking
    /// of the candidates depends on it, never the written plan or the held-out fit.
    public var screeningSolve = false
    public var timeLimitSeconds: Double? = 60
    /// Solve LSCP (fewest cameras to reach this share of weighted demand) instead of MCLP.
    public var targetShare: Double?
    /// Backup coverage credit (0...1) for demand in 95% hot cells seen by two cameras.
    public var backupBeta: Double?
    /// Incident years the demand is built from when no hot-spot outcome is given (with one,
    /// its years apply); `nil`: all.
    public var years: [Int]?
    /// Whether the installed cameras count toward a count or cost budget.
    public var budgetIncludesExisting = false

    /// 200 m bandwidth, no recency decay, no repeat boost.
    public static let defaultPredictive: PredictiveDensity = {
        // A literal with valid values: the initializer cannot throw here.
        guard let d = try? PredictiveDensity(bandwidthMeters: 200) else { preconditionFailure("invalid default bandwidth") }
        return d
    }()

    public init() {}
}
