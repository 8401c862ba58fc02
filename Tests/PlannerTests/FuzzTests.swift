import Foundation
import GeoKit
import HotSpots
import Testing
@testable import Planner
import SeededRandom

/// A seeded byte-level mutator for text inputs: bit flips, deletions, duplications,
/// insertions of delimiters, quotes, control bytes, invalid UTF-8 and extreme numbers,
/// truncation and line swaps; 1 to 4 of them per case.
struct Mutator {
    private var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : rng.below(n) }

    static let tokens: [[UInt8]] = [
        ",", ";", "\"", "\n", "\r\n", "\t", "\0", "{", "}", "[", "]", ":", "-", ".", "e", " ", "#", "'", "&a", "*a", "!!",
        "NaN", "inf", "-inf", "1e308", "-1e308", "1e-320", "-0", "99999999999999999999", "2099-06-01", "0000-00-00",
        "null", "true", "\u{FEFF}", "ệ", "../", "%s%n",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE1, 0xBB], [0xF0, 0x9F, 0x98]]

    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0 ... below(4) {
            switch below(7) {
            case 0 where !b.isEmpty:
                b[below(b.count)] ^= UInt8(1 << below(8))
            case 1 where !b.isEmpty:
                let i = below(b.count)
                b.removeSubrange(i ..< min(b.count, i + 1 + below(16)))
            case 2 where !b.isEmpty:
                let i = below(b.count), j = min(b.count, i + 1 + below(64))
                b.insert(contentsOf: b[i ..< j], at: below(b.count))
            case 3:
                b.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(b.count + 1))
            case 4 where !b.isEmpty:
                b.removeSubrange(below(b.count)...)
            case 5:
                // Replace a run of digits by an extreme or malformed number.
                let digits = b.indices.filter { (48 ... 57).contains(b[$0]) }
                guard let start = digits.isEmpty ? nil : digits[below(digits.count)] else { break }
                var end = start
                while end < b.count, (48 ... 57).contains(b[end]) || b[end] == 46 { end += 1 }
                b.replaceSubrange(start ..< end, with: Self.tokens[21 + below(9)])
            default:
                var lines = b.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                guard lines.count > 2 else { break }
                lines.swapAt(below(lines.count), below(lines.count))
                b = Array(lines.joined(separator: [10]))
            }
        }
        return b
    }
}

