import Coverage
import Foundation
import HotSpots
import Optimizer

/// What drives the demand weights the optimizer maximises.
public enum DemandKind: String, Sendable, CaseIterable, Equatable, Hashable, SettingChoice {
    /// Each incident weighted by its severity.
    case incidents
    /// Hot-spot cells weighted by their kernel density.
    case kde
    /// Hot-spot cells weighted by their positive Gi* z-score.
    case gistar
    /// Points every 25 m along the roads, weight 1 each: watch the street network evenly
    /// (image-based traffic monitoring, directive item 4).
    case roads
    /// Traffic accidents (`inputs.accidents`, `--accidents`) weighted by class, ×
    /// `blackspot_priority` on black spots: plans road-aligned traffic and plate cameras
    /// (``TrafficStage``, directive item 4).
    case accidents
    /// Next year's demand at camera scale: the kernel density of past incidents at points
    /// every `predictive_spacing_m` along the roads (``PredictiveDensity``: bandwidth
    /// `demand_bandwidth_m`, recency `half_life_days`, repeat-place boost `repeat_boost`).
    case predictive
    /// Chosen by a time split inside the training years (``DemandSelection``): `incidents`
    /// or `predictive` at one of its bandwidths, whichever covered more of the last training
    /// year when fit on the years before it.
    case auto

    public static var settingNoun: String { "a demand kind" }
}

/// How new cameras are shared between groups (districts).
public enum GroupAllocation: String, Sendable, CaseIterable, Equatable, SettingChoice {
    /// No quota: cameras go where they cover most.
    case free
    /// Every group gets the same number of new cameras (the remainder to the groups with
    /// most demand), then the optimizer chooses sites inside each group.
    case equalByGroup = "equal_by_group"

    public static var settingNoun: String { "an allocation" }
}

/// A minimum and/or maximum number of new cameras in one group.
public struct GroupQuota: Sendable, Equatable {
    public var min: Int?
    public var max: Int?
    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }
}

extension DORILevel: SettingChoice {
    public static var settingNoun: String { "a DORI level" }
}

/// Settings of the placement stages (demand, coverage, allocation, solve). The defaults are
/// the property values; ``settings`` declares each one's scenario key and flag.
public struct PlacementSettings: Sendable, Equatable, StageSettings {
    /// New cameras allowed (a count); the installed cameras come on top unless
    /// `budgetIncludesExisting`.
    public var budgetCameras: Int = 100
    /// Money allowed for new cameras, in the catalog's cost unit (overrides `budgetCameras`).
    public var budgetCost: Double?
    /// Whether the installed cameras count toward a count or cost budget.
    public var budgetIncludesExisting = false
    /// Solve LSCP (fewest cameras to reach this share of weighted demand) instead of MCLP.
    public var targetShare: Double?
    /// Catalog type ids that may be placed.
    public var cameraTypes: [String] = ["bullet_4mp_6mm", "dome_4mp_2_8mm"]
    public var dori: DORILevel = .observe
    /// An ad hoc camera instead of catalog types: range (with `adHocFOVDegrees`).
    public var adHocRangeMeters: Double?
    public var adHocFOVDegrees: Double?
    public var adHocCost: Double = 1
    public var headings: Int = 8
    public var perSite: Int = 1
    public var demand: DemandKind = .incidents
    /// Weight multiplier for demand in 95% hot cells.
    public var hotPriority: Double = 1
    /// Backup coverage credit (0...1) for demand in 95% hot cells seen by two cameras.
    public var backupBeta: Double?
    public var allocation: GroupAllocation = .free
    public var groupQuotas: [String: GroupQuota] = [:]
    /// Candidate sites from roads: junctions plus a site every this many metres.
    public var siteSpacingMeters: Double = 150
    /// Spacing of road sample points that carry road and cell demand.
    public var roadDemandSpacingMeters: Double = 25
    public var timeLimitSeconds: Double = 60
    /// The solver stops once its certified gap is at most this share (default 0.5%, see
    /// ``SolverOptions/defaultGapTolerance``).
    public var gap: Double = SolverOptions.defaultGapTolerance
    /// `predictive` demand: kernel bandwidth, metres (camera scale, 25–400).
    public var demandBandwidthMeters: Double = 200
    /// `predictive` demand: extra weight per other incident within 50 m.
    public var repeatBoost: Double = 0
    /// `predictive` demand: spacing of the road points that carry it. 50 m: half the points
    /// of 25 m, which keeps `auto`'s fits affordable; every site then reaches a point for a
    /// camera of 25 m range or more (the 6 mm bullet sees 39 m), not for the 2.8 mm dome
    /// (17.1 m), which a warning names (``PlacementStage/roadSamplingWarnings(_:specs:hasRoads:)``).
    public var predictiveSpacingMeters: Double = 50
    /// `predictive` demand: a half-life set by an `auto` candidate (otherwise the hot spots'
    /// `half_life_days` applies). Not a scenario key.
    public var predictiveHalfLifeDays: Double?
    /// A screening solve (the fits `auto` compares): greedy and swap search with a short
    /// Lagrangian bound, no perturbation, no exact search. Deterministic; only the ranking
    /// of the candidates depends on it, never the written plan or the held-out fit. Not a
    /// scenario key.
    public var screeningSolve = false

