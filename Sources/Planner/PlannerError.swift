import Coverage
import GeoKit
import HotSpots
import Optimizer

/// Errors of the planning layer (scenario files, ranking, scorecard, run orchestration).
public indirect enum PlannerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A scenario file problem, with the key and the 1-based line it sits on.
    case scenario(file: String, line: Int, key: String, message: String)
    /// The scenario file could not be read or is not YAML.
    case unreadableScenario(file: String, reason: String)
    /// `--only NAME` named no scenario.
    case unknownScenario(name: String, known: [String])
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// A step of a run failed; `step` names it and `cause` is the error of the layer below.
    case runFailed(scenario: String, step: String, cause: Cause)
    /// The procedure fit on `yearsFit` to score `year` (a held-out fit) failed, though the plan
    /// on all years might not.
    case heldOutFitFailed(year: Int, yearsFit: [Int], cause: Cause)

    /// The error a stage of a run failed with, kept as a value of its layer.
    public enum Cause: Sendable, Equatable, CustomStringConvertible {
        case geo(GeoError)
        case coverage(CoverageError)
        case hotSpots(HotSpotError)
        case optimizer(OptimizerError)
        case planner(PlannerError)
        /// An error of no camplan layer (its description).
        case other(String)

        public init(_ error: any Error) {
            switch error {
            case let e as GeoError: self = .geo(e)
            case let e as CoverageError: self = .coverage(e)
            case let e as HotSpotError: self = .hotSpots(e)
            case let e as OptimizerError: self = .optimizer(e)
            case let e as PlannerError: self = .planner(e)
            default: self = .other("\(error)")
            }
        }

        public var description: String {
            switch self {
            case .geo(let e): e.description
            case .coverage(let e): e.description
            case .hotSpots(let e): e.description
            case .optimizer(let e): e.description
            case .planner(let e): e.description
            case .other(let s): s
            }
        }
    }

    public var description: String {
        switch self {
        case let .scenario(file, line, key, message): "\(file):\(line): '\(key)': \(message)"
        case let .unreadableScenario(file, reason): "\(file): cannot read scenario file: \(reason)"
        case let .unknownScenario(name, known):
            "no scenario named '\(name)'; scenarios are: \(known.joined(separator: ", "))"
        case let .invalidConfiguration(m): m
        case let .runFailed(scenario, step, cause): "scenario '\(scenario)', \(step): \(cause)"
        case let .heldOutFitFailed(year, yearsFit, cause):
            "the held-out fit (the same procedure on \(HeldOutPlacement.yearsText(yearsFit)), to score \(year)) failed: \(cause)"
        }
    }
}
