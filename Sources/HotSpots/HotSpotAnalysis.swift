import GeoKit

/// The hot-spot pipeline the `camplan hotspots` verb runs: weights, aggregation, distance
/// band, Gi* (Ord & Getis 1995) with FDR bins, Local Moran's I (Anselin 1995), quartic KDE,
/// emerging hot-spot trends (Mann-Kendall) and the held-out PAI / PEI* test.
public enum HotSpotAnalysis {
    /// Runs the analysis.
    /// - Throws: ``HotSpotError`` for too few incidents or cells, zero variance, cells
    ///   without neighbours (unless allowed), trends or evaluation without dates or years.
    /// - Complexity: O(incidents + cells x neighbours), plus O(permutations x edges) and
    ///   O(years x cells x neighbours) for trends; never an n x n matrix.
    public static func run(input: HotSpotInput, config: HotSpotConfig) throws -> HotSpotResult {
        let inc = input.incidents, cells = input.cells
        let n = inc.count, m = cells.count
        guard m >= config.minimumCells else { throw HotSpotError.tooFewCells(found: m, minimum: config.minimumCells) }
        let w = config.weighting.weights(for: inc)
        var cellOf = [Int32](repeating: -1, count: n)
        var filtered = 0, outside = 0
        var counts = [Int](repeating: 0, count: m)
        var field = [Double](repeating: 0, count: m)
        for i in 0..<n {
            guard config.weighting.keeps(inc, i) else { filtered += 1; continue }
            let c: Int?
            if cells.lattice != nil {
                c = cells.cellIndex(x: inc.points.xs[i], y: inc.points.ys[i])
            } else {
                c = inc.unitIndices[i]
            }
            guard let c else { outside += 1; continue }
            cellOf[i] = Int32(c)
            counts[c] += 1
            field[c] += w[i]
        }
        let kept = n - filtered - outside
        guard kept >= config.minimumIncidents else { throw HotSpotError.tooFewIncidents(found: kept, minimum: config.minimumIncidents) }

        let band = try BandSelection.resolve(config.band, values: field, centers: cells.centers)
        // Before building the graph: a band at least the diagonal of the cells' extent links
        // every pair (m² edges, and z = 0 everywhere).
        let span = diagonal(cells.centers)
        if m > 1, band.bandMeters >= span {
            throw HotSpotError.bandCoversEverything(bandMeters: band.bandMeters, cells: m, spanMeters: span)
        }
        let graph = try NeighborGraph(centers: cells.centers, bandMeters: band.bandMeters, memoryBudget: config.memoryBudget)
        let islands = graph.islandCount
        if islands > 0, !config.allowCellsWithoutNeighbors {
            throw HotSpotError.cellsWithoutNeighbors(count: islands, bandMeters: band.bandMeters,
                                                     suggestedBandMeters: BandSelection.minimumBandForOneNeighbor(centers: cells.centers))
        }
        let warnings = try bandWarnings(graph: graph, band: band.bandMeters, spanMeters: span)
            + permutationWarnings(permutations: config.permutations, cells: m, fdr: config.falseDiscoveryRate)
        let gi = try GetisOrdGiStar(values: field, graph: graph, permutations: config.permutations, seed: config.seed)
        let bins = FalseDiscoveryRate.confidenceBins(z: gi.z, p: gi.p, fdr: config.falseDiscoveryRate)
        let bandwidth = config.kdeBandwidthMeters ?? band.bandMeters
        let keptWeights = (0..<n).map { cellOf[$0] >= 0 ? w[$0] : 0 }
        let kde = try KernelDensity.quartic(points: inc.points, weights: keptWeights, centers: cells.centers, bandwidthMeters: bandwidth)
        let moran = config.localMoran ? try LocalMoran(values: field, graph: graph, permutations: config.permutations, seed: config.seed &+ 1) : nil

        var trends: HotSpotTrends?
        if config.trends {
            trends = try Self.trends(inc: inc, cellOf: cellOf, weights: w, graph: graph, config: config)
        }
        var evaluation: HeldOutEvaluation?
        if let year = config.evaluationYear {
            evaluation = try Self.evaluate(year: year, inc: inc, cellOf: cellOf, weights: w, cells: cells, graph: graph,
                                           bandwidth: bandwidth, config: config)
        }
        var perBin: [Int8: Int] = [:]
        for b in Int8(-3)...3 { perBin[b] = 0 }
        for b in bins { perBin[b, default: 0] += 1 }
        let summary = HotSpotSummary(cellCount: m, incidentCount: kept, incidentsOutsideCells: outside, incidentsFiltered: filtered,
                                     band: band, kdeBandwidthMeters: bandwidth, cellsPerBin: perBin, evaluation: evaluation,
                                     warnings: warnings)
        return HotSpotResult(cells: cells, cellOfIncident: cellOf, incidentWeights: w, counts: counts, weights: field,
                             neighborCounts: (0..<m).map { graph.degree($0) + 1 }, giZ: gi.z, giP: gi.p, giBin: bins,
                             kdePerSquareKm: kde, localMoran: moran, trends: trends, summary: summary)
    }

