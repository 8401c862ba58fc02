import Foundation
import Testing
@testable import CamplanCLI

/// `place --target` (LSCP) on a study where the greedy needs more cameras than the optimum
/// (issue 12 row 10): sites A, C, B on a line 50 m apart, 360° cameras of 45 m. A sees incidents
/// X1–X3, B sees Y1–Y3, C sees X2, X3, Y1, Y2: the greedy takes C first and needs three
/// cameras, two (A and B) suffice, and the bound proves that one does not.
struct TargetStudy {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-target-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Metres east of A along the parallel 10.36° N (1 m = 1/109,505° of longitude).
        func lon(_ metres: Double) -> Double { 106.36 + metres / 109_505 }
        let sites = [("A", 0.0), ("C", 50.0), ("B", 100.0)]
        let features = sites.map { #"{"type":"Feature","properties":{"id":"\#($0.0)"},"geometry":{"type":"Point","coordinates":[\#(lon($0.1)),10.36]}}"# }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir + "/candidates.geojson", atomically: true, encoding: .utf8)
        var csv = "id,date,category,severity,solved,lon,lat\n"
        for (i, x) in [-30.0, 10, 20, 80, 90, 130].enumerated() {
            csv += "I\(i),2022-03-1\(i),property_theft,less_serious,1,\(lon(x)),10.36\n"
        }
        try csv.write(toFile: dir + "/incidents.csv", atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { dir + "/" + name }

    var arguments: [String] {
        ["place", "--incidents", path("incidents.csv"), "--candidates", path("candidates.geojson"),
         "--radius", "45", "--fov", "360", "--quiet"]
    }
}

@Suite("camplan place --target (LSCP)")
struct PlaceTargetTests {
    @Test("the LSCP gap compares the cameras placed with the lower bound on their number")
    func lscpGapIsTheCameraGap() throws {
        let s = try TargetStudy()
        let out = s.path("out")
        let r = try CLIRun.run(s.arguments + ["--target", "1", "--budget", "5", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
        let placed = try #require(summary["cameras_new"] as? Int)
        let lower = try #require(summary["lower_bound_cameras"] as? Int)
        let gap = try #require(summary["gap"] as? Double)
        #expect(placed == 3 && lower == 2)
        // Used to be written as 0 ("certified gap 0.000%") whatever the bound said.
        #expect(abs(gap - Double(placed - lower) / Double(placed)) < 1e-12)
        #expect(r.stdout.contains("at least 2 are needed; certified gap 33.333%"), "\(r.stdout)")
    }

    @Test("a target the budget cannot reach is an error, not a capped plan with exit 0")
    func targetBeyondBudgetIsAnError() throws {
        let s = try TargetStudy()
        let out = s.path("out")
        let r = try CLIRun.run(s.arguments + ["--target", "1", "--budget", "1", "--out", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("target share 100.00% is not reached"), "\(r.stderr)")
        #expect(r.stderr.contains("raise the budget"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite("camplan place --gap")
struct PlaceGapTests {
    @Test("--gap takes a share in [0, 1) and is refused otherwise")
    func gapIsChecked() throws {
        let s = try TargetStudy()
        let bad = try CLIRun.run(s.arguments + ["--budget", "2", "--gap", "1.5", "--out", s.path("bad")])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--gap") && bad.stderr.contains("[0, 1)"), "\(bad.stderr)")
        let exact = try CLIRun.run(s.arguments + ["--budget", "2", "--gap", "0", "--out", s.path("exact")])
        #expect(exact.status == 0, "\(exact.stderr)")
        // A and B together see all six incidents: the search with gap 0 proves it.
        #expect(exact.stdout.contains("(100.00%)") && exact.stdout.contains("optimal"), "\(exact.stdout)")
    }
}
