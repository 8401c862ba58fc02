import Foundation

/// A setting's value as written, before it is typed: a YAML scalar or a command-line value
/// (`text`), a YAML sequence or a repeated/multi-value option (`list`), or a YAML mapping
/// (`mapping`, with the line of each key for messages).
public indirect enum SettingValue: Sendable, Equatable {
    case text(String)
    case list([String])
    case mapping([Entry])

    public struct Entry: Sendable, Equatable {
        public var key: String
        /// 1-based line of the key in the scenario file (`nil` on the command line).
        public var line: Int?
        public var value: SettingValue
        public init(key: String, line: Int?, value: SettingValue) {
            self.key = key
            self.line = line
            self.value = value
        }
    }

    /// The `KEY: VALUE` entries of a mapping (scenario file, with the line of each) or the
    /// `KEY=VALUE` items of a list (command line); `form` names the item shape in messages
    /// (e.g. "CLASS=WEIGHT"), `mappingNoun` what a plain value should have been.
    func keyValuePairs(form: String, mappingNoun: String) throws(SettingProblem) -> [(key: String, value: String, line: Int?)] {
        var pairs: [(key: String, value: String, line: Int?)] = []
        switch self {
        case .mapping(let entries):
            for e in entries {
                guard case .text(let t) = e.value else { throw SettingProblem("expected a number", key: e.key, line: e.line) }
                pairs.append((e.key, t, e.line))
            }
        case .list(let items):
            for item in items {
                let p = item.split(separator: "=", maxSplits: 1)
                guard p.count == 2 else { throw SettingProblem("expected \(form), found '\(item)'") }
                pairs.append((String(p[0]), String(p[1]), nil))
            }
        case .text:
            throw SettingProblem("expected \(mappingNoun)")
        }
        return pairs
    }

    /// What a message calls this value when it is not what was expected.
    var found: String {
        switch self {
        case .text(let t): t
        case .list, .mapping: "a list or mapping"
        }
    }
}

/// Why a setting's value was refused. The scenario reader adds file and line, the command
/// line adds the flag; `key`/`line` name a nested key when the problem is inside a mapping.
public struct SettingProblem: Error, Sendable, Equatable {
    public var message: String
    public var key: String?
    public var line: Int?
    public init(_ message: String, key: String? = nil, line: Int? = nil) {
        self.message = message
        self.key = key
        self.line = line
    }
}

/// A value type a setting can hold: parsed from the text of a YAML scalar or a command-line
/// value, and shown back as text (the defaults in `--help`).
public protocol SettingType {
    static func parse(_ text: String) throws(SettingProblem) -> Self
    var settingText: String { get }
    /// What a value must look like, for messages ("a whole number").
    static var expectation: String { get }
    /// The choices, for enumerations (listed in `--help` and in messages).
    static var choices: [String]? { get }
}

extension SettingType {
    public static var choices: [String]? { nil }
}

extension Int: SettingType {
    public static func parse(_ text: String) throws(SettingProblem) -> Int {
        guard let v = Int(text.trimmingCharacters(in: .whitespaces)) else { throw SettingProblem("expected \(expectation), found '\(text)'") }
        return v
    }
    public var settingText: String { String(self) }
    public static var expectation: String { "a whole number" }
}

extension UInt64: SettingType {
    public static func parse(_ text: String) throws(SettingProblem) -> UInt64 {
        guard let v = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw SettingProblem("expected \(expectation), found '\(text)'")
        }
        return v
    }
    public var settingText: String { String(self) }
    public static var expectation: String { "a whole number of 0 or more" }
}

extension Double: SettingType {
    public static func parse(_ text: String) throws(SettingProblem) -> Double {
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw SettingProblem("expected \(expectation), found '\(text)'")
        }
        return v
    }
    public static var expectation: String { "a number" }
    /// Whole numbers without ".0" (`150`, `0.75`).
    public var settingText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

extension String: SettingType {
    public static func parse(_ text: String) throws(SettingProblem) -> String { text }
    public var settingText: String { self }
    public static var expectation: String { "a string" }
}

extension Bool: SettingType {
    public static func parse(_ text: String) throws(SettingProblem) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw SettingProblem("expected \(expectation), found '\(text)'")
        }
    }
    public var settingText: String { self ? "true" : "false" }
    public static var expectation: String { "true or false" }
}

/// Enumerations read by their raw value; the message lists the choices.
public protocol SettingChoice: SettingType, RawRepresentable<String>, CaseIterable {
    /// What one value is called in messages ("a DORI level").
    static var settingNoun: String { get }
}