    public init() {}

    /// The `predictive` surface; a half-life from the hot-spot settings when this one has none.
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` (the setting checks
    ///   keep the values valid).
    public func predictive(halfLifeDays fallback: Double? = nil) throws -> PredictiveDensity {
        try PredictiveDensity(bandwidthMeters: demandBandwidthMeters, halfLifeDays: predictiveHalfLifeDays ?? fallback,
                              repeatBoost: repeatBoost)
    }

    /// Whether the demand needs the hot-spot outcome: KDE or Gi* cells, `hot_priority` or
    /// `backup` (both act on 95% hot cells).
    public var needsHotSpots: Bool {
        demand == .kde || demand == .gistar || hotPriority != 1 || backupBeta != nil
    }

    /// The budget the problem gets: money when `budgetCost` is set, else a camera count.
    public var budget: PlacementProblem.Budget {
        budgetCost.map { .cost($0) } ?? .count(budgetCameras)
    }

    /// The ad hoc camera (`radius_m` with `fov_deg`), or `nil` for catalog types.
    public func adHocCamera() throws -> CameraSpec? {
        guard let r = adHocRangeMeters, let f = adHocFOVDegrees else { return nil }
        return try CameraSpec(radiusMeters: r, fovDegrees: f, costMillionVND: adHocCost)
    }

    public func validate() throws(SettingProblem) {
        if (adHocRangeMeters == nil) != (adHocFOVDegrees == nil) {
            throw SettingProblem("radius_m (--radius) and fov_deg (--fov) go together", key: "radius_m")
        }
        if demand == .auto, let t = targetShare {
            throw SettingProblem("demand auto compares its candidates at the same budget; with target \(t.settingText) (LSCP) each "
                + "candidate would place a different number of cameras: give a demand kind, or a budget instead of target", key: "demand")
        }
        if allocation == .equalByGroup, budgetCost != nil {
            throw SettingProblem("allocation equal_by_group needs a camera-count budget, not budget_cost", key: "allocation")
        }
    }

    /// `budget` (a count) and `budget_cost` (money) are alternatives.
    public static var alternatives: [[String]] { [["budget", "budget_cost"]] }

    public static func clear(_ key: String, in root: inout PlacementSettings) {
        switch key {
        case "budget": root.budgetCameras = PlacementSettings().budgetCameras
        case "budget_cost": root.budgetCost = nil
        default: break
        }
    }

    public static var settings: [Setting<PlacementSettings>] {
        [
            .value("budget", \.budgetCameras, help: "New cameras to place.", valueName: "n", check: .atLeast(0)),
            .optional("budget_cost", \.budgetCost, help: "Money for new cameras, in the catalog's cost unit (instead of the count).",
                      valueName: "cost", check: .positive),
            .flag("budget_includes_existing", \.budgetIncludesExisting,
                  help: "The budget includes the installed cameras (default: new cameras on top of them)."),
            .optional("target", \.targetShare, help: "LSCP: fewest cameras to cover this share of weighted demand (0-1).",
                      valueName: "share", check: .positiveShare),
            .list("camera_mix", flag: "camera-types", \.cameraTypes, help: "Catalog camera types that may be placed.", valueName: "id"),
            .value("dori", \.dori, help: "DORI level the ranges are computed for (EN 62676-4; identify-2025 = 500 px/m)."),
            .optional("radius_m", flag: "radius", \.adHocRangeMeters, help: "Ad hoc camera instead of catalog types: range in metres (with --fov).",
                      valueName: "m", check: .positive),
            .optional("fov_deg", flag: "fov", \.adHocFOVDegrees, help: "Ad hoc camera field of view in degrees (360 = all round).",
                      valueName: "deg", check: SettingCheck { $0 > 0 && $0 <= 360 ? nil : "must be in (0, 360] degrees, found \($0)" }),
            .value("camera_cost", \.adHocCost, help: "Ad hoc camera cost.", valueName: "cost", check: .atLeast(0)),
            .value("headings", \.headings, help: "Headings a fixed camera may take (evenly spaced from north).", valueName: "n", check: .atLeast(1)),
            .value("per_site", \.perSite, help: "At most this many cameras per site.", valueName: "n", check: .atLeast(1)),
            .value("demand", \.demand, help: "Demand: incidents by severity, hot-spot cells by KDE or Gi* spread over their roads, the roads evenly, "
                       + "the predictive road density of past incidents, auto (chosen on the training years), or traffic accidents by class (traffic cameras)."),
            .value("demand_bandwidth_m", flag: "demand-bandwidth", \.demandBandwidthMeters,
                   help: "Predictive demand: kernel bandwidth along the roads, metres (camera scale: 25-400).", valueName: "m", check: .positive),
            .value("repeat_boost", \.repeatBoost, help: "Predictive demand: extra weight per other incident within 50 m (0 = none).",
                   valueName: "x", check: .atLeast(0)),
            .value("predictive_spacing_m", flag: "predictive-spacing", \.predictiveSpacingMeters,
                   help: "Predictive demand: spacing of the road points that carry it, metres.", valueName: "m", check: .positive),
            .value("hot_priority", \.hotPriority, help: "Weight multiplier for demand in 95% hot cells.", valueName: "x", check: .positive),
            .optional("backup", \.backupBeta, help: "Backup coverage credit (0-1) for 95% hot-cell demand seen twice.",
                      valueName: "beta", check: .share),
            .value("allocation", \.allocation, help: "How new cameras are shared between groups (districts)."),
            groupQuotasSetting,
            .value("site_spacing_m", flag: "site-spacing", \.siteSpacingMeters, help: "Candidate spacing along roads (or grid spacing without roads).",
                   valueName: "m", check: .positive),
            .value("road_demand_spacing_m", flag: "road-demand-spacing", \.roadDemandSpacingMeters,
                   help: "Spacing of the road points that carry road and hot-cell demand.", valueName: "m", check: .positive),
            .value("gap", \.gap, help: "Stop the search once the certified optimality gap is at most this share (0 = search to the iteration limits).",
                   valueName: "share", check: SettingCheck { $0 >= 0 && $0 < 1 ? nil : "expected a share in [0, 1), found \($0)" }),
            .value("time_limit_s", flag: "time-limit", \.timeLimitSeconds,
                   help: "Safety net: stop the search after this long; the bound is then recomputed from the cameras found and a warning written.",
                   valueName: "s", check: .positive),
        ]
    }

    /// `group_quotas`: in a scenario file a mapping `GROUP: {min: N, max: N}`; on the command
    /// line `GROUP=MIN:MAX` (either side may be empty).
    static var groupQuotasSetting: Setting<PlacementSettings> {
        Setting(key: "group_quotas", flag: "group-quota", help: "Minimum and/or maximum new cameras in a group: GROUP=MIN:MAX (either may be empty).",
                valueName: "group=min:max", isList: true,
                apply: { (v: SettingValue, s: inout PlacementSettings) throws(SettingProblem) in
                    var quotas: [String: GroupQuota] = [:]
                    func bound(_ text: String, _ name: String, key: String, line: Int?) throws(SettingProblem) -> Int? {
                        if text.isEmpty { return nil }
                        guard let n = Int(text), n >= 0 else {
                            throw SettingProblem("expected a whole number of 0 or more for \(name), found '\(text)'", key: key, line: line)
                        }
                        return n
                    }
                    func add(_ group: String, _ q: GroupQuota, line: Int?) throws(SettingProblem) {
                        if let lo = q.min, let hi = q.max, lo > hi { throw SettingProblem("min \(lo) is above max \(hi)", key: group, line: line) }
                        quotas[group] = q
                    }
                    switch v {
                    case .mapping(let groups):
                        for g in groups {
                            guard case .mapping(let fields) = g.value else {
                                throw SettingProblem("expected {min: N, max: N}", key: g.key, line: g.line)
                            }
                            var q = GroupQuota()
                            for f in fields {
                                guard case .text(let t) = f.value, f.key == "min" || f.key == "max" else {
                                    throw SettingProblem(f.key == "min" || f.key == "max" ? "expected a whole number"
                                                         : "unknown key in group_quotas.\(g.key); known keys are: max, min", key: f.key, line: f.line)
                                }
                                let n = try bound(t, f.key, key: f.key, line: f.line)
                                if f.key == "min" { q.min = n } else { q.max = n }
                            }
                            try add(g.key, q, line: g.line)
                        }
                    case .list(let items):
                        for item in items {
                            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                            let range = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false) : []
                            guard parts.count == 2, !parts[0].isEmpty, range.count == 2 else {
                                throw SettingProblem("expected GROUP=MIN:MAX, found '\(item)'")
                            }
                            try add(String(parts[0]), GroupQuota(min: try bound(String(range[0]), "min", key: "group_quotas", line: nil),
                                                                 max: try bound(String(range[1]), "max", key: "group_quotas", line: nil)), line: nil)
                        }
                    case .text:
                        throw SettingProblem("expected a mapping of group name to {min, max}")
                    }
                    s.groupQuotas = quotas
                },
                show: { s in
                    s.groupQuotas.isEmpty ? "none" : s.groupQuotas.keys.sorted().map { k in
                        "\(k)=\(s.groupQuotas[k]?.min.map(String.init) ?? ""):\(s.groupQuotas[k]?.max.map(String.init) ?? "")"
                    }.joined(separator: " ")
                })
    }
}
