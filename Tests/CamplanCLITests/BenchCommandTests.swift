import ArgumentParser
@testable import CamplanCLI
import Foundation
import Testing
@testable import CamplanBench

/// The hidden `camplan bench` verb: parsing, record format and one real run (no timing assertion).
@Suite("camplan bench")
struct BenchCommandTests {
    @Test func benchIsHiddenButParses() throws {
        #expect(!CamplanCommand.helpMessage(columns: 200).contains("bench"))
        let cmd = try CamplanCommand.parseAsRoot(["bench", "placement", "--size", "large", "--time-limit", "10"])
        let bench = try #require(cmd as? BenchCommand)
        #expect(bench.area == .placement && bench.size == .large && bench.timeLimit == 10)
    }

    @Test func badArgumentsAreValidationErrors() {
        for args in [["nonsense"], ["hotspots", "--size", "huge"], ["optimizer", "--time-limit", "-1"], []] {
            do {
                _ = try BenchCommand.parse(args)
                Issue.record("\(args) must not parse")
            } catch {
                #expect(BenchCommand.exitCode(for: error) == .validationFailure, "\(args)")
            }
        }
    }

    @Test func recordIsOneJSONObjectInFieldOrder() throws {
        var r = BenchRecord(area: "x", case: "a \"quoted\" case")
        r.add("n", 3)
        r.add("t", 0.1234567)
        r.add("bad", Double.nan)
        r.add("ok", true)
        #expect(r.json == #"{"area": "x", "case": "a \"quoted\" case", "n": 3, "t": 0.123457, "bad": null, "ok": true}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(r.json.utf8)) as? [String: Any]
        #expect(decoded?["case"] as? String == "a \"quoted\" case")
        #expect(BenchRecord.peakResidentMegabytes() > 0)
    }

    /// A reference instance through the built executable (the smallest, copied to a folder of
    /// its own): one parseable line, the objective never above its bound nor CBC's optimum, and
    /// within 0.5% of it.
    @Test func mclpCasePrintsOneLinePerReferenceInstance() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = "synthetic-2000x500-p20.json"
        try FileManager.default.copyItem(at: CLIRun.root.appendingPathComponent("Tests/OptimizerTests/Fixtures/mclp/\(name)"),
                                         to: dir.appendingPathComponent(name))
        let run = try CLIRun.run(["bench", "mclp", "--mclp-dir", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        for line in lines {
            let rec = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let objective = try #require(rec["objective"] as? Double)
            let bound = try #require(rec["upper_bound"] as? Double)
            let cbc = try #require(rec["cbc_objective"] as? Double)
            #expect(objective <= bound + 1e-9 && objective <= cbc + 1e-9 && objective >= 0.995 * cbc, "\(line)")
            #expect((rec["peak_rss_mb"] as? Double ?? 0) > 0)
        }
    }
}
