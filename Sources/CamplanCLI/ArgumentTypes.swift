import ArgumentParser
import Coverage
import Planner

extension DemandKind: ExpressibleByArgument {}
extension HotSpotUnits: ExpressibleByArgument {}
extension DORILevel: ExpressibleByArgument {}
extension GroupAllocation: ExpressibleByArgument {}

/// `--quiet` / `--verbose`, shared by the long-running verbs.
public struct FeedbackOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress bar on stderr.")
    public var quiet = false

    @Flag(name: .shortAndLong, help: "Print a stage timing line at the end (stderr).")
    public var verbose = false

    public init() {}

    func reporter() -> ProgressReporter { ProgressReporter(quiet: quiet, verbose: verbose) }
}

/// Hot-spot options shared by `hotspots`, `place` and `rank-wards`.
public struct HotSpotOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Cell size in metres (square side; hexagons of equal area).", valueName: "m"))
    public var cell: Double = 500

    @Option(name: .long, help: "Units: a square fishnet, hexagons, or the wards themselves.")
    public var units: HotSpotUnits = .fishnet

    @Option(name: .long, help: ArgumentHelp("Distance band in metres, or 'auto' for the Optimized Hot Spot Analysis rule.", valueName: "m|auto"))
    public var band: String = "auto"

    @Option(name: .long, help: ArgumentHelp("Quartic kernel bandwidth in metres (default: the band).", valueName: "m"))
    public var bandwidth: Double?

    @Option(name: .long, help: "Permutations for pseudo p-values (0 = normal approximation, as ArcGIS).")
    public var permutations: Int = 0

    @Option(name: .long, help: "Seed of the permutations.")
    public var seed: UInt64 = 0

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Years of incidents to use (default: all).", valueName: "year"))
    public var years: [Int] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these incident categories.", valueName: "category"))
    public var categories: [String] = []

    @Option(name: .long, help: ArgumentHelp("Recency decay: an incident's weight halves every this many days.", valueName: "days"))
    public var halfLifeDays: Double?

    @Option(name: .long, help: ArgumentHelp("Held-out evaluation: fit on the years before this one and report PAI/PEI* on it.", valueName: "year"))
    public var evaluateYear: Int?

    @Flag(name: .long, help: "Skip the per-year Gi* and Mann-Kendall trends.")
    public var noTrends = false

    public init() {}

    public mutating func validate() throws {
        guard cell > 0, cell.isFinite else { throw ValidationError("--cell must be a positive size in metres, got \(cell)") }
        if band != "auto" {
            guard let b = Double(band), b > 0, b.isFinite else { throw ValidationError("--band must be a positive distance in metres or 'auto', got '\(band)'") }
        }
        if let b = bandwidth, !(b > 0 && b.isFinite) { throw ValidationError("--bandwidth must be positive, got \(b)") }
        guard permutations >= 0 else { throw ValidationError("--permutations must be 0 or more") }
        if let h = halfLifeDays, !(h > 0 && h.isFinite) { throw ValidationError("--half-life-days must be positive") }
    }

    func settings() -> HotSpotSettings {
        var h = HotSpotSettings()
        h.units = units
        h.cellSizeMeters = cell
        h.bandMeters = band == "auto" ? nil : Double(band)
        h.kdeBandwidthMeters = bandwidth
        h.permutations = permutations
        h.seed = seed
        h.years = years.isEmpty ? nil : years
        h.categories = categories.isEmpty ? nil : Set(categories)
        h.halfLifeDays = halfLifeDays
        h.evaluationYear = evaluateYear
        h.trends = !noTrends
        return h
    }
}
