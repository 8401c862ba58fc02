import Coverage
import Foundation
import Yams
import HotSpots

/// What drives the demand weights the optimizer maximises.
public enum DemandKind: String, Sendable, CaseIterable, Equatable {
    /// Each incident weighted by its severity.
    case incidents
    /// Hot-spot cells weighted by their kernel density.
    case kde
    /// Hot-spot cells weighted by their positive Gi* z-score.
    case gistar
    /// Points every 25 m along the roads, weight 1 each: watch the street network evenly
    /// (image-based traffic monitoring, directive item 4).
    case roads
    /// Next year's demand at camera scale: the kernel density of past incidents at points
    /// every 25 m along the roads (``PredictiveDensity``: bandwidth `demand_bandwidth_m`,
    /// recency `half_life_days`, repeat-place boost `repeat_boost`).
    case predictive
    /// Chosen by a time split inside the training years (``DemandSelection``): `incidents`
    /// or `predictive` at one of its bandwidths, whichever covered more of the last training
    /// year when fit on the years before it.
    case auto
}

/// How new cameras are shared between groups (districts).
public enum GroupAllocation: String, Sendable, CaseIterable, Equatable {
    /// No quota: cameras go where they cover most.
    case free
    /// Every group gets the same number of new cameras (the remainder to the groups with
    /// most demand), then the optimizer chooses sites inside each group.
    case equalByGroup = "equal_by_group"
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

/// The inputs every scenario of a file shares. Paths are resolved against the scenario
/// file's folder.
public struct ScenarioInputs: Sendable, Equatable {
    public var wards: String
    public var incidents: String
    public var candidates: String?
    public var candidateID: String?
    public var roads: String?
    public var existing: String?
    public var obstacles: String?
    public var catalog: String?
    public var accidents: String?
    public var exclusions: String?
    public var groupBy: String?
    public var wardID: String?
    public var wardName: String?
    public var populationField: String?
    public var workCRS: String?
    /// CRS of inputs that carry none (CSV/XLSX x/y columns, a shapefile without .prj).
    public var crs: String?

    public init(wards: String, incidents: String) {
        self.wards = wards
        self.incidents = incidents
    }
}

/// The settings a scenario may override. `nil` means "take the default".
public struct ScenarioSettings: Sendable, Equatable {
    /// New cameras allowed (a count); existing cameras are kept on top of it.
    public var budget: Int?
    /// Money allowed for new cameras, in the catalog's cost unit (overrides `budget`).
    public var budgetCost: Double?
    /// Camera type ids from the catalog that may be placed.
    public var cameraMix: [String]?
    /// DORI level the footprint ranges are computed for.
    public var dori: String?
    /// Headings a fixed camera may take (evenly spaced).
    public var headings: Int?
    public var demand: DemandKind?
    /// Weight multiplier for demand inside 95% hot cells (1 = none).
    public var hotPriority: Double?
    public var allocation: GroupAllocation?
    public var groupQuotas: [String: GroupQuota]?
    /// Years of incidents used (default: all).
    public var years: [Int]?
    public var cellSizeMeters: Double?
    public var bandMeters: Double?
    public var siteSpacingMeters: Double?
    public var perSite: Int?
    public var timeLimitSeconds: Double?
    public var evaluateYear: Int?

    public init() {}

    /// `self` with every value `other` sets taken from `other`.
    public func overridden(by other: ScenarioSettings) -> ScenarioSettings {
        var r = self
        if let v = other.budget { r.budget = v }
        if let v = other.budgetCost { r.budgetCost = v }
        if let v = other.cameraMix { r.cameraMix = v }
        if let v = other.dori { r.dori = v }
        if let v = other.headings { r.headings = v }
        if let v = other.demand { r.demand = v }
        if let v = other.hotPriority { r.hotPriority = v }
        if let v = other.allocation { r.allocation = v }
        if let v = other.groupQuotas { r.groupQuotas = v }
        if let v = other.years { r.years = v }
        if let v = other.cellSizeMeters { r.cellSizeMeters = v }
        if let v = other.bandMeters { r.bandMeters = v }
        if let v = other.siteSpacingMeters { r.siteSpacingMeters = v }
        if let v = other.perSite { r.perSite = v }
        if let v = other.timeLimitSeconds { r.timeLimitSeconds = v }
        if let v = other.evaluateYear { r.evaluateYear = v }
        return r
    }
}

/// One named scenario: the file's defaults with this scenario's overrides applied.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var settings: ScenarioSettings
}

