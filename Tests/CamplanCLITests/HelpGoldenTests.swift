import ArgumentParser
import Foundation
import Testing
@testable import CamplanCLI

/// `--help` of every verb against its golden file (Fixtures/help/VERB.txt, 100 columns).
/// After a deliberate change, regenerate them with `scripts/update-help-goldens` and review
/// the diff.
@Suite("Golden --help")
struct HelpGoldenTests {
    static let verbs: [(String, any ParsableCommand.Type)] = [
        ("camplan", CamplanCommand.self), ("inspect", InspectCommand.self), ("hotspots", HotspotsCommand.self),
        ("place", PlaceCommand.self), ("run", RunCommand.self), ("rank-wards", RankWardsCommand.self),
    ]

    @Test(arguments: verbs.map(\.0))
    func helpMatchesGolden(verb: String) throws {
        let command = try #require(Self.verbs.first { $0.0 == verb }?.1)
        let help = command.helpMessage(columns: 100) + "\n"
        if let dir = ProcessInfo.processInfo.environment["CAMPLAN_UPDATE_HELP"] {
            try help.write(toFile: "\(dir)/\(verb).txt", atomically: true, encoding: .utf8)
        }
        let url = try #require(Bundle.module.url(forResource: verb, withExtension: "txt", subdirectory: "Fixtures/help"),
                               "no golden for \(verb); run scripts/update-help-goldens")
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(help == golden, "camplan \(verb) --help changed; if on purpose, run scripts/update-help-goldens")
    }
}
