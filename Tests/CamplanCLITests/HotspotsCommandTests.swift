import Foundation
import GeoKit
import Testing
@testable import CamplanCLI

@Suite("camplan hotspots", .serialized)
struct HotspotsCommandTests {
    static let geodata = CLIRun.root.appendingPathComponent("geodata/tien-giang").path

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-hot-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func shippedDataGivesTheLayersAndTheHeldOutTest() throws {
        try #require(FileManager.default.fileExists(atPath: Self.geodata + "/incidents.csv"), "the shipped geodata is part of the repository: \(Self.geodata + "/incidents.csv")")
        let out = try tempDir() + "/hot"
        let r = try CLIRun.run(["hotspots", "--wards", Self.geodata + "/wards.geojson", "--incidents", Self.geodata + "/incidents.csv",
                                "--cell", "1000", "--evaluate-year", "2023", "--population-field", "population", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let cells = try VectorReader.read(out + "/hotspot-cells.geojson")
        #expect(cells.crs?.epsgCode == 4326)
        let names = Set(cells.fields.map(\.name))
        for f in ["cell_id", "count", "weight", "neighbors", "gi_z", "gi_p", "gi_bin", "kde", "trend"] { #expect(names.contains(f), "\(f)") }
        // Every incident lies in a cell: the counts add up to the 3,180 incidents.
        let total = cells.features.reduce(0.0) { $0 + ($1["count"].doubleValue ?? 0) }
        #expect(total == 3180)
        #expect(cells.features.contains { $0["gi_bin"] == .integer(3) })
        let wards = try VectorReader.read(out + "/wards.geojson")
        #expect(wards.features.count == 57)
        #expect(wards.features.allSatisfy { $0["incidents_per_1000"] != .null })
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        #expect(summary["cells"] as? Int == cells.features.count)
        #expect((summary["band_m"] as? Double ?? 0) > 1000)
        let evaluation = try #require(summary["evaluation"] as? [String: Any])
        #expect(evaluation["year"] as? Int == 2023)
        let rows = try #require(evaluation["rows"] as? [[String: Any]])
        // Gi*, KDE and the last-year baseline at 1, 5 and 10% of the area.
        #expect(rows.count == 9)
        // Clustered synthetic crime: the top 5% of cells by Gi* must hold far more than 5%.
        let gi5 = try #require(rows.first { $0["method"] as? String == "gi_star" && abs(($0["area_share"] as? Double ?? 0) - 0.05) < 1e-9 })
        #expect((gi5["pai"] as? Double ?? 0) > 2)
        #expect(r.stdout.contains("held-out 2023"))
    }

    @Test func incidentPointsLeaveOnlyWhenAskedFor() throws {
        try #require(FileManager.default.fileExists(atPath: Self.geodata + "/incidents.csv"), "the shipped geodata is part of the repository: \(Self.geodata + "/incidents.csv")")
        let dir = try tempDir()
        let base = ["hotspots", "--wards", Self.geodata + "/wards.geojson", "--incidents", Self.geodata + "/incidents.csv",
                    "--cell", "1000", "--no-trends", "--quiet"]
        let a = try CLIRun.run(base + ["--out", dir + "/a"])
        #expect(a.status == 0, "\(a.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: dir + "/a").filter { !$0.hasPrefix(".") }.sorted()
        #expect(written == ["hotspot-cells.geojson", "summary.json", "wards.geojson"])
        let b = try CLIRun.run(base + ["--raw-points", "--out", dir + "/b"])
        #expect(b.status == 0, "\(b.stderr)")
        let points = try VectorReader.read(dir + "/b/incidents.geojson")
        #expect(points.features.count == 3180)
        #expect(points.features.allSatisfy { $0["cell_id"] != .null })
    }

    @Test func tooFewIncidentsIsAClearErrorWithNoOutput() throws {
        let dir = try tempDir()
        var csv = "id,date,lon,lat\n"
        for i in 0 ..< 12 { csv += "I\(i),2022-01-0\(1 + i % 9),\(106.36 + Double(i) * 0.001),10.36\n" }
        try csv.write(toFile: dir + "/few.csv", atomically: true, encoding: .utf8)
        let out = dir + "/hot"
        let r = try CLIRun.run(["hotspots", "--wards", Self.geodata + "/wards.geojson", "--incidents", dir + "/few.csv", "--out", out, "--quiet"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("30"))
        #expect(r.stderr.contains("12"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aBandThatLeavesCellsAloneIsRefused() throws {
        try #require(FileManager.default.fileExists(atPath: Self.geodata + "/incidents.csv"), "the shipped geodata is part of the repository: \(Self.geodata + "/incidents.csv")")
        let out = try tempDir() + "/hot"
        let r = try CLIRun.run(["hotspots", "--wards", Self.geodata + "/wards.geojson", "--incidents", Self.geodata + "/incidents.csv",
                                "--cell", "1000", "--band", "500", "--out", out, "--quiet"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("neighbo"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func badBandIsAnArgumentError() throws {
        let r = try CLIRun.run(["hotspots", "--incidents", "x.csv", "--band", "wide"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--band"))
    }
}

@Suite("severity classes on the command line")
struct SeverityCommandTests {
    @Test func aMisspeltClassIsAnErrorNamingTheRow() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-sev-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "id,date,severity,lon,lat\nA,2022-01-01,serious,106.36,10.36\nB,2022-01-02,seriuos,106.37,10.36\n"
            .write(toFile: dir + "/sev.csv", atomically: true, encoding: .utf8)
        let geodata = CLIRun.root.appendingPathComponent("geodata/tien-giang/wards.geojson").path
        let r = try CLIRun.run(["inspect", "--wards", geodata, "--incidents", dir + "/sev.csv"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("row 3, field 'severity': 'seriuos'"))
        #expect(r.stdout.contains("seriuos"))   // the report still shows what was read
    }
}

@Suite("camplan inspect per group")
struct InspectPerGroupTests {
    @Test func severityAndCategoryPerDistrictAddUp() throws {
        let geodata = CLIRun.root.appendingPathComponent("geodata/tien-giang").path
        try #require(FileManager.default.fileExists(atPath: geodata + "/incidents.csv"), "the shipped geodata is part of the repository: \(geodata + "/incidents.csv")")
        let r = try CLIRun.run(["inspect", "--wards", geodata + "/wards.geojson", "--incidents", geodata + "/incidents.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let bySeverity = try #require(lines.firstIndex { $0.hasPrefix("incidents by severity") })
        let byCategory = try #require(lines.firstIndex { $0.hasPrefix("incidents by category") })
        // Mỹ Tho's row in each table sums to its 745 incidents of the first table.
        for start in [bySeverity, byCategory] {
            let row = try #require(lines[start...].first { $0.hasPrefix("Thành phố Mỹ Tho") })
            let numbers = row.split(separator: " ").compactMap { Int($0) }
            #expect(numbers.reduce(0, +) == 745, "\(row)")
        }
    }
}