    /// Refuses a band that makes every cell a neighbour of every other (Gi* is then 0
    /// everywhere: the local sum is the global sum); warns when some cells are in that state
    /// (their z is 0 by construction) or when most cells see more than half of the others
    /// (Gi* then compares halves of the study area, not local clusters).
    /// - Throws: ``HotSpotError/bandCoversEverything(bandMeters:cells:spanMeters:)``.
    static func bandWarnings(graph: NeighborGraph, band: Double, spanMeters: Double) throws -> [String] {
        let m = graph.count
        guard m > 1 else { return [] }
        let degrees = (0..<m).map { graph.degree($0) }
        let everything = degrees.filter { $0 == m - 1 }.count
        if everything == m {
            throw HotSpotError.bandCoversEverything(bandMeters: band, cells: m, spanMeters: spanMeters)
        }
        var out = [String]()
        if everything > 0 {
            out.append("band \(HotSpotError.meters(band)): \(everything) of \(m) cells have every cell as a neighbour; their Gi* z-score is 0 by construction")
        }
        let median = degrees.sorted()[m / 2]
        if median + 1 > m / 2 {
            out.append("band \(HotSpotError.meters(band)): the median cell has \(median + 1) of \(m) cells in its band; Gi* then compares large parts of the study area rather than local clusters (try a smaller band or --band auto)")
        }
        return out
    }

    /// With permutations the smallest pseudo p is 1 / (R + 1). After the Benjamini-Hochberg
    /// correction over m cells, a lone significant cell needs p <= alpha / m; when 1 / (R + 1)
    /// is above that for the 95% level, the bins depend on how many cells share the smallest
    /// p (hot cells can vanish, and ties used to make cold ones appear): say so, and how many
    /// permutations would resolve it.
    static func permutationWarnings(permutations r: Int, cells m: Int, fdr: Bool) -> [String] {
        guard r > 0, fdr, m > 0 else { return [] }
        let floor = 1 / Double(r + 1), single = 0.05 / Double(m)
        guard floor > single else { return [] }
        let needed = Int((Double(m) / 0.05).rounded(.up)) - 1
        return ["with \(r) permutations the smallest pseudo p-value is \(String(format: "%.2g", floor)), above the 95% FDR threshold of a single cell among \(m) (\(String(format: "%.2g", single))): the hot and cold bins then depend on how many cells reach the smallest p; use at least \(needed) permutations or the normal approximation (--permutations 0)"]
    }

    /// The diagonal of the bounding box of `points`, metres (0 for fewer than two points).
    static func diagonal(_ points: PlanarPointSet) -> Double {
        guard let x0 = points.xs.min(), let x1 = points.xs.max(), let y0 = points.ys.min(), let y1 = points.ys.max() else { return 0 }
        return ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()
    }

    /// Gi* that returns z = 0, p = 1 for a field without variance (an empty year).
    static func giOrFlat(_ values: [Double], _ graph: NeighborGraph) throws -> GetisOrdGiStar? {
        do { return try GetisOrdGiStar(values: values, graph: graph) } catch HotSpotError.zeroVariance { return nil }
    }

    static func yearRange(inc: IncidentTable, cellOf: [Int32]) throws -> ClosedRange<Int> {
        var lo = Int.max, hi = Int.min
        for i in 0..<inc.count where cellOf[i] >= 0 {
            if let y = inc.year(i) { lo = min(lo, y); hi = max(hi, y) }
        }
        guard lo <= hi else { throw HotSpotError.noDatesForTrend(undatedIncidents: inc.undatedCount, totalIncidents: inc.count) }
        return lo...hi
    }