/// A parsed scenario file: shared inputs, defaults and the named scenarios, in file order.
///
/// ```yaml
/// inputs:
///   wards: wards.geojson
///   incidents: incidents.csv
/// defaults:
///   budget: 250
///   dori: observe
/// scenarios:
///   - name: budget-100
///     budget: 100
/// ```
/// Unknown keys and values of the wrong type are errors naming the key and its line.
public struct ScenarioFile: Sendable, Equatable {
    public var path: String
    public var inputs: ScenarioInputs
    public var defaults: ScenarioSettings
    public var scenarios: [Scenario]
    /// Model-ward criteria (`model_wards:`), the directive's defaults unless overridden.
    public var criteria: ModelWardCriteria = .init()

    /// Reads and validates a scenario file.
    /// - Throws: ``PlannerError/unreadableScenario(file:reason:)`` or
    ///   ``PlannerError/scenario(file:line:key:message:)``.
    public static func load(path: String) throws -> ScenarioFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PlannerError.unreadableScenario(file: path, reason: "no such file or not UTF-8 text")
        }
        return try parse(yaml: text, path: path)
    }

    /// Parses scenario YAML; `path` is used for messages and to resolve relative paths.
    public static func parse(yaml: String, path: String) throws -> ScenarioFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw PlannerError.unreadableScenario(file: path, reason: "not valid YAML: \(error)")
        }
        let reader = YAMLReader(file: path)
        guard let root, let top = root.mapping else {
            throw PlannerError.unreadableScenario(file: path, reason: "expected a mapping with 'inputs' and 'scenarios'")
        }
        try reader.checkKeys(top, allowed: ["inputs", "defaults", "scenarios", "model_wards"], context: "")
        guard let inputsNode = top["inputs"] else {
            throw PlannerError.scenario(file: path, line: 1, key: "inputs", message: "missing; it must name at least 'wards' and 'incidents'")
        }
        let inputs = try reader.inputs(inputsNode, base: (path as NSString).deletingLastPathComponent)
        let defaults = try top["defaults"].map { try reader.settings($0, context: "defaults") } ?? ScenarioSettings()
        guard let list = top["scenarios"] else {
            throw PlannerError.scenario(file: path, line: root.mark?.line ?? 1, key: "scenarios", message: "missing; give a list of named scenarios")
        }
        guard let seq = list.sequence, !seq.isEmpty else {
            throw PlannerError.scenario(file: path, line: list.mark?.line ?? 1, key: "scenarios", message: "expected a non-empty list")
        }
        var scenarios: [Scenario] = []
        var names = Set<String>()
        for item in seq {
            guard let m = item.mapping else {
                throw PlannerError.scenario(file: path, line: item.mark?.line ?? 1, key: "scenarios", message: "each scenario must be a mapping with a 'name'")
            }
            guard let nameNode = m["name"], let name = nameNode.scalar?.string, !name.isEmpty else {
                throw PlannerError.scenario(file: path, line: item.mark?.line ?? 1, key: "name", message: "every scenario needs a name")
            }
            guard name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
                throw PlannerError.scenario(file: path, line: nameNode.mark?.line ?? 1, key: "name",
                                            message: "'\(name)' must be letters, digits, '.', '_' or '-' (it names an output folder)")
            }
            guard names.insert(name).inserted else {
                throw PlannerError.scenario(file: path, line: nameNode.mark?.line ?? 1, key: "name", message: "'\(name)' is used twice")
            }
            let description = try m["description"].map { try reader.string($0, key: "description") }
            let own = try reader.settings(item, context: "scenario '\(name)'", extra: ["name", "description"])
            scenarios.append(Scenario(name: name, description: description, settings: defaults.overridden(by: own)))
        }
        var file = ScenarioFile(path: path, inputs: inputs, defaults: defaults, scenarios: scenarios)
        if let m = top["model_wards"] { file.criteria = try reader.criteria(m) }
        return file
    }

    /// The scenarios to run: all, or the one named.
    public func selecting(_ only: String?) throws -> [Scenario] {
        guard let only else { return scenarios }
        guard let s = scenarios.first(where: { $0.name == only }) else {
            throw PlannerError.unknownScenario(name: only, known: scenarios.map(\.name))
        }
        return [s]
    }
}

