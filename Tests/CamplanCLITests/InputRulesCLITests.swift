import Foundation
import GeoKit
import Testing
@testable import CamplanCLI

/// Issue 12 rows 8 and 1 through the binary.
@Suite("Input rules through the CLI (issue 12)")
struct InputRulesCLITests {
    @Test func row8RankWardsCountsAndWritesTheRejectedRows() throws {
        let s = try SmallStudy()
        let out = s.path("out")
        let r = try CLIRun.run(["rank-wards", "--incidents", s.path("incidents.csv"), "--band", "500", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 incident rows rejected; see \(out)/rejects.csv"))
        let rejects = try VectorReader.read(out + "/rejects.csv").features
        #expect(rejects.count == 1)
        #expect(rejects.first?["id"] == .string("BAD1"))
    }

    @Test func row1InspectReportsRowsOutsideTheDateWindow() throws {
        let s = try SmallStudy()
        var csv = try String(contentsOfFile: s.path("incidents.csv"), encoding: .utf8)
        csv += "LATE,2099-06-01,property_theft,serious,1,106.36,10.36\n"
        try csv.write(toFile: s.path("late.csv"), atomically: true, encoding: .utf8)
        let r = try CLIRun.run(["inspect", "--incidents", s.path("late.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("date outside the plausible window 1"))
        #expect(r.stdout.contains("Warnings (1):"))
        #expect(!r.stdout.contains(" 2099 "))
    }

    @Test func row20EmptyOutIsRefused() throws {
        let s = try SmallStudy()
        for verb in [["hotspots"], ["rank-wards"]] {
            let r = try CLIRun.run(verb + ["--incidents", s.path("incidents.csv"), "--out", ""])
            #expect(r.status == 64, "\(verb)")
            #expect(r.stderr.contains("--out must name a folder"))
        }
    }

    @Test func row1WarningsReachSummaryJSON() throws {
        let s = try SmallStudy()
        var csv = try String(contentsOfFile: s.path("incidents.csv"), encoding: .utf8)
        csv += "LATE,2099-06-01,property_theft,serious,1,106.36,10.36\n"
        try csv.write(toFile: s.path("late.csv"), atomically: true, encoding: .utf8)
        let out = s.path("out")
        let r = try CLIRun.run(["hotspots", "--incidents", s.path("late.csv"), "--band", "500", "--no-trends", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("warning: ") && r.stdout.contains("dated outside 2000-01-01.."))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        let warnings = json?["warnings"] as? [String] ?? []
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("row 83") == true)
    }

    @Test func row19InspectReportsInstalledCamerasLeftOut() throws {
        let s = try SmallStudy()
        func camera(_ id: String, _ lon: Double, _ lat: Double) -> String {
            #"{"type":"Feature","properties":{"id":"\#(id)","camera_type":"ptz_4mp_25x","heading_deg":null},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}"#
        }
        let cameras = [camera("E1", 106.36, 10.36), camera("E1", 106.37, 10.37), camera("E2", 0, 0)]
        try #"{"type":"FeatureCollection","features":[\#(cameras.joined(separator: ","))]}"#
            .write(toFile: s.path("existing.geojson"), atomically: true, encoding: .utf8)
        let r = try CLIRun.run(["inspect", "--existing", s.path("existing.geojson")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Installed cameras: \(s.path("existing.geojson")): 1 kept"))
        #expect(r.stdout.contains("2 installed cameras left out"))
    }
}
