import ArgumentParser
import CamplanBench

/// The root command: `camplan <verb>`.
public struct CamplanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "camplan",
        abstract: "Plan surveillance-camera networks: hot spots, camera placement, model wards.",
        subcommands: [InspectCommand.self, HotspotsCommand.self, PlaceCommand.self, RunCommand.self, RankWardsCommand.self,
                      BenchCommand.self]
    )
    public init() {}
}
