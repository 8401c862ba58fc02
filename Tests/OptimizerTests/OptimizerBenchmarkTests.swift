import Foundation
import Testing
import Optimizer

/// Release-mode benchmarks, off unless `CAMPLAN_BENCH=1` (run by scripts/bench-optimizer).
/// They print figures; the only assertions are on the results' validity, never on time.
@Suite("Optimizer benchmark", .enabled(if: ProcessInfo.processInfo.environment["CAMPLAN_BENCH"] == "1"))
struct OptimizerBenchmarkTests {
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }

    @Test("1e5 demand, 2e4 sites x 8 headings, 500 cameras")
    func medium() throws {
        let report = try OptimizerBenchmark.run(demandCount: 100_000, siteCount: 20_000, cameras: 500)
        print("BENCH medium: \(report), peak RSS \(Self.peakResidentMegabytes()) MB")
        #expect(report.result.objective <= report.result.upperBound)
        #expect(report.result.newFacilities.count == 500)
    }

    @Test("1e6 demand, 1e5 sites x 8 headings, 5000 cameras")
    func large() throws {
        let report = try OptimizerBenchmark.run(demandCount: 1_000_000, siteCount: 100_000, cameras: 5_000)
        print("BENCH large: \(report), peak RSS \(Self.peakResidentMegabytes()) MB")
        #expect(report.result.objective <= report.result.upperBound)
    }
}