/// Typed reads from a YAML node tree, with errors that name the key and line.
struct YAMLReader {
    let file: String

    static let settingKeys: [String] = [
        "budget", "budget_cost", "camera_mix", "dori", "headings", "demand", "hot_priority",
        "allocation", "group_quotas", "years", "cell_m", "band_m", "site_spacing_m", "per_site",
        "time_limit_s", "evaluate_year",
    ]
    static let doriLevels = DORILevel.allCases.map(\.rawValue)

    func fail(_ node: Node?, _ key: String, _ message: String) -> PlannerError {
        .scenario(file: file, line: node?.mark?.line ?? 1, key: key, message: message)
    }

    func checkKeys(_ m: Node.Mapping, allowed: [String], context: String) throws {
        for (k, _) in m {
            guard let name = k.scalar?.string else { throw fail(k, "?", "keys must be plain strings") }
            if !allowed.contains(name) {
                let hint = allowed.sorted().joined(separator: ", ")
                let place = context.isEmpty ? "" : " in \(context)"
                throw fail(k, name, "unknown key\(place); known keys are: \(hint)")
            }
        }
    }

    func string(_ n: Node, key: String) throws -> String {
        guard let s = n.scalar, n.null == nil else { throw fail(n, key, "expected a string") }
        return s.string
    }

    func int(_ n: Node, key: String, min: Int = Int.min) throws -> Int {
        guard n.scalar != nil, let v = n.int else { throw fail(n, key, "expected a whole number, found '\(n.scalar?.string ?? "a list or mapping")'") }
        guard v >= min else { throw fail(n, key, "must be at least \(min), found \(v)") }
        return v
    }

    func double(_ n: Node, key: String, min: Double = -.infinity, exclusiveMin: Bool = false) throws -> Double {
        guard n.scalar != nil, let v = n.float ?? n.int.map(Double.init), v.isFinite else {
            throw fail(n, key, "expected a number, found '\(n.scalar?.string ?? "a list or mapping")'")
        }
        if exclusiveMin ? v <= min : v < min {
            throw fail(n, key, "must be \(exclusiveMin ? "greater than" : "at least") \(min), found \(v)")
        }
        return v
    }

    func stringList(_ n: Node, key: String) throws -> [String] {
        guard let seq = n.sequence else { throw fail(n, key, "expected a list of strings") }
        return try seq.map { try string($0, key: key) }
    }

    func path(_ n: Node, key: String, base: String) throws -> String {
        let s = try string(n, key: key)
        if s.hasPrefix("/") || base.isEmpty { return s }
        return (base as NSString).appendingPathComponent(s)
    }

