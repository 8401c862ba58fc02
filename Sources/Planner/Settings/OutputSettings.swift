import Foundation

/// Settings of the output stage: which named artifacts (``OutputRegistry``) to write.
public struct OutputSettings: Sendable, Equatable, StageSettings {
    /// Artifact names; `nil`: the verb's usual set (``Verb/defaultArtifacts``).
    public var formats: [String]?
    /// Also write the incident points (the `incidents` artifact). Incident data are
    /// sensitive: by default only cells and wards leave camplan.
    public var rawPoints = false

    public init() {}

    public func validate() throws(SettingProblem) {
        for name in formats ?? [] where OutputRegistry.artifact(named: name) == nil {
            throw SettingProblem("'\(name)' is not an output; outputs are: \(OutputRegistry.names.joined(separator: ", "))", key: "formats")
        }
    }

    public static var settings: [Setting<OutputSettings>] {
        [
            .list("formats", \.formats, help: "Outputs to write, by name: \(OutputRegistry.names.joined(separator: ", ")).",
                  valueName: "name", unsetText: "the verb's usual files"),
            .flag("raw_points", \.rawPoints,
                  help: "Also write the incident points (incidents.geojson). Incident data are sensitive: by default only cells and wards leave camplan."),
        ]
    }
}
