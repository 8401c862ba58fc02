import Foundation
import GeoKit
import Yams

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
    /// Plausible incident dates, `FIRST..LAST` (``DateWindow``); `nil` = 2000-01-01 to today.
    public var dateWindow: String?
    /// Character set of a CSV incident file that is not UTF-8 (`windows-1258`, `latin1`).
    public var encoding: String?

    public init(wards: String, incidents: String) {
        self.wards = wards
        self.incidents = incidents
    }
}

/// One named scenario: the file's defaults with this scenario's keys read on top.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var settings: PlanSettings

    public init(name: String, description: String? = nil, settings: PlanSettings = .init()) {
        self.name = name
        self.description = description
        self.settings = settings
    }
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
/// The keys of `defaults:` and of each scenario are those of ``PlanSettings/settings`` (the
/// same declarations the command-line options use). Unknown keys and values of the wrong
/// type are errors naming the key and its line.
public struct ScenarioFile: Sendable, Equatable {
    public var path: String
    public var inputs: ScenarioInputs
    /// The `defaults:` block read onto the built-in defaults.
    public var defaults: PlanSettings
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
        var defaults = PlanSettings()
        if let d = top["defaults"] { try reader.read(d, into: &defaults, context: "defaults") }
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
            var settings = defaults
            try reader.read(item, into: &settings, context: "scenario '\(name)'", extra: ["name", "description"])
            do {
                try settings.validate()
            } catch {
                throw PlannerError.scenario(file: path, line: item.mark?.line ?? 1, key: error.key ?? "name",
                                            message: "scenario '\(name)': \(error.message)")
            }
            scenarios.append(Scenario(name: name, description: description, settings: settings))
        }
        var file = ScenarioFile(path: path, inputs: inputs, defaults: defaults, scenarios: scenarios)
        if let m = top["model_wards"] { try reader.read(m, into: &file.criteria, context: "model_wards") }
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

    func path(_ n: Node, key: String, base: String) throws -> String {
        let s = try string(n, key: key)
        if s.hasPrefix("/") || base.isEmpty { return s }
        return (base as NSString).appendingPathComponent(s)
    }

    /// A node as an untyped setting value (scalars as their text).
    func value(_ n: Node, key: String) throws -> SettingValue {
        if let s = n.scalar { return .text(n.null == nil ? s.string : "") }
        if let seq = n.sequence {
            return .list(try seq.map { item in
                guard let s = item.scalar else { throw fail(item, key, "expected a list of single values") }
                return s.string
            })
        }
        if let m = n.mapping {
            return .mapping(try m.map { k, v in
                guard let name = k.scalar?.string else { throw fail(k, "?", "keys must be plain strings") }
                return SettingValue.Entry(key: name, line: k.mark?.line, value: try value(v, key: name))
            })
        }
        throw fail(n, key, "expected a value")
    }

    /// Reads every key of the mapping `node` (except `extra`) onto `root` through
    /// `Root.settings`; an unknown key or a refused value names the key and its line.
    func read<Root: StageSettings>(_ node: Node, into root: inout Root, context: String, extra: [String] = []) throws {
        guard let m = node.mapping else { throw fail(node, context, "expected a mapping of settings") }
        let settings = Root.settings
        try checkKeys(m, allowed: settings.map(\.key) + extra, context: context)
        do {
            try Root.applyAlternatives(given: m.compactMap { $0.key.scalar?.string }, to: &root)
        } catch {
            let node = m.first { $0.key.scalar?.string == error.key }?.key
            throw PlannerError.scenario(file: file, line: node?.mark?.line ?? 1, key: error.key ?? context,
                                        message: "\(error.message) in \(context)")
        }
        for (k, v) in m {
            guard let key = k.scalar?.string, !extra.contains(key), let setting = settings.first(where: { $0.key == key }) else { continue }
            do {
                try setting.read(try value(v, key: key), into: &root)
            } catch let p as SettingProblem {
                throw PlannerError.scenario(file: file, line: p.line ?? v.mark?.line ?? 1, key: p.key ?? key, message: p.message)
            }
        }
    }

    func inputs(_ node: Node, base: String) throws -> ScenarioInputs {
        guard let m = node.mapping else { throw fail(node, "inputs", "expected a mapping of input names to files") }
        let pathKeys = ["wards", "incidents", "candidates", "roads", "existing", "obstacles", "catalog", "accidents", "exclusions"]
        let fieldKeys = ["candidate_id", "group_by", "ward_id", "ward_name", "population_field", "work_crs", "crs", "date_window", "encoding"]
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
        r.dateWindow = try s("date_window")
        if let w = r.dateWindow, let node = m["date_window"] {
            do { _ = try DateWindow(parsing: w) } catch { throw fail(node, "date_window", error.description) }
        }
        r.encoding = try s("encoding")
        r.crs = try s("crs")
        return r
    }
}