    func inputs(_ node: Node, base: String) throws -> ScenarioInputs {
        guard let m = node.mapping else { throw fail(node, "inputs", "expected a mapping of input names to files") }
        let pathKeys = ["wards", "incidents", "candidates", "roads", "existing", "obstacles", "catalog", "accidents", "exclusions"]
        let fieldKeys = ["candidate_id", "group_by", "ward_id", "ward_name", "population_field", "work_crs", "crs"]
        try checkKeys(m, allowed: pathKeys + fieldKeys, context: "inputs")
        guard let w = m["wards"] else { throw fail(node, "wards", "missing in inputs: the ward/commune boundary file") }
        guard let i = m["incidents"] else { throw fail(node, "incidents", "missing in inputs: the incident file") }
        var r = ScenarioInputs(wards: try path(w, key: "wards", base: base), incidents: try path(i, key: "incidents", base: base))
        func p(_ k: String) throws -> String? { try m[k].map { try path($0, key: k, base: base) } }
        func s(_ k: String) throws -> String? { try m[k].map { try string($0, key: k) } }
        r.candidates = try p("candidates")
        r.roads = try p("roads")
        r.existing = try p("existing")
        r.obstacles = try p("obstacles")
        r.catalog = try p("catalog")
        r.accidents = try p("accidents")
        r.exclusions = try p("exclusions")
        r.candidateID = try s("candidate_id")
        r.groupBy = try s("group_by")
        r.wardID = try s("ward_id")
        r.wardName = try s("ward_name")
        r.populationField = try s("population_field")
        r.workCRS = try s("work_crs")
        r.crs = try s("crs")
        return r
    }

    /// `model_wards:` thresholds, weights and lists.
    func criteria(_ node: Node) throws -> ModelWardCriteria {
        guard let m = node.mapping else { throw fail(node, "model_wards", "expected a mapping of criteria settings") }
        try checkKeys(m, allowed: ["crime_change_max_pct", "clearance_min", "serious_clearance_min", "complex_categories", "complex_quantile",
                                   "coverage_min", "rate_max_quantile", "weights", "lists"], context: "model_wards")
        var c = ModelWardCriteria()
        if let n = m["crime_change_max_pct"] { c.crimeChangeMaxPercent = try double(n, key: "crime_change_max_pct") }
        func share(_ key: String) throws -> Double? {
            guard let n = m[key] else { return nil }
            let v = try double(n, key: key, min: 0)
            guard v <= 1 else { throw fail(n, key, "expected a share between 0 and 1, found \(v)") }
            return v
        }
        if let v = try share("clearance_min") { c.clearanceMin = v }
        if let v = try share("serious_clearance_min") { c.seriousClearanceMin = v }
        if let v = try share("coverage_min") { c.coverageMin = v }
        if let v = try share("rate_max_quantile") { c.rateMaxQuantile = v }
        if let v = try share("complex_quantile") { c.complexArea.quantile = v }
        if let n = m["complex_categories"] {
            guard let items = n.sequence, !items.isEmpty else {
                throw fail(n, "complex_categories", "expected a list of emerging hot-spot categories")
            }
            let known = EmergingHotSpotCategory.allCases.map(\.rawValue)
            c.complexArea.categories = try items.map { item in
                let v = try string(item, key: "complex_categories")
                guard known.contains(v) else {
                    throw fail(item, "complex_categories", "'\(v)' is not an emerging hot-spot category; use one of \(known.joined(separator: ", "))")
                }
                return v
            }
        }
        if let n = m["weights"] {
            guard let wm = n.mapping else { throw fail(n, "weights", "expected criterion: weight pairs") }
            try checkKeys(wm, allowed: ModelWardRanking.criterionKeys, context: "model_wards.weights")
            for (k, v) in wm {
                let key = try string(k, key: "weights")
                c.weights[key] = try double(v, key: key, min: 0)
            }
        }
        if let n = m["lists"] {
            guard let lm = n.mapping, !lm.isEmpty else { throw fail(n, "lists", "expected list keys, each with title and types") }
            c.lists = []
            for (k, v) in lm {
                let key = try string(k, key: "lists")
                guard let vm = v.mapping else { throw fail(v, key, "expected {title: ..., types: [...]}") }
                try checkKeys(vm, allowed: ["title", "types"], context: "model_wards.lists.\(key)")
                guard let t = vm["types"] else { throw fail(v, key, "missing 'types' (unit types such as phường, xã)") }
                c.lists.append((key, try vm["title"].map { try string($0, key: "title") } ?? key, try stringList(t, key: "types")))
            }
        }
        return c
    }

