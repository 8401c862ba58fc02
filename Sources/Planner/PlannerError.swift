/// Errors of the planning layer (scenario files, ranking, scorecard, run orchestration).
public enum PlannerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A scenario file problem, with the key and the 1-based line it sits on.
    case scenario(file: String, line: Int, key: String, message: String)
    /// The scenario file could not be read or is not YAML.
    case unreadableScenario(file: String, reason: String)
    /// `--only NAME` named no scenario.
    case unknownScenario(name: String, known: [String])
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// A step of a run failed; `step` names it.
    case runFailed(scenario: String, step: String, reason: String)

    public var description: String {
        switch self {
        case let .scenario(file, line, key, message): "\(file):\(line): '\(key)': \(message)"
        case let .unreadableScenario(file, reason): "\(file): cannot read scenario file: \(reason)"
        case let .unknownScenario(name, known):
            "no scenario named '\(name)'; scenarios are: \(known.joined(separator: ", "))"
        case let .invalidConfiguration(m): m
        case let .runFailed(scenario, step, reason): "scenario '\(scenario)', \(step): \(reason)"
        }
    }
}
