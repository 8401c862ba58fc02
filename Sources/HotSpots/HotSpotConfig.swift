import GeoKit

/// Settings of a hot-spot run (the CLI's options map one to one onto these fields).
public struct HotSpotConfig: Sendable, Equatable {
    /// Incident weights (severity, category filter, recency decay); default
    /// ``IncidentWeighting/severity`` (1, 2, 4, 8), ``IncidentWeighting/counts`` for plain counts.
    public var weighting: IncidentWeighting
    /// Gi* distance band.
    public var band: BandChoice
    /// Apply Benjamini-Hochberg FDR before binning (ArcGIS Optimized Hot Spot Analysis does).
    public var falseDiscoveryRate: Bool
    /// Conditional-randomisation permutations for Gi* and Local Moran (0 = normal p only).
    public var permutations: Int
    /// Seed of the permutation generator (``SplitMix64``).
    public var seed: UInt64
    /// Quartic KDE bandwidth, metres; `nil` uses the Gi* band.
    public var kdeBandwidthMeters: Double?
    /// Compute Local Moran's I.
    public var localMoran: Bool
    /// Compute per-year Gi*, Mann-Kendall trends and emerging hot-spot categories.
    public var trends: Bool
    /// Significance of the Mann-Kendall trend in the emerging categories.
    public var trendAlpha: Double
    /// Held-out evaluation year (fit on earlier years, test on this one).
    public var evaluationYear: Int?
    /// Minimum number of incidents and of cells (ArcGIS: 30 each).
    public var minimumIncidents: Int
    public var minimumCells: Int
    /// Accept cells without neighbours instead of failing.
    public var allowCellsWithoutNeighbors: Bool
    /// Memory the neighbour graph may take (`--max-memory`).
    public var memoryBudget: MemoryBudget = .machineDefault

    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for negative
    ///   permutations, a non-positive bandwidth or an alpha outside (0, 1).
    public init(weighting: IncidentWeighting = .severity, band: BandChoice = .optimized, falseDiscoveryRate: Bool = true,
                permutations: Int = 0, seed: UInt64 = 0, kdeBandwidthMeters: Double? = nil, localMoran: Bool = true,
                trends: Bool = false, trendAlpha: Double = 0.05, evaluationYear: Int? = nil,
                minimumIncidents: Int = 30, minimumCells: Int = 30, allowCellsWithoutNeighbors: Bool = false) throws {
        guard permutations >= 0 else {
            throw HotSpotError.invalidParameter(name: "permutations", value: "\(permutations)", expected: ">= 0")
        }
        if let b = kdeBandwidthMeters, !(b > 0 && b.isFinite) {
            throw HotSpotError.invalidParameter(name: "bandwidth", value: "\(b)", expected: "a positive distance in metres")
        }
        guard trendAlpha > 0, trendAlpha < 1 else {
            throw HotSpotError.invalidParameter(name: "trend alpha", value: "\(trendAlpha)", expected: "a probability in (0, 1)")
        }
        self.weighting = weighting
        self.band = band
        self.falseDiscoveryRate = falseDiscoveryRate
        self.permutations = permutations
        self.seed = seed
        self.kdeBandwidthMeters = kdeBandwidthMeters
        self.localMoran = localMoran
        self.trends = trends
        self.trendAlpha = trendAlpha
        self.evaluationYear = evaluationYear
        self.minimumIncidents = minimumIncidents
        self.minimumCells = minimumCells
        self.allowCellsWithoutNeighbors = allowCellsWithoutNeighbors
    }
}