extension SettingChoice {
    public static func parse(_ text: String) throws(SettingProblem) -> Self {
        guard let v = Self(rawValue: text) else {
            throw SettingProblem("'\(text)' is not \(settingNoun); use one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
    public var settingText: String { rawValue }
    public static var choices: [String]? { allCases.map(\.rawValue) }
    public static var expectation: String { settingNoun }
}

/// A range check on a setting's value: `nil` when fine, else the message.
public struct SettingCheck<Value>: Sendable {
    let test: @Sendable (Value) -> String?
    public init(_ test: @escaping @Sendable (Value) -> String?) { self.test = test }

    public static var none: SettingCheck { SettingCheck { _ in nil } }
}

extension SettingCheck where Value: Comparable & Sendable {
    /// `value >= min`.
    public static func atLeast(_ min: Value) -> SettingCheck {
        SettingCheck { $0 >= min ? nil : "must be at least \(min), found \($0)" }
    }
}

extension SettingCheck where Value == Double {
    /// `value > 0`.
    public static var positive: SettingCheck { SettingCheck { $0 > 0 ? nil : "must be greater than 0.0, found \($0)" } }
    /// `0 <= value <= 1`.
    public static var share: SettingCheck {
        SettingCheck { $0 >= 0 && $0 <= 1 ? nil : "expected a share between 0 and 1, found \($0)" }
    }
    /// `0 < value <= 1`.
    public static var positiveShare: SettingCheck {
        SettingCheck { $0 > 0 && $0 <= 1 ? nil : "expected a share in (0, 1], found \($0)" }
    }
}

/// One setting of a stage, declared once: its scenario-file key, its command-line flag, its
/// help, where its value lives in the stage's settings value (`Root`), how the value is read
/// and checked, and how it is shown. The YAML reader and the command-line options both go
/// through ``read(_:into:)``; `--help` shows ``defaultText`` of `Root()`.
public struct Setting<Root> {
    /// The scenario-file key (`snake_case`).
    public let key: String
    /// The long command-line flag without dashes (`kebab-case`).
    public let flag: String
    public let help: String
    /// The value's placeholder in `--help` (`m`, `share`, `id`); empty for a flag.
    public let valueName: String
    /// A command-line flag (no value) that sets the value to ``flagValue``.
    public let flagValue: String?
    /// Takes several values on the command line (`--years 2021 2022`).
    public let isList: Bool
    let apply: (SettingValue, inout Root) throws(SettingProblem) -> Void
    let show: (Root) -> String

    public init(key: String, flag: String? = nil, help: String, valueName: String, flagValue: String? = nil, isList: Bool = false,
                apply: @escaping (SettingValue, inout Root) throws(SettingProblem) -> Void, show: @escaping (Root) -> String) {
        self.key = key
        self.flag = flag ?? key.replacingOccurrences(of: "_", with: "-")
        self.help = help
        self.valueName = valueName
        self.flagValue = flagValue
        self.isList = isList
        self.apply = apply
        self.show = show
    }

    /// Reads `value` into `root`, or throws why it is refused.
    public func read(_ value: SettingValue, into root: inout Root) throws(SettingProblem) {
        try apply(value, &root)
    }

    /// The value `root` holds, as text (`none` when unset).
    public func text(of root: Root) -> String { show(root) }

    /// The same setting on a value that holds `Root` at `path` (a stage inside a plan).
    public func scoped<Outer>(_ path: WritableKeyPath<Outer, Root>) -> Setting<Outer> {
        let apply = self.apply, show = self.show
        return Setting<Outer>(key: key, flag: flag, help: help, valueName: valueName, flagValue: flagValue, isList: isList,
                              apply: { (v: SettingValue, o: inout Outer) throws(SettingProblem) in try apply(v, &o[keyPath: path]) },
                              show: { show($0[keyPath: path]) })
    }
}

extension Setting {
    static func scalarText(_ v: SettingValue) throws(SettingProblem) -> String {
        guard case .text(let t) = v else { throw SettingProblem("expected a single value, found a list or mapping") }
        return t
    }

    static func typed<V: SettingType>(_ v: SettingValue, as: V.Type) throws(SettingProblem) -> V {
        guard case .text(let t) = v else { throw SettingProblem("expected \(V.expectation), found '\(v.found)'") }
        return try V.parse(t)
    }

    static func choicesHelp<V: SettingType>(_: V.Type) -> String {
        V.choices.map { " One of: \($0.joined(separator: ", "))." } ?? ""
    }

    /// A setting holding one value.
    public static func value<V: SettingType>(_ key: String, flag: String? = nil, _ path: WritableKeyPath<Root, V>, help: String,
                                             valueName: String = "", check: SettingCheck<V> = .none) -> Setting {
        Setting(key: key, flag: flag, help: help + choicesHelp(V.self), valueName: valueName.isEmpty ? (V.choices == nil ? "value" : "choice") : valueName,
                apply: { (v: SettingValue, r: inout Root) throws(SettingProblem) in
                    let x = try typed(v, as: V.self)
                    if let m = check.test(x) { throw SettingProblem(m) }
                    r[keyPath: path] = x
                },
                show: { $0[keyPath: path].settingText })
    }

    /// A setting that may be unset; `unsetWord` (e.g. `auto`) sets it back to `nil`.
    public static func optional<V: SettingType>(_ key: String, flag: String? = nil, _ path: WritableKeyPath<Root, V?>, help: String,
                                                valueName: String = "value", unsetWord: String? = nil, unsetText: String = "none",
                                                check: SettingCheck<V> = .none) -> Setting {
        Setting(key: key, flag: flag, help: help + choicesHelp(V.self), valueName: valueName,
                apply: { (v: SettingValue, r: inout Root) throws(SettingProblem) in
                    if let unsetWord, case .text(let t) = v, t == unsetWord {
                        r[keyPath: path] = nil
                        return
                    }
                    let x = try typed(v, as: V.self)
                    if let m = check.test(x) { throw SettingProblem(m) }
                    r[keyPath: path] = x
                },
                show: { $0[keyPath: path]?.settingText ?? unsetText })
    }

    /// A setting holding a list; `nil` (unset) is shown as `unsetText`.
    public static func list<V: SettingType>(_ key: String, flag: String? = nil, _ path: WritableKeyPath<Root, [V]?>, help: String,
                                            valueName: String = "value", unsetText: String = "all", check: SettingCheck<V> = .none) -> Setting {
        Setting(key: key, flag: flag, help: help + choicesHelp(V.self), valueName: valueName, isList: true,
                apply: { (v: SettingValue, r: inout Root) throws(SettingProblem) in
                    r[keyPath: path] = try items(v, check: check)
                },
                show: { $0[keyPath: path].map { $0.map(\.settingText).joined(separator: " ") } ?? unsetText })
    }

    /// A setting holding a non-empty list with a default.
    public static func list<V: SettingType>(_ key: String, flag: String? = nil, _ path: WritableKeyPath<Root, [V]>, help: String,
                                            valueName: String = "value", check: SettingCheck<V> = .none) -> Setting {
        Setting(key: key, flag: flag, help: help + choicesHelp(V.self), valueName: valueName, isList: true,
                apply: { (v: SettingValue, r: inout Root) throws(SettingProblem) in
                    r[keyPath: path] = try items(v, check: check)
                },
                show: { $0[keyPath: path].map(\.settingText).joined(separator: " ") })
    }

    static func items<V: SettingType>(_ v: SettingValue, check: SettingCheck<V>) throws(SettingProblem) -> [V] {
        guard case .list(let texts) = v else { throw SettingProblem("expected a list, e.g. [a, b]") }
        guard !texts.isEmpty else { throw SettingProblem("expected at least one value") }
        var out: [V] = []
        for t in texts {
            let x = try V.parse(t)
            if let m = check.test(x) { throw SettingProblem(m) }
            out.append(x)
        }
        return out
    }

    /// A yes/no setting; on the command line a flag without value that sets `flagValue`
    /// (`--no-trends` sets `trends` to false).
    public static func flag(_ key: String, flag: String? = nil, _ path: WritableKeyPath<Root, Bool>, help: String,
                            flagValue: Bool = true) -> Setting {
        Setting(key: key, flag: flag, help: help, valueName: "", flagValue: flagValue.settingText,
                apply: { (v: SettingValue, r: inout Root) throws(SettingProblem) in r[keyPath: path] = try typed(v, as: Bool.self) },
                show: { $0[keyPath: path].settingText })
    }
}

/// The settings of one stage, declared once (``settings``); the defaults are the values of
/// `init()`.
public protocol StageSettings {
    init()
    /// Every setting of the stage, in `--help` order.
    static var settings: [Setting<Self>] { get }
    /// Checks that involve several settings, after all were read.
    func validate() throws(SettingProblem)
    /// Groups of keys that are alternatives (`budget`, `budget_cost`): giving two of one
    /// group in the same block (or on one command line) is an error, and a key given at a
    /// more specific level (a scenario) clears the others given at a wider one (`defaults`).
    static var alternatives: [[String]] { get }
    /// Clears the value of `key` (one of an ``alternatives`` group) back to "not given".
    static func clear(_ key: String, in root: inout Self)
}

extension StageSettings {
    public func validate() throws(SettingProblem) {}
    public static var alternatives: [[String]] { [] }
    public static func clear(_ key: String, in root: inout Self) {}

    /// Refuses two keys of one ``alternatives`` group in `given` (one block or one command
    /// line), and clears the other keys of each group one of `given` belongs to.
    /// - Throws: ``SettingProblem`` naming both keys.
    public static func applyAlternatives(given: [String], to root: inout Self) throws(SettingProblem) {
        for group in alternatives {
            let present = group.filter { given.contains($0) }
            if present.count > 1 {
                throw SettingProblem("give either \(present.joined(separator: " or ")), not both", key: present[1])
            }
            if let chosen = present.first {
                for other in group where other != chosen { clear(other, in: &root) }
            }
        }
    }

    /// The setting with this scenario-file key.
    public static func setting(_ key: String) -> Setting<Self>? { settings.first { $0.key == key } }
}