    static func trends(inc: IncidentTable, cellOf: [Int32], weights w: [Double], graph: NeighborGraph, config: HotSpotConfig) throws -> HotSpotTrends {
        let range = try yearRange(inc: inc, cellOf: cellOf)
        let years = Array(range)
        guard years.count >= 3 else { throw HotSpotError.tooFewTimeSteps(found: years.count, minimum: 3) }
        let m = graph.count
        var byYear = [[Double]](repeating: [Double](repeating: 0, count: m), count: years.count)
        for i in 0..<inc.count where cellOf[i] >= 0 {
            if let y = inc.year(i) { byYear[y - range.lowerBound][Int(cellOf[i])] += w[i] }
        }
        var zs: [[Double]] = [], bins: [[Int8]] = []
        for values in byYear {
            if let gi = try giOrFlat(values, graph) {
                zs.append(gi.z)
                bins.append(FalseDiscoveryRate.confidenceBins(z: gi.z, p: gi.p, fdr: config.falseDiscoveryRate))
            } else {
                zs.append([Double](repeating: 0, count: m))
                bins.append([Int8](repeating: 0, count: m))
            }
        }
        var giTrend: [MannKendall] = [], countTrend: [MannKendall] = [], cats: [EmergingHotSpotCategory] = []
        giTrend.reserveCapacity(m); countTrend.reserveCapacity(m); cats.reserveCapacity(m)
        for c in 0..<m {
            let zSeries = zs.map { $0[c] }
            let t = try MannKendall(series: zSeries)
            giTrend.append(t)
            countTrend.append(try MannKendall(series: byYear.map { $0[c] }))
            cats.append(EmergingHotSpotCategory.classify(bins: bins.map { $0[c] }, trend: t, alpha: config.trendAlpha))
        }
        return HotSpotTrends(years: years, giZByYear: zs, giBinByYear: bins, weightsByYear: byYear,
                             giTrend: giTrend, countTrend: countTrend, categories: cats)
    }

    static func evaluate(year: Int, inc: IncidentTable, cellOf: [Int32], weights w: [Double], cells: CellGrid,
                         graph: NeighborGraph, bandwidth: Double, config: HotSpotConfig) throws -> HeldOutEvaluation {
        let range = try yearRange(inc: inc, cellOf: cellOf)
        guard year > range.lowerBound, year <= range.upperBound else {
            throw HotSpotError.evaluationYearUnusable(year: year, reason: "dated incidents span \(range.lowerBound)-\(range.upperBound); the year needs earlier years to fit on")
        }
        let m = cells.count
        var train = [Double](repeating: 0, count: m), test = [Double](repeating: 0, count: m), last = [Double](repeating: 0, count: m)
        var trainW = [Double](repeating: 0, count: inc.count)
        for i in 0..<inc.count where cellOf[i] >= 0 {
            guard let y = inc.year(i) else { continue }
            let c = Int(cellOf[i])
            if y < year { train[c] += w[i]; trainW[i] = w[i] }
            if y == year { test[c] += 1 }
            if y == year - 1 { last[c] += 1 }
        }
        // A band chosen from the data is chosen again on the training years alone, so the
        // test year does not leak into the fit.
        var fitGraph = graph, fitBandwidth = bandwidth
        if case .fixed = config.band {} else {
            let b = try BandSelection.resolve(config.band, values: train, centers: cells.centers)
            fitGraph = try NeighborGraph(centers: cells.centers, bandMeters: b.bandMeters, memoryBudget: config.memoryBudget)
            fitBandwidth = config.kdeBandwidthMeters ?? b.bandMeters
        }
        let giScores = try giOrFlat(train, fitGraph)?.z ?? train
        let kde = try KernelDensity.quartic(points: inc.points, weights: trainW, centers: cells.centers, bandwidthMeters: fitBandwidth)
        var rows = try HeldOutEvaluation.rows(method: "gi_star", scores: giScores, testCounts: test, areasSquareMeters: cells.areasSquareMeters, year: year)
        rows += try HeldOutEvaluation.rows(method: "kde", scores: kde, testCounts: test, areasSquareMeters: cells.areasSquareMeters, year: year)
        rows += try HeldOutEvaluation.rows(method: "last_year_counts", scores: last, testCounts: test, areasSquareMeters: cells.areasSquareMeters, year: year)
        return HeldOutEvaluation(year: year, rows: rows)
    }
}
