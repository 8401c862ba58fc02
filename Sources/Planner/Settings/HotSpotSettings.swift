import Foundation

/// Which units the hot-spot statistics run on.
public enum HotSpotUnits: String, Sendable, CaseIterable, SettingChoice {
    /// A square fishnet of `cellSizeMeters`.
    case fishnet
    /// Pointy-top hexagons of the same area as the fishnet square.
    case hexagon
    /// The ward polygons themselves (distances between centroids).
    case wards

    public static var settingNoun: String { "a kind of hot-spot unit" }
}

/// Settings of the hot-spot stage (Gi*, Local Moran, KDE, trends, held-out test). The
/// defaults are the property values; ``settings`` declares each one's scenario key and flag.
public struct HotSpotSettings: Sendable, Hashable, StageSettings {
    /// Years of incidents used; `nil`: all.
    public var years: [Int]?
    public var units: HotSpotUnits = .fishnet
    public var cellSizeMeters: Double = 500
    /// `nil`: Optimized Hot Spot Analysis rule.
    public var bandMeters: Double?
    /// `nil`: the distance band.
    public var kdeBandwidthMeters: Double?
    public var permutations: Int = 0
    public var seed: UInt64 = 0
    public var evaluationYear: Int?
    public var trends: Bool = true
    public var categories: Set<String>?
    public var halfLifeDays: Double?

    public init() {}

    /// `categories` as a sorted list (how the setting reads and shows it).
    public var categoryList: [String]? {
        get { categories.map { $0.sorted() } }
        set { categories = newValue.map(Set.init) }
    }

    public static var settings: [Setting<HotSpotSettings>] {
        [
            .list("years", \.years, help: "Years of incidents to use.", valueName: "year", check: .atLeast(1900)),
            .list("categories", \.categoryList, help: "Only these incident categories.", valueName: "category"),
            .value("units", \.units, help: "Units: a square fishnet, hexagons, or the wards themselves."),
            .value("cell_m", flag: "cell", \.cellSizeMeters, help: "Cell size in metres (square side; hexagons of equal area).",
                   valueName: "m", check: .positive),
            .optional("band_m", flag: "band", \.bandMeters, help: "Gi* distance band in metres, or 'auto' for the Optimized Hot Spot Analysis rule.",
                      valueName: "m|auto", unsetWord: "auto", unsetText: "auto", check: .positive),
            .optional("bandwidth_m", flag: "bandwidth", \.kdeBandwidthMeters, help: "Quartic kernel bandwidth in metres, or 'band' for the distance band.",
                      valueName: "m|band", unsetWord: "band", unsetText: "band", check: .positive),
            .value("permutations", \.permutations, help: "Permutations for pseudo p-values (0 = normal approximation, as ArcGIS).",
                   valueName: "n", check: .atLeast(0)),
            .value("seed", \.seed, help: "Seed of the permutations.", valueName: "n"),
            .optional("half_life_days", \.halfLifeDays, help: "Recency decay: an incident's weight halves every this many days.",
                      valueName: "days", check: .positive),
            .optional("evaluate_year", \.evaluationYear,
                      help: "Held-out evaluation: fit on the years before this one and report PAI/PEI* on it.",
                      valueName: "year", check: .atLeast(1900)),
            .flag("trends", flag: "no-trends", \.trends, help: "Skip the per-year Gi* and Mann-Kendall trends.", flagValue: false),
        ]
    }
}
