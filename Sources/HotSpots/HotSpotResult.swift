/// Everything a hot-spot run produces, per cell (parallel arrays indexed like
/// ``CellGrid/ids``) and in summary.
public struct HotSpotResult: Sendable, Equatable {
    /// The analysis units (ids, whole-cell polygons in the working CRS, centres, areas).
    public let cells: CellGrid
    /// Cell index per incident, -1 when outside every cell or filtered out.
    public let cellOfIncident: [Int32]
    /// Weight per incident (0 when filtered out).
    public let incidentWeights: [Double]
    /// Kept incidents per cell.
    public let counts: [Int]
    /// Sum of incident weights per cell (the analysis field).
    public let weights: [Double]
    /// Neighbours per cell including the cell itself (ArcGIS `NNeighbors`).
    public let neighborCounts: [Int]
    /// Gi* z-score, p-value (two-sided normal, or pseudo p with permutations) and bin.
    public let giZ: [Double]
    public let giP: [Double]
    public let giBin: [Int8]
    /// Quartic kernel density per km^2 at the cell centres (weighted incidents).
    public let kdePerSquareKm: [Double]
    /// Local Moran's I, when requested.
    public let localMoran: LocalMoran?
    /// Trends, when requested.
    public let trends: HotSpotTrends?
    public let summary: HotSpotSummary
}

/// Per-year Gi*, Mann-Kendall tests and emerging hot-spot categories.
public struct HotSpotTrends: Sendable, Equatable {
    /// Calendar years, ascending (every year between the first and last dated incident).
    public let years: [Int]
    /// Gi* z per year per cell: `giZByYear[y][cell]`.
    public let giZByYear: [[Double]]
    /// Gi* bin per year per cell (after FDR when configured).
    public let giBinByYear: [[Int8]]
    /// Weighted incidents per year per cell.
    public let weightsByYear: [[Double]]
    /// Mann-Kendall on each cell's Gi* z series (the emerging hot-spot trend).
    public let giTrend: [MannKendall]
    /// Mann-Kendall on each cell's yearly weighted counts.
    public let countTrend: [MannKendall]
    /// Emerging hot-spot category per cell.
    public let categories: [EmergingHotSpotCategory]
}

/// Headline figures of a run.
public struct HotSpotSummary: Sendable, Equatable {
    public let cellCount: Int
    /// Kept incidents that fell in a cell.
    public let incidentCount: Int
    /// Kept incidents outside every cell.
    public let incidentsOutsideCells: Int
    /// Incidents dropped by the category filter.
    public let incidentsFiltered: Int
    public let band: BandSelection
    public let kdeBandwidthMeters: Double
    /// Number of cells per Gi* bin, keys -3...3.
    public let cellsPerBin: [Int8: Int]
    /// Held-out evaluation, when requested.
    public let evaluation: HeldOutEvaluation?
    /// What may make the result wrong without being an error, one line each (e.g. cells
    /// whose band covers every cell, so that their z is 0 by construction).
    public var warnings: [String] = []

    /// Hot cells at the given confidence (3 = 99 %, 2 = 95 % or more, 1 = 90 % or more).
    public func hotCells(atLeast level: Int8) -> Int { cellsPerBin.filter { $0.key >= level }.values.reduce(0, +) }
    /// Cold cells at the given confidence.
    public func coldCells(atLeast level: Int8) -> Int { cellsPerBin.filter { $0.key <= -level }.values.reduce(0, +) }
}
