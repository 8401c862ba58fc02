import ArgumentParser
import Foundation
import Optimizer

/// `camplan bench` (hidden): release-mode benchmark cases, one JSON line per case on stdout.
///
/// `scripts/bench` runs each case in its own process under `/usr/bin/time -v`, runs the
/// reference tools (esda, spopt/PuLP-CBC) in the same session and prints the Markdown tables
/// of BENCHMARKS.md. Every line carries `peak_rss_mb`, the process's VmHWM so far (with
/// `all` it is cumulative over the cases run before).
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark cases (release build): one JSON line per case with timings and peak memory.",
        discussion: """
        Areas: hotspots (Gi* + KDE), coverage (coverage matrix build), optimizer (synthetic \
        sector coverage + MCLP solve), placement (CoverageBuilder + MCLP solve), mclp (the \
        spopt/CBC reference instances in --mclp-dir), all. Sizes: small (smoke), medium \
        (1e5 demand, 2e4 sites x 8 headings, 500 cameras; 1e5 incidents / 1e4 cells), large \
        (1e6 demand, 1e5 sites x 8, 5,000 cameras; 1e6 incidents / 1e5 cells).
        """,
        shouldDisplay: false
    )

    @Argument(help: "What to measure.")
    public var area: BenchArea

    @Option(name: .long, help: "Instance size.")
    public var size: BenchSize = .medium

    @Option(name: .long, help: "Seed of the synthetic instances.")
    public var seed: UInt64 = 42

    @Option(name: .long, help: ArgumentHelp("Solver wall-clock limit (optimizer, placement, mclp).", valueName: "seconds"))
    public var timeLimit: Double?

    @Option(name: .long, help: ArgumentHelp("Solver gap at which to stop (default: the solver's, 0.5%).", valueName: "share"))
    public var gap: Double?

    @Option(name: .long, help: ArgumentHelp("Folder of the spopt/CBC reference instances.", valueName: "dir"))
    public var mclpDir: String = "Tests/OptimizerTests/Fixtures/mclp"

    @Option(name: .long, help: ArgumentHelp(
        "placement: also write the instance (CSR JSON, the format of Tests/OptimizerTests/Fixtures/mclp) for the CBC run.",
        valueName: "file"))
    public var writeInstance: String?

    public init() {}

    public mutating func validate() throws {
        if let t = timeLimit, !(t.isFinite && t >= 0) { throw ValidationError("--time-limit must be a number >= 0") }
        if let g = gap, !(g >= 0 && g < 1) { throw ValidationError("--gap must be in [0, 1), got \(g)") }
    }

    public func run() throws {
        let areas: [BenchArea] = area == .all ? [.hotspots, .coverage, .optimizer, .placement, .mclp] : [area]
        var options = SolverOptions(timeLimitSeconds: timeLimit)
        if let gap { options.gapTolerance = gap }
        for a in areas {
            switch a {
            case .hotspots: emit(try BenchCases.hotspots(size: size, seed: seed))
            case .coverage: emit(try BenchCases.coverage(size: size, seed: seed))
            case .optimizer: emit(try BenchCases.optimizer(size: size, seed: seed, options: options))
            case .placement: emit(try BenchCases.placement(size: size, seed: seed, options: options, writeInstance: writeInstance))
            case .mclp:
                for name in try BenchCases.mclpInstances(in: mclpDir) {
                    emit(try BenchCases.mclp(path: "\(mclpDir)/\(name)", options: options))
                }
            case .all: break
            }
        }
    }

    /// Writes one record with the peak memory so far, unbuffered, so a killed run keeps its lines.
    private func emit(_ record: BenchRecord) {
        var r = record
        if r.area != "mclp" { r.add("size", size.rawValue) }
        r.add("peak_rss_mb", BenchRecord.peakResidentMegabytes())
        FileHandle.standardOutput.write(Data((r.json + "\n").utf8))
    }
}

/// Benchmark areas of `camplan bench`.
public enum BenchArea: String, CaseIterable, Sendable, ExpressibleByArgument {
    case hotspots, coverage, optimizer, placement, mclp, all
}

/// Instance sizes of `camplan bench`.
public enum BenchSize: String, CaseIterable, Sendable, ExpressibleByArgument {
    case small, medium, large
}
