import ArgumentParser
import Foundation
import Testing
@testable import CamplanCLI

/// Runs the built `camplan` executable and captures its output.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/GeoKitTests/Fixtures/\(name)").path
    }

    /// The `camplan` binary beside the test bundle (same build directory).
    static var executable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("camplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let fallback = root.appendingPathComponent(".build/debug/camplan")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRun {
        let exe = try #require(executable as URL?, "build camplan first: swift build --build-tests")
        return try run(executable: exe, arguments, environment: environment)
    }

    /// Runs `executable` (e.g. /bin/sh wrapping camplan) with extra environment variables.
    static func run(executable exe: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIRun {
        let p = Process()
        p.executableURL = exe
        p.arguments = arguments
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite("camplan inspect")
struct InspectCommandTests {
    @Test func badArgumentsAreValidationErrors() {
        for args in [["--rejects", "r.csv"], ["--crs", "EPSG:999999"], ["--work-crs", "nonsense"], ["--work-crs", "EPSG:4326"], ["--work-crs", "EPSG:2227"],
                     ["--incidents", "i.csv", "--x-field", "a"]] {
            do {
                _ = try InspectCommand.parse(args)
                Issue.record("\(args) must not parse")
            } catch {
                #expect(InspectCommand.exitCode(for: error) == .validationFailure, "\(args)")
            }
        }
        #expect(throws: Never.self) { try InspectCommand.parse(["--wards", "w.geojson", "--incidents", "i.csv", "--json"]) }
    }

    @Test func inspectIsASubcommand() throws {
        let cmd = try CamplanCommand.parseAsRoot(["inspect", "--wards", "w.geojson"])
        #expect(cmd is InspectCommand)
    }

    @Test func jsonOnFixtures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards.geojson"), "--incidents", CLIRun.fixture("incidents.csv"),
                                "--rejects", dir + "/rejects.csv", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["wardCount"] as? Int == 3)
        #expect(json["incidentCount"] as? Int == 4)
        #expect(json["rejectedCount"] as? Int == 5)
        #expect(json["incidentsByYear"] as? [String: Int] == ["2021": 1, "2022": 1, "2023": 2])
        #expect((json["rejectedByReason"] as? [String: Int])?["apparently swapped lat/lon"] == 1)
        #expect(json["wardsByType"] as? [String: Int] == ["phường": 1, "xã": 2])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { $0["name"] as? String } == ["Thành phố Mỹ Tho", "Huyện Chợ Gạo"])
        #expect(groups[0]["incidents"] as? Int == 3)
        let rejects = try String(contentsOfFile: dir + "/rejects.csv", encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 6)
    }

    @Test func layerAndSheetSelection() throws {
        let r = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards.gpkg"), "--wards-layer", "wards",
                                "--incidents", CLIRun.fixture("incidents.xlsx"), "--incidents-layer", "thang2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["incidentCount"] as? Int == 1)
        #expect(json["incidentsByYear"] as? [String: Int] == ["2022": 1])
        let noPrj = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards_noprj.shp"), "--crs", "EPSG:32648", "--json"])
        #expect(noPrj.status == 0)
        #expect(noPrj.stdout.contains("\"wardCount\" : 3"))
    }

    @Test func fieldOverrides() throws {
        let r = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards.geojson"), "--incidents", CLIRun.fixture("incidents.csv"),
                                "--category-field", "severity", "--date-field", "id", "--json"])
        // Dates taken from the id column: the 6 rows whose coordinates pass (checked before dates;
        // the ward test comes after) fail as bad dates. The report still prints, but an input
        // with no usable row is an error.
        #expect(r.status == 65)
        #expect(r.stderr.contains("no usable incident among"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["incidentCount"] as? Int == 0)
        #expect((json["rejectedByReason"] as? [String: Int])?["bad date"] == 6)
        let missing = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards.geojson"), "--incidents", CLIRun.fixture("incidents.csv"),
                                      "--weight-field", "nope"])
        #expect(missing.status == 65 && missing.stderr.contains("no field 'nope'"))
    }

    @Test func humanTable() throws {
        let r = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards_invalid.geojson")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2 wards in 1 groups"))
        #expect(r.stdout.contains("Boundaries repaired (1):"))
        #expect(r.stdout.contains("feature 1 (ward B1): Self-intersection"))
        let lines = r.stdout.split(separator: "\n")
        let total = try #require(lines.first { $0.hasPrefix("total") })
        #expect(total.split(separator: " ").map(String.init).prefix(5) == ["total", "2", "1", "1", "0"])
    }

    @Test func badDataIsOneLineOnStderrAndNoOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["--wards", CLIRun.fixture("not_vector.txt")], "not_vector.txt: cannot read"),
            (["--wards", CLIRun.fixture("empty.geojson")], "empty.geojson: no features"),
            (["--wards", CLIRun.fixture("wards_points.geojson")], "feature 1 is a Point, expected Polygon or MultiPolygon"),
            (["--wards", CLIRun.fixture("wards.geojson"), "--group-by", "huyen"], "no field 'huyen'"),
            (["--wards", CLIRun.fixture("wards.gpkg"), "--wards-layer", "xa"], "no layer 'xa'; layers are: wards"),
            (["--wards", CLIRun.fixture("wards_noprj.shp")], "give one with --crs"),
            (["--wards", CLIRun.fixture("wards.geojson"), "--incidents", CLIRun.fixture("wards.geojson")], "expected Point"),
            (["--wards", CLIRun.fixture("wards.geojson"), "--incidents", CLIRun.fixture("incidents.csv"), "--x-field", "x", "--y-field", "vi_do"], "no field 'x'"),
        ]
        for (args, message) in cases {
            let r = try CLIRun.run(["inspect"] + args + ["--rejects", dir + "/rejects.csv"].suffix(args.contains("--incidents") ? 2 : 0))
            #expect(r.status == 65, "\(args)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("camplan: "))
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? ["?"]).isEmpty)
        let bad = try CLIRun.run(["inspect", "--wards", CLIRun.fixture("wards.geojson"), "--crs", "EPSG:999999"])
        #expect(bad.status == 64)
    }

    @Test func shippedWardsNumbers() throws {
        let wards = CLIRun.root.appendingPathComponent("geodata/tien-giang/wards.geojson").path
        try #require(FileManager.default.fileExists(atPath: wards), "the shipped geodata is part of the repository: \(wards)")
        let r = try CLIRun.run(["inspect", "--wards", wards, "--json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["wardCount"] as? Int == 57)
        #expect((json["groups"] as? [Any])?.count == 11)
        #expect(json["wardsByType"] as? [String: Int] == ["phường": 13, "xã": 44])
        #expect(json["groupField"] as? String == "district_name")
    }
}

@Suite("camplan inspect help")
struct InspectHelpTests {
    /// Every shared input option and every inspect option is documented in --help.
    @Test func helpListsEveryOption() {
        let help = InspectCommand.helpMessage(columns: 200)
        for option in ["--wards <file>", "--wards-layer <name>", "--incidents <file>", "--incidents-layer <name>", "--crs <crs>",
                       "--work-crs <crs>", "--ward-id <field>", "--ward-name <field>", "--group-by <field>",
                       "--x-field <field>", "--y-field <field>", "--id-field <field>", "--date-field <field>", "--category-field <field>",
                       "--severity-field <field>", "--solved-field <field>", "--weight-field <field>", "--rejects <file>", "--json"] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(help.contains("default: geodata/tien-giang/wards.geojson"))
    }
}
