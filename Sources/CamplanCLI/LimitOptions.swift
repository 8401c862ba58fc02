import ArgumentParser
import Planner

/// Resource limits of the verbs that compute: one option per ``LimitSettings`` setting.
public struct LimitOptions: SettingOptions {
    typealias Settings = LimitSettings

    @Option(name: .customLong("max-memory"), help: settingHelp(LimitSettings.self, "max_memory"))
    var maxMemory: String?

    public init() {}

    var given: [(key: String, value: SettingValue?)] {
        [("max_memory", text(maxMemory))]
    }

    public mutating func validate() throws { _ = try settings() }
}
