import ArgumentParser
import Planner

/// An option group that maps one to one onto a stage's settings (``StageSettings``): every
/// option is a setting's flag, every value is read by the setting's own declaration, and
/// `--help` shows the setting's help with the default taken from the settings type.
protocol SettingOptions: ParsableArguments {
    associatedtype Settings: StageSettings
    /// Each setting key with the value given on the command line (`nil`: not given).
    var given: [(key: String, value: SettingValue?)] { get }
}

extension SettingOptions {
    /// `base` with every given option read onto it; refused values are `ValidationError`s
    /// (exit 64) naming the flag.
    func settings(_ base: Settings = Settings()) throws -> Settings {
        var s = base
        do {
            try Settings.applyAlternatives(given: given.filter { $0.value != nil }.map(\.key), to: &s)
        } catch {
            let flags = given.filter { $0.value != nil }.map(\.key).filter { k in Settings.alternatives.contains { $0.contains(k) } }
                .compactMap { Settings.setting($0).map { "--" + $0.flag } }
            throw ValidationError("give either \(flags.joined(separator: " or ")), not both")
        }
        for (key, value) in given {
            guard let value else { continue }
            guard let setting = Settings.setting(key) else {
                throw ValidationError("internal: no setting '\(key)' in \(Settings.self)")
            }
            do {
                try setting.read(value, into: &s)
            } catch {
                throw ValidationError("--\(setting.flag): \(error.message)")
            }
        }
        do {
            try s.validate()
        } catch {
            throw ValidationError(error.message)
        }
        return s
    }
}

/// The `--help` text of a setting: its help and, for options with a value, the default of
/// `Root()`.
func settingHelp<Root: StageSettings>(_: Root.Type, _ key: String) -> ArgumentHelp {
    guard let s = Root.setting(key) else { return ArgumentHelp("(undeclared setting \(key))") }
    if s.flagValue != nil { return ArgumentHelp(s.help) }
    return ArgumentHelp(s.help + " (default: \(s.text(of: Root())))", valueName: s.valueName)
}

/// A single option value, or a list (`nil` when not given).
func text(_ v: String?) -> SettingValue? { v.map(SettingValue.text) }
func list(_ v: [String]) -> SettingValue? { v.isEmpty ? nil : .list(v) }
func flag(_ on: Bool, _ value: String = "true") -> SettingValue? { on ? .text(value) : nil }