    func settings(_ node: Node, context: String, extra: [String] = []) throws -> ScenarioSettings {
        guard let m = node.mapping else { throw fail(node, context, "expected a mapping of settings") }
        try checkKeys(m, allowed: YAMLReader.settingKeys + extra, context: context)
        var s = ScenarioSettings()
        if let n = m["budget"] { s.budget = try int(n, key: "budget", min: 0) }
        if let n = m["budget_cost"] { s.budgetCost = try double(n, key: "budget_cost", min: 0, exclusiveMin: true) }
        if let n = m["camera_mix"] {
            let mix = try stringList(n, key: "camera_mix")
            guard !mix.isEmpty else { throw fail(n, "camera_mix", "expected at least one camera type id") }
            s.cameraMix = mix
        }
        if let n = m["dori"] {
            let v = try string(n, key: "dori")
            guard YAMLReader.doriLevels.contains(v) else {
                throw fail(n, "dori", "'\(v)' is not a DORI level; use one of \(YAMLReader.doriLevels.joined(separator: ", "))")
            }
            s.dori = v
        }
        if let n = m["headings"] { s.headings = try int(n, key: "headings", min: 1) }
        if let n = m["demand"] {
            let v = try string(n, key: "demand")
            guard let d = DemandKind(rawValue: v) else {
                throw fail(n, "demand", "'\(v)' is not a demand kind; use one of \(DemandKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            s.demand = d
        }
        if let n = m["hot_priority"] { s.hotPriority = try double(n, key: "hot_priority", min: 0, exclusiveMin: true) }
        if let n = m["allocation"] {
            let v = try string(n, key: "allocation")
            guard let a = GroupAllocation(rawValue: v) else {
                throw fail(n, "allocation", "'\(v)' is not an allocation; use one of \(GroupAllocation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            s.allocation = a
        }
        if let n = m["group_quotas"] {
            guard let qm = n.mapping else { throw fail(n, "group_quotas", "expected a mapping of group name to {min, max}") }
            var quotas: [String: GroupQuota] = [:]
            for (k, v) in qm {
                let group = try string(k, key: "group_quotas")
                guard let vm = v.mapping else { throw fail(v, group, "expected {min: N, max: N}") }
                try checkKeys(vm, allowed: ["min", "max"], context: "group_quotas.\(group)")
                let q = GroupQuota(min: try vm["min"].map { try int($0, key: "min", min: 0) },
                                   max: try vm["max"].map { try int($0, key: "max", min: 0) })
                if let lo = q.min, let hi = q.max, lo > hi {
                    throw fail(v, group, "min \(lo) is above max \(hi)")
                }
                quotas[group] = q
            }
            s.groupQuotas = quotas
        }
        if let n = m["years"] {
            guard let seq = n.sequence, !seq.isEmpty else { throw fail(n, "years", "expected a list of years, e.g. [2021, 2022, 2023]") }
            s.years = try seq.map { try int($0, key: "years", min: 1900) }
        }
        if let n = m["cell_m"] { s.cellSizeMeters = try double(n, key: "cell_m", min: 0, exclusiveMin: true) }
        if let n = m["band_m"] { s.bandMeters = try double(n, key: "band_m", min: 0, exclusiveMin: true) }
        if let n = m["site_spacing_m"] { s.siteSpacingMeters = try double(n, key: "site_spacing_m", min: 0, exclusiveMin: true) }
        if let n = m["per_site"] { s.perSite = try int(n, key: "per_site", min: 1) }
        if let n = m["time_limit_s"] { s.timeLimitSeconds = try double(n, key: "time_limit_s", min: 0, exclusiveMin: true) }
        if let n = m["evaluate_year"] { s.evaluateYear = try int(n, key: "evaluate_year", min: 1900) }
        return s
    }
}
