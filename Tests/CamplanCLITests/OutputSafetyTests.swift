import Foundation
import GeoKit
import HotSpots
import SeededRandom
import Testing
@testable import CamplanCLI
#if canImport(Glibc)
import Glibc
#endif

/// A two-ward study small enough for `camplan run` to finish in about a second with the
/// debug binary: 4 candidate sites, 120 incidents, two districts.
struct TinyScenarioStudy {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-safety-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sites = [(106.3600, 10.3600), (106.3627, 10.3600), (106.3654, 10.3600), (106.3681, 10.3600)]
        let features = sites.enumerated().map { i, s in
            #"{"type":"Feature","properties":{"id":"S\#(i + 1)"},"geometry":{"type":"Point","coordinates":[\#(s.0),\#(s.1)]}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
            .write(toFile: dir + "/candidates.geojson", atomically: true, encoding: .utf8)
        var rng = SplitMix64(seed: 11)
        var csv = "id,date,category,severity,solved,lon,lat\n"
        for i in 0 ..< 120 {
            let s = sites[i % 4]
            let dx = (rng.unit() - 0.5) * 0.004, dy = (rng.unit() - 0.5) * 0.004
            csv += "I\(i),\(2021 + i % 3)-0\(1 + i % 9)-1\(i % 10),property_theft,serious,1,\(s.0 + dx),\(s.1 + dy)\n"
        }
        try csv.write(toFile: dir + "/incidents.csv", atomically: true, encoding: .utf8)
        func ward(_ code: String, _ name: String, _ district: String, _ x0: Double, _ x1: Double) -> String {
            #"{"type":"Feature","properties":{"ward_code":"\#(code)","ward_name":"\#(name)","ward_type":"phường","district":"\#(district)"},"#
                + #""geometry":{"type":"Polygon","coordinates":[[[\#(x0),10.355],[\#(x1),10.355],[\#(x1),10.365],[\#(x0),10.365],[\#(x0),10.355]]]}}"#
        }
        try #"{"type":"FeatureCollection","features":[\#(ward("1", "West", "A", 106.355, 106.364)),\#(ward("2", "East", "B", 106.364, 106.373))]}"#
            .write(toFile: dir + "/wards.geojson", atomically: true, encoding: .utf8)
    }

    /// A scenario file over this study with the given scenarios (name, budget).
    func scenarioFile(_ name: String, scenarios: [(String, Int)]) throws -> String {
        var yaml = """
        inputs:
          wards: \(dir)/wards.geojson
          incidents: \(dir)/incidents.csv
          candidates: \(dir)/candidates.geojson
          group_by: district
        defaults:
          camera_mix: [dome_4mp_2_8mm]
          headings: 4
          cell_m: 100
        scenarios:

        """
        for (n, b) in scenarios { yaml += "  - name: \(n)\n    budget: \(b)\n" }
        let path = dir + "/" + name
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func path(_ name: String) -> String { dir + "/" + name }
}

/// Every file under `dir` (hidden ones included) with its bytes.
func folderSnapshot(_ dir: String) -> [String: Data] {
    let fm = FileManager.default
    var snapshot: [String: Data] = [:]
    for sub in (try? fm.subpathsOfDirectory(atPath: dir)) ?? [] {
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir + "/" + sub, isDirectory: &isDir), !isDir.boolValue {
            snapshot[sub] = fm.contents(atPath: dir + "/" + sub) ?? Data()
        }
    }
    return snapshot
}

/// The hidden staging or set-aside folders camplan left beside `out`.
func leftovers(beside out: String) -> [String] {
    let url = URL(fileURLWithPath: out)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
    return names.filter { $0.hasPrefix(".\(url.lastPathComponent).") }
}

