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

    /// 100 m bandwidth, no recency decay, no repeat boost.
    public static let defaultPredictive: PredictiveDensity = {
        // A literal with valid values: the initializer cannot throw here.
        guard let d = try? PredictiveDensity(bandwidthMeters: 100) else { preconditionFailure("invalid default bandwidth") }
        return d
    }()

    public init() {}
}
