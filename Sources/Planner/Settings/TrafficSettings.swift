import Foundation
import Traffic

extension BlackSpotRule.Window: SettingChoice {
    public static var settingNoun: String { "a black-spot window" }
}

/// Settings of the traffic stage (directive item 4): accident class weights, the black-spot
/// rule, the gateways to cordon with plate cameras. The stage runs for a scenario whose
/// `demand` is `accidents` or that names `gateway_groups`; its budget is the placement's
/// `budget` / `budget_cost` (the cordon is paid first) and its traffic cameras are the
/// road-aligned types of `camera_mix`.
public struct TrafficSettings: Sendable, Equatable, StageSettings {
    public var plan = TrafficPlanSettings()

    public init() {}

    /// The cordoned groups, `nil` for none (so that "none" is what `--help` shows).
    var gatewayGroups: [String]? {
        get { plan.gatewayGroups.isEmpty ? nil : plan.gatewayGroups }
        set { plan.gatewayGroups = newValue ?? [] }
    }

    public static var settings: [Setting<TrafficSettings>] {
        [
            accidentWeightsSetting,
            .value("blackspot_segment_m", flag: "blackspot-segment", \.plan.blackSpotRule.segmentLengthMeters,
                   help: "Length of the road segments accidents are counted on (black spots).", valueName: "m", check: .positive),
            .optional("blackspot_min_fatal", flag: "blackspot-min-fatal", \.plan.blackSpotRule.minFatal,
                      help: "Black spot: at least this many fatal accidents on a segment in the window (none = unused).",
                      valueName: "n", unsetWord: "none", check: .atLeast(1)),
            .optional("blackspot_min_accidents_with_fatal", flag: "blackspot-min-accidents-with-fatal",
                      \.plan.blackSpotRule.minAccidentsWithFatal,
                      help: "Black spot: at least this many accidents, one of them fatal (none = unused).",
                      valueName: "n", unsetWord: "none", check: .atLeast(1)),
            .optional("blackspot_min_accidents", flag: "blackspot-min-accidents", \.plan.blackSpotRule.minAccidents,
                      help: "Black spot: at least this many accidents of any class (none = unused).",
                      valueName: "n", unsetWord: "none", check: .atLeast(1)),
            .value("blackspot_window", \.plan.blackSpotRule.window,
                   help: "Count the rule within each calendar year (per_year, the circular's 12 months) or over all years."),
            .list("blackspot_classes", \.plan.blackSpotRule.roadClasses,
                  help: "Road classes (OSM highway) segmented for black spots and watched by traffic cameras.", valueName: "class"),
            .value("blackspot_snap_m", flag: "blackspot-snap", \.plan.blackSpotRule.snapToleranceMeters,
                   help: "An accident farther than this from every counted road is in no segment.", valueName: "m", check: .positive),
            .value("blackspot_priority", \.plan.blackSpotPriority,
                   help: "Weight multiplier for accidents on black-spot segments.", valueName: "x", check: .atLeast(0)),
            .list("gateway_groups", flag: "gateway-group", \.gatewayGroups,
                  help: "Groups (e.g. towns) whose gateways get plate cameras (a cordon).", valueName: "group", unsetText: "none"),
            .list("gateway_classes", \.plan.gatewayClasses,
                  help: "Road classes whose crossings of a group's boundary are gateways.", valueName: "class"),
            .value("plate_camera", \.plan.plateCamera, help: "Catalog type of the cordon's plate cameras.", valueName: "id"),
        ]
    }

    /// `accident_weights`: in a scenario file a mapping `CLASS: WEIGHT`; on the command line
    /// `CLASS=WEIGHT`. Classes not given keep 1, 2, 4, 8, 16.
    static var accidentWeightsSetting: Setting<TrafficSettings> {
        Setting(key: "accident_weights", flag: "accident-weight",
                help: "Weight of an accident class (va_cham, it_nghiem_trong, nghiem_trong, rat_nghiem_trong, dac_biet_nghiem_trong; "
                    + "default 1, 2, 4, 8, 16): CLASS=WEIGHT.",
                valueName: "class=weight", isList: true,
                apply: { (v: SettingValue, s: inout TrafficSettings) throws(SettingProblem) in
                    let pairs = try v.keyValuePairs(form: "CLASS=WEIGHT", mappingNoun: "a mapping of accident class to weight")
                    var overrides: [String: Double] = [:]
                    for (k, t, line) in pairs {
                        guard AccidentClass.parse(k) != nil else {
                            throw SettingProblem("'\(k)' is not \(AccidentClass.expectedText)", key: k, line: line)
                        }
                        guard let w = Double(t), w.isFinite, w >= 0 else {
                            throw SettingProblem("expected a weight >= 0, found '\(t)'", key: k, line: line)
                        }
                        overrides[k] = w
                    }
                    do { s.plan.accidentWeights = try AccidentWeights(overrides: overrides) } catch {
                        throw SettingProblem("\(error)")
                    }
                },
                show: { s in
                    AccidentClass.allCases.map { "\($0.rawValue)=\(s.plan.accidentWeights[$0].settingText)" }.joined(separator: " ")
                })
    }

    public func validate() throws(SettingProblem) {
        do { try plan.blackSpotRule.validate() } catch { throw SettingProblem("\(error)", key: "blackspot_min_accidents") }
    }
}