/// Runs the binary through /bin/sh with a file-size limit (`ulimit -f`, in 512-byte blocks)
/// and SIGXFSZ ignored (as a child of Python or of many service managers finds it), so that
/// writes past the limit fail with EFBIG instead of killing the process.
func runWithFileSizeLimit(blocks: Int, _ arguments: [String]) throws -> CLIRun {
    let exe = try #require(CLIRun.executable, "build camplan first: swift build --build-tests")
    let quoted = ([exe.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    return try CLIRun.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", "ulimit -f \(blocks) && trap '' XFSZ && exec " + quoted.joined(separator: " ")])
}

@Suite("Output safety: checked writes, whole-folder commit, kills", .serialized)
struct OutputSafetyTests {
    /// Issue 12 row 2: a file-size limit cut `hotspot-cells.geojson` and camplan said "wrote".
    @Test func aFileSizeLimitIsAnErrorAndTheEarlierOutputsStay() throws {
        let s = try TinyScenarioStudy()
        let out = s.path("hot")
        let base = ["hotspots", "--wards", s.path("wards.geojson"), "--incidents", s.path("incidents.csv"), "--cell", "100",
                    "--no-trends", "--quiet", "--out", out]
        let first = try CLIRun.run(base)
        #expect(first.status == 0, "\(first.stderr)")
        let before = folderSnapshot(out)
        let cells = try #require(before["hotspot-cells.geojson"])
        #expect(cells.count > 64 * 512, "the layer must be larger than the limit for this test to mean anything")
        // 64 blocks = 32 KiB: the small files fit, the cell layer does not.
        let limited = try runWithFileSizeLimit(blocks: 64, base + ["--raw-points"])
        #expect(limited.status == 73, "\(limited.stdout) \(limited.stderr)")
        #expect(limited.stderr.contains("hotspot-cells.geojson"))
        #expect(limited.stderr.contains("File too large"))
        #expect(!limited.stdout.contains("wrote"))
        #expect(folderSnapshot(out) == before)
        #expect(leftovers(beside: out).isEmpty)
    }

    /// Issue 12 row 5: `--out` the folder of the inputs replaced the input wards.
    @Test func anOutputFolderHoldingAnInputIsRefused() throws {
        let s = try TinyScenarioStudy()
        let wardsBefore = try Data(contentsOf: URL(fileURLWithPath: s.path("wards.geojson")))
        for out in [s.dir, s.dir + "/", s.dir + "/../" + URL(fileURLWithPath: s.dir).lastPathComponent] {
            let r = try CLIRun.run(["hotspots", "--wards", s.path("wards.geojson"), "--incidents", s.path("incidents.csv"),
                                    "--cell", "100", "--no-trends", "--quiet", "--out", out])
            #expect(r.status == 73, "\(out): \(r.stderr)")
            #expect(r.stderr.contains("holds the input"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.path("wards.geojson"))) == wardsBefore)
        // The scenario file counts as an input too.
        let yaml = try s.scenarioFile("s.yaml", scenarios: [("a", 2)])
        let r = try CLIRun.run(["run", yaml, "--out", s.dir, "--quiet"])
        #expect(r.status == 73)
        #expect(leftovers(beside: s.dir).isEmpty)
    }

    /// A folder camplan did not write is never replaced (`--out .` must not delete a project).
    @Test func aForeignFolderIsRefused() throws {
        let s = try TinyScenarioStudy()
        let out = s.path("mine")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "keep me".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        let r = try CLIRun.run(["hotspots", "--wards", s.path("wards.geojson"), "--incidents", s.path("incidents.csv"),
                                "--cell", "100", "--no-trends", "--quiet", "--out", out])
        #expect(r.status == 73)
        #expect(r.stderr.contains("notes.txt"))
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == "keep me")
    }

    /// Issue 12 row 7: files of an earlier run (raw points, rejects, scenario folders) stayed.
    @Test func aRerunLeavesNoFileOfTheEarlierRun() throws {
        let s = try TinyScenarioStudy()
        let csv = try String(contentsOfFile: s.path("incidents.csv"), encoding: .utf8)
        try (csv + "BAD1,2022-01-01,property_theft,serious,1,,\n").write(toFile: s.path("bad.csv"), atomically: true, encoding: .utf8)
        let out = s.path("hot")
        let base = ["hotspots", "--wards", s.path("wards.geojson"), "--cell", "100", "--no-trends", "--quiet", "--out", out]
        let first = try CLIRun.run(base + ["--incidents", s.path("bad.csv"), "--raw-points"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/incidents.geojson"))
        #expect(FileManager.default.fileExists(atPath: out + "/rejects.csv"))
        let second = try CLIRun.run(base + ["--incidents", s.path("incidents.csv")])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/incidents.geojson"))
        #expect(!FileManager.default.fileExists(atPath: out + "/rejects.csv"))
        // `run`: the folders of scenarios that the new file no longer has are gone.
        let runOut = s.path("plan")
        let two = try CLIRun.run(["run", try s.scenarioFile("two.yaml", scenarios: [("a", 2), ("b", 3)]), "--out", runOut, "--quiet"])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(FileManager.default.fileExists(atPath: runOut + "/a/cameras.geojson"))
        let one = try CLIRun.run(["run", try s.scenarioFile("one.yaml", scenarios: [("b", 3)]), "--out", runOut, "--quiet"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!FileManager.default.fileExists(atPath: runOut + "/a"))
        #expect(FileManager.default.fileExists(atPath: runOut + "/b/cameras.geojson"))
        #expect(leftovers(beside: runOut).isEmpty)
    }

    /// Issue 12 rows 3 and 15, and the second "Done when" point: `camplan run` killed
    /// (SIGKILL, SIGTERM or SIGINT) at seeded random instants, the commit slowed down by the
    /// debug hook so that about a third of the instants fall inside it. Every time, `OUT`
    /// holds the complete old or the complete new outputs; after the next run it holds the
    /// new ones and no staging folder is left.
    @Test func killedAtAnyInstantLeavesOldOrNewOutputs() throws {
        let s = try TinyScenarioStudy()
        let oldFile = try s.scenarioFile("old.yaml", scenarios: [("a", 2), ("b", 3)])
        let newFile = try s.scenarioFile("new.yaml", scenarios: [("c", 1)])
        let oldRef = s.path("old-ref"), newRef = s.path("new-ref")
        #expect(try CLIRun.run(["run", oldFile, "--out", oldRef, "--quiet"]).status == 0)
        let start = Date()
        let pause = ["CAMPLAN_DEBUG_COMMIT_PAUSE_MS": "200"]
        let ref = try CLIRun.run(["run", newFile, "--out", newRef, "--quiet"], environment: pause)
        let fullRun = Date().timeIntervalSince(start)
        #expect(ref.status == 0, "\(ref.stderr)")
        let old = folderSnapshot(oldRef), new = folderSnapshot(newRef)
        #expect(old != new && !old.isEmpty && !new.isEmpty)
        #expect(old.keys.contains("a/cameras.geojson") && new.keys.contains("c/cameras.geojson"))

        let out = s.path("out")
        var rng = SplitMix64(seed: 2026)
        var seen = (old: 0, new: 0)
        for trial in 0 ..< 8 {
            try? FileManager.default.removeItem(atPath: out)
            try FileManager.default.copyItem(atPath: oldRef, toPath: out)
            let delay = rng.unit() * fullRun * 1.1
            let signal = [SIGKILL, SIGTERM, SIGINT][trial % 3]
            let p = Process()
            p.executableURL = try #require(CLIRun.executable as URL?, "build camplan first")
            p.arguments = ["run", newFile, "--out", out, "--quiet"]
            p.environment = ProcessInfo.processInfo.environment.merging(pause) { $1 }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(delay * 1_000_000))
            kill(p.processIdentifier, signal)
            p.waitUntilExit()
            let now = folderSnapshot(out)
            #expect(now == old || now == new, "trial \(trial): killed after \(delay) s with signal \(signal): a mixed or partial OUT")
            if now == old { seen.old += 1 } else if now == new { seen.new += 1 }
            let next = try CLIRun.run(["run", newFile, "--out", out, "--quiet"])
            #expect(next.status == 0, "trial \(trial): \(next.stderr)")
            #expect(folderSnapshot(out) == new, "trial \(trial)")
            #expect(leftovers(beside: out).isEmpty, "trial \(trial): \(leftovers(beside: out))")
        }
        // The seeded instants must have hit both sides of the commit.
        #expect(seen.old > 0 && seen.new > 0, "\(seen)")
    }
}

/// Issue 12 row 6 through the command line: the estimate, the budget and what to change,
/// exit 65, nothing written. The tiny study with a tiny `--max-memory` stands for the
/// province with the default budget (the estimators are checked at full size in
/// HotSpotsTests and CoverageTests).
@Suite("Memory guard on the command line")
struct MemoryGuardCLITests {
    @Test func oversizedOptionsAreRefusedBeforeAllocating() throws {
        let s = try TinyScenarioStudy()
        let hot = ["hotspots", "--wards", s.path("wards.geojson"), "--incidents", s.path("incidents.csv"), "--no-trends", "--quiet"]
        let place = ["place", "--wards", s.path("wards.geojson"), "--incidents", s.path("incidents.csv"), "--budget", "2", "--quiet"]
        let cases: [([String], [String])] = [
            (hot + ["--cell", "100", "--band", "1500", "--max-memory", "100KB"], ["neighbour pairs", "--cell", "--band"]),
            (place + ["--candidates", s.path("candidates.geojson"), "--headings", "100000", "--max-memory", "64MB"],
             ["facilities (4 sites × 200000", "--headings"]),
            (place + ["--candidates", s.path("candidates.geojson"), "--headings", "360", "--max-memory", "256KB"], ["facilities", "--headings"]),
            (place + ["--site-spacing", "10", "--max-memory", "2MB"], ["candidate grid nodes every 10", "--site-spacing"]),
        ]
        for (n, (args, expected)) in cases.enumerated() {
            let out = s.path("o\(n)")
            let r = try CLIRun.run(args + ["--out", out])
            #expect(r.status == 65, "\(args): \(r.stderr)")
            for e in expected { #expect(r.stderr.contains(e), "\(e) in \(r.stderr)") }
            #expect(r.stderr.contains("more than the memory budget") && r.stderr.contains("--max-memory"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // The same options fit a sufficient budget.
        let ok = try CLIRun.run(hot + ["--cell", "100", "--band", "1500", "--max-memory", "1GB", "--out", s.path("ok")])
        #expect(ok.status == 0, "\(ok.stderr)")
    }
}

/// Issue 12 item 5: `--min-cell-count K` blanks counts 1…K−1 in the exported cells and
/// wards; the statistics are computed from the true counts.
@Suite("--min-cell-count on the command line")
struct MinCellCountCLITests {
    @Test func smallCountsAreBlankedAndTheStatisticsStay() throws {
        let s = try TinyScenarioStudy()
        let base = ["hotspots", "--wards", s.path("wards.geojson"), "--incidents", s.path("incidents.csv"), "--cell", "100",
                    "--no-trends", "--quiet"]
        let plain = try CLIRun.run(base + ["--out", s.path("plain")])
        let shared = try CLIRun.run(base + ["--min-cell-count", "3", "--out", s.path("shared")])
        #expect(plain.status == 0 && shared.status == 0, "\(plain.stderr) \(shared.stderr)")
        let a = try VectorReader.read(s.path("plain/hotspot-cells.geojson")).features
        let b = try VectorReader.read(s.path("shared/hotspot-cells.geojson")).features
        #expect(a.count == b.count)
        var blanked = 0
        for (x, y) in zip(a, b) {
            #expect(x["gi_z"] == y["gi_z"] && x["cell_id"] == y["cell_id"])
            let n = x["count"].doubleValue ?? -1
            if n >= 1 && n < 3 {
                #expect(y["count"] == .null && y["weight"] == .null, "\(x["cell_id"])")
                blanked += 1
            } else {
                #expect(y["count"] == x["count"] && y["weight"] == x["weight"])
            }
        }
        #expect(blanked > 0, "the fixture must have cells with 1 or 2 incidents")
        // Wards hold 60 incidents each: published; with K above that, blanked.
        let wards = try VectorReader.read(s.path("shared/wards.geojson")).features
        #expect(wards.allSatisfy { $0["incidents"] != .null })
        let strict = try CLIRun.run(base + ["--min-cell-count", "1000", "--out", s.path("strict")])
        #expect(strict.status == 0, "\(strict.stderr)")
        let strictWards = try VectorReader.read(s.path("strict/wards.geojson")).features
        #expect(strictWards.allSatisfy { $0["incidents"] == .null && $0["clearance"] == .null && $0["incidents_per_km2"] == .null })
    }
}
