import ArgumentParser
import CamplanBench
import Planner

/// The root command: `camplan <verb>`.
public struct CamplanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "camplan",
        abstract: "Plan surveillance-camera networks: hot spots, camera placement, model wards.",
        // `camplan --version`: camplan's and the C libraries' versions, for bug reports.
        version: CamplanVersion.line,
        subcommands: [InspectCommand.self, HotspotsCommand.self, PlaceCommand.self, RunCommand.self, RankWardsCommand.self,
                      BenchCommand.self]
    )
    public init() {}
}