/// Seeded mutation fuzzing of the CSV and GeoJSON loaders and the scenario reader (issue 12
/// item 4): every mutated file must give an error or a valid result, never a crash, a hang
/// or a result that breaks the loader's own guarantees. The suite runs a fixed number of
/// cases (`CAMPLAN_FUZZ_ITERATIONS`, default 300 per target, about 10 s); `scripts/fuzz`
/// runs many more. Each case is written to `CAMPLAN_FUZZ_DIR` (default a temporary
/// folder) before it runs, so the file that crashed the process is left there.
@Suite("Fuzzing the loaders and the scenario reader", .serialized)
struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let iterations = ProcessInfo.processInfo.environment["CAMPLAN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
    static let seed = ProcessInfo.processInfo.environment["CAMPLAN_FUZZ_SEED"].flatMap(UInt64.init) ?? 12
    static let slowCaseSeconds = 5.0

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("Tests/GeoKitTests/Fixtures/\(name)")))
    }

    static func caseDirectory() throws -> String {
        let dir = ProcessInfo.processInfo.environment["CAMPLAN_FUZZ_DIR"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("camplan-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `body` on `iterations` mutations of `seedInput`, each written to `dir/name`.
    /// Returns (accepted, refused) counts.
    static func fuzz(_ seedInput: [UInt8], name: String, salt: UInt64, _ body: (String, Int) throws -> Void) throws -> (Int, Int) {
        let dir = try caseDirectory()
        let path = dir + "/" + name
        var mutator = Mutator(seed: seed &* 1_000_003 &+ salt)
        var accepted = 0, refused = 0
        for i in 0 ..< iterations {
            let bytes = mutator.mutate(seedInput)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let start = Date()
            do {
                try body(path, i)
                accepted += 1
            } catch {
                // Any thrown error is a refusal (the CLI prints it and exits 65).
                refused += 1
            }
            let seconds = Date().timeIntervalSince(start)
            if seconds > slowCaseSeconds {
                try Data(bytes).write(to: URL(fileURLWithPath: path + ".slow-\(i)"))
                Issue.record("case \(i) of \(name) took \(seconds) s; kept as \(path).slow-\(i)")
            }
        }
        return (accepted, refused)
    }

    @Test func incidentCSV() throws {
        let wards = try BoundaryLoader.load(Self.root.appendingPathComponent("Tests/GeoKitTests/Fixtures/wards.geojson").path)
        let (accepted, refused) = try Self.fuzz(try Self.fixture("incidents_clean.csv"), name: "incidents.csv", salt: 1) { path, i in
            let set = try IncidentLoader.load(path, boundaries: wards)
            // A result must keep the loader's promises: aligned columns, finite coordinates
            // inside a ward, every row either kept or rejected with a reason.
            #expect(set.ids.count == set.count && set.dates.count == set.count && set.weights.count == set.count, "case \(i)")
            #expect(set.rows.count == set.count, "case \(i)")
            for k in 0 ..< set.count {
                #expect(set.points.xs[k].isFinite && set.points.ys[k].isFinite, "case \(i) row \(set.rows[k])")
                #expect(set.weights[k].isFinite && set.weights[k] >= 0, "case \(i) row \(set.rows[k])")
                #expect(set.wardIndices[k] >= 0 && set.wardIndices[k] < wards.wards.count, "case \(i) row \(set.rows[k])")
            }
            #expect(Set(set.rows).count == set.rows.count, "case \(i): a row kept twice")
            #expect(Set(set.rows).isDisjoint(with: set.rejections.map(\.row)), "case \(i): a row both kept and rejected")
        }
        #expect(accepted > 0 && refused + accepted == Self.iterations)
    }

    @Test func wardGeoJSON() throws {
        let (accepted, _) = try Self.fuzz(try Self.fixture("wards.geojson"), name: "wards.geojson", salt: 2) { path, i in
            let set = try BoundaryLoader.load(path)
            #expect(!set.wards.isEmpty, "case \(i)")
            for w in set.wards {
                #expect(w.areaSquareMeters.isFinite && w.areaSquareMeters > 0, "case \(i): ward \(w.id) area \(w.areaSquareMeters)")
                #expect(!w.geometry.polygons.isEmpty, "case \(i): ward \(w.id) has no polygon")
                #expect(w.geometry.polygons.allSatisfy { $0.exterior.allSatisfy { $0.x.isFinite && $0.y.isFinite } }, "case \(i)")
            }
        }
        #expect(accepted > 0)
    }

    @Test func scenarioYAML() throws {
        let yaml = """
        inputs:
          wards: geodata/tien-giang/wards.geojson
          incidents: geodata/tien-giang/incidents.csv
          group_by: district
        defaults:
          camera_mix: [dome_4mp_2_8mm, ptz_4mp_25x]
          headings: 8
          cell_m: 500
          time_limit_s: 30
        scenarios:
          - name: base
            budget: 100
          - name: quota
            budget: 60
            allocation: equal_by_group
            years: [2022, 2023]
        """
        // The seed itself is valid.
        #expect(try ScenarioFile.parse(yaml: yaml, path: "seed.yaml").scenarios.count == 2)
        let (accepted, _) = try Self.fuzz(Array(yaml.utf8), name: "scenario.yaml", salt: 3) { path, i in
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let file = try ScenarioFile.parse(yaml: text, path: path)
            #expect(!file.scenarios.isEmpty, "case \(i)")
            for s in file.scenarios {
                #expect(!s.name.isEmpty && !s.name.contains("/") && s.name != ".." && s.name != ".", "case \(i): name '\(s.name)'")
                let st = s.settings
                // What the reader accepted passes the settings' own checks.
                #expect(throws: Never.self, "case \(i)") { try st.validate() }
                #expect(st.placement.budgetCameras >= 0 && st.placement.headings >= 1, "case \(i)")
                for v in [st.hotSpots.cellSizeMeters, st.hotSpots.bandMeters ?? 1, st.placement.siteSpacingMeters,
                          st.placement.timeLimitSeconds, st.placement.budgetCost ?? 0] {
                    #expect(v.isFinite && v >= 0, "case \(i): \(v)")
                }
            }
        }
        #expect(accepted > 0)
    }

    /// Found by `wardGeoJSON` (seed 12, 300 cases): a ward at lon -1e300 crashed the UTM zone
    /// choice (Double to Int overflow) instead of being refused.
    @Test func aLongitudeBeyond180IsRefusedNotACrash() {
        #expect(throws: GeoError.self) { try CRS.utm(containing: LonLat(lon: -1e300, lat: 10)) }
        #expect(throws: GeoError.self) { try CRS.utm(containing: LonLat(lon: 540, lat: 10)) }
        #expect((try? CRS.utm(containing: LonLat(lon: 106.4, lat: 10.3)))?.epsgCode == 32648)
    }
}
