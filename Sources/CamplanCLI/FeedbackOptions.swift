import ArgumentParser
import Planner

/// `--quiet` / `--verbose`, shared by the long-running verbs.
public struct FeedbackOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress bar on stderr.")
    public var quiet = false

    @Flag(name: .shortAndLong, help: "Print a stage timing line at the end (stderr).")
    public var verbose = false

    public init() {}

    func reporter() -> ProgressReporter { ProgressReporter(quiet: quiet, verbose: verbose) }
}

