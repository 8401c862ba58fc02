import Foundation
import GeoKit
import HotSpots

/// The model-ward criteria are the settings of the ranking stage (`model_wards:` in a
/// scenario file, the criterion options of `rank-wards`).
extension ModelWardCriteria: StageSettings {
    public static var settings: [Setting<ModelWardCriteria>] {
        [
            .value("crime_change_max_pct", flag: "crime-change-max", \.crimeChangeMaxPercent, help: "Crime change threshold, percent.",
                   valueName: "pct"),
            .value("clearance_min", \.clearanceMin, help: "Clearance threshold (share).", valueName: "share", check: .share),
            .value("serious_clearance_min", \.seriousClearanceMin, help: "Very serious clearance threshold (share).", valueName: "share",
                   check: .share),
            .optional("coverage_min", \.coverageMin, help: "Camera coverage floor (share; a ward must also be above 0), or 'none' to leave the criterion out.",
                      valueName: "share", unsetWord: "none", check: .share),
            .value("coverage_quantile", \.coverageQuantile,
                   help: "Camera coverage at or above this quantile of the list (0.5 = median; 0 = the floor alone).",
                   valueName: "share", check: .share),
            .list("complex_categories", flag: "complex-category", \.complexArea.categories,
                  help: "Emerging hot-spot categories that make a cell complex (địa bàn trọng điểm phức tạp).", valueName: "category",
                  check: SettingCheck { EmergingHotSpotCategory(rawValue: $0) != nil ? nil
                      : "'\($0)' is not an emerging hot-spot category; use one of \(EmergingHotSpotCategory.allCases.map(\.rawValue).joined(separator: ", "))" }),
            .value("complex_quantile", \.complexArea.quantile,
                   help: "A ward is complex when its complex-cell density is above this quantile of its own list (phường against phường).",
                   valueName: "share", check: SettingCheck { $0 >= 0 && $0 < 1 ? nil
                       : "expected a share in [0, 1), found \($0) (at 1 no ward lies above its list's maximum, so none would be complex)" }),
            .value("rate_max_quantile", \.rateMaxQuantile, help: "Incident rate at or below this quantile of the list (0.5 = median).",
                   valueName: "share", check: .share),
            weightsSetting,
            listsSetting,
        ]
    }

    /// `weights`: `CRITERION: W` in a file, `CRITERION=W` on the command line.
    static var weightsSetting: Setting<ModelWardCriteria> {
        Setting(key: "weights", flag: "weight", help: "Weight of a criterion in the score: CRITERION=W (criteria: \(ModelWardRanking.criterionKeys.joined(separator: ", "))).",
                valueName: "criterion=w", isList: true,
                apply: { (v: SettingValue, c: inout ModelWardCriteria) throws(SettingProblem) in
                    let pairs = try v.keyValuePairs(form: "CRITERION=W", mappingNoun: "criterion: weight pairs")
                    for (k, t, line) in pairs {
                        guard ModelWardRanking.criterionKeys.contains(k) else {
                            throw SettingProblem("unknown key in model_wards.weights; known keys are: \(ModelWardRanking.criterionKeys.sorted().joined(separator: ", "))",
                                                 key: k, line: line)
                        }
                        guard let w = Double(t), w.isFinite else {
                            throw SettingProblem("expected \(Double.expectation), found '\(t)'", key: k, line: line)
                        }
                        guard w >= 0 else { throw SettingProblem("must be at least 0.0, found \(w)", key: k, line: line) }
                        c.weights[k] = w
                    }
                },
                show: { c in c.weights.keys.sorted().map { "\($0)=\(c.weights[$0]?.settingText ?? "")" }.joined(separator: " ") })
    }

    /// A unit type as the loader spells it: `Phường`, `PHƯỜNG`, `phuong` -> `phường`; `xa` ->
    /// `xã`; a type the loader does not know is kept as written.
    static func canonicalType(_ text: String) -> String {
        WardType(recognizing: text)?.rawValue ?? text
    }

    /// `lists`: `KEY: {title: ..., types: [...]}` in a file, `KEY=TYPE,TYPE[=TITLE]` on the
    /// command line. Replaces the default lists.
    static var listsSetting: Setting<ModelWardCriteria> {
        Setting(key: "lists", flag: "list", help: "A ranked list and the unit types in it: KEY=TYPE,TYPE[=TITLE] (replaces the default lists).",
                valueName: "key=types", isList: true,
                apply: { (v: SettingValue, c: inout ModelWardCriteria) throws(SettingProblem) in
                    var lists: [(key: String, title: String, types: [String])] = []
                    switch v {
                    case .mapping(let entries):
                        guard !entries.isEmpty else { throw SettingProblem("expected list keys, each with title and types") }
                        for e in entries {
                            guard case .mapping(let fields) = e.value else {
                                throw SettingProblem("expected {title: ..., types: [...]}", key: e.key, line: e.line)
                            }
                            var title = e.key, types: [String]?
                            for f in fields {
                                switch (f.key, f.value) {
                                case ("title", .text(let t)): title = t
                                case ("types", .list(let t)): types = t
                                case ("title", _), ("types", _):
                                    throw SettingProblem(f.key == "title" ? "expected a string" : "expected a list of strings", key: f.key, line: f.line)
                                default:
                                    throw SettingProblem("unknown key in model_wards.lists.\(e.key); known keys are: title, types", key: f.key, line: f.line)
                                }
                            }
                            guard let types else { throw SettingProblem("missing 'types' (unit types such as phường, xã)", key: e.key, line: e.line) }
                            lists.append((e.key, title, types.map(canonicalType)))
                        }
                    case .list(let items):
                        for item in items {
                            let p = item.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                            guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else { throw SettingProblem("expected KEY=TYPE,TYPE[=TITLE], found '\(item)'") }
                            lists.append((p[0], p.count == 3 ? p[2] : p[0], p[1].split(separator: ",").map { canonicalType(String($0)) }))
                        }
                    case .text:
                        throw SettingProblem("expected list keys, each with title and types")
                    }
                    c.lists = lists
                },
                show: { c in c.lists.map { "\($0.key)=\($0.types.joined(separator: ","))" }.joined(separator: " ") })
    }
}
