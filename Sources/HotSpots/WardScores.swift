import GeoKit

/// The wards (or other reporting units) the scores are computed for.
public struct WardTable: Sendable, Equatable {
    public let ids: [String]
    /// Ward areas, square metres (working CRS).
    public let areasSquareMeters: [Double]
    /// Residents per ward, `nil` when unknown; or empty when there is no population field.
    public let populations: [Double?]
    /// Roll-up group per ward (any field: the pre-2025 district by default); or empty.
    public let groups: [String]

    public var count: Int { ids.count }

    /// - Throws: ``HotSpotError/mismatchedLengths(field:expected:found:)``.
    public init(ids: [String], areasSquareMeters: [Double], populations: [Double?] = [], groups: [String] = []) throws {
        let n = ids.count
        if areasSquareMeters.count != n { throw HotSpotError.mismatchedLengths(field: "ward areas", expected: n, found: areasSquareMeters.count) }
        if !populations.isEmpty, populations.count != n { throw HotSpotError.mismatchedLengths(field: "ward populations", expected: n, found: populations.count) }
        if !groups.isEmpty, groups.count != n { throw HotSpotError.mismatchedLengths(field: "ward groups", expected: n, found: groups.count) }
        self.ids = ids
        self.areasSquareMeters = areasSquareMeters
        self.populations = populations
        self.groups = groups
    }
}

/// Area shared by a cell and a ward, square metres.
public struct CellWardOverlap: Sendable, Equatable {
    public let cell: Int
    public let ward: Int
    public let areaSquareMeters: Double

    public init(cell: Int, ward: Int, areaSquareMeters: Double) {
        self.cell = cell
        self.ward = ward
        self.areaSquareMeters = areaSquareMeters
    }

    /// Approximation by cell centres: a cell counts wholly towards the first ward containing
    /// its centre (boundary included, ``PolygonIndex``), with the cell's full area. The error
    /// is at most the area of the cells cut by a ward boundary. O(cells log wards).
    /// - Throws: ``GeoError/geometry(_:)`` when GEOS cannot build a ward.
    public static func approximate(cells: CellGrid, wards: [MultiPolygon<PlanarPoint>]) throws(GeoError) -> [CellWardOverlap] {
        try PolygonIndex(wards).firstContaining(cells.centers).enumerated().compactMap { c, w in
            w.map { CellWardOverlap(cell: c, ward: $0, areaSquareMeters: cells.areasSquareMeters[c]) }
        }
    }
}

/// Scores of one ward (or of one group in a roll-up) against the directive's targets
/// (Chỉ thị 15/CT-UBND item 3: crime down 5 % on the previous year; clearance above 75 %,
/// above 90 % for very serious and especially serious cases).
public struct WardScore: Sendable, Equatable {
    public let id: String
    public let group: String?
    /// Kept incidents (all years) and their weights.
    public let incidents: Int
    public let weightedIncidents: Double
    public let incidentsPerSquareKm: Double
    /// Incidents per 1,000 residents, when the population is known and positive.
    public let incidentsPerThousandResidents: Double?
    /// Incidents in the current year and the one before (when a current year is given).
    public let currentYearIncidents: Int?
    public let previousYearIncidents: Int?
    /// Change on the previous year, percent (`nil` when the previous year had none).
    public let changePercent: Double?
    /// Whether the change is at or below the -5 % target.
    public let meetsReductionTarget: Bool?
    /// Cleared share of incidents with a known status (0...1), and of grave ones.
    public let clearanceRate: Double?
    public let graveClearanceRate: Double?
    public let meetsClearanceTarget: Bool?
    public let meetsGraveClearanceTarget: Bool?
    /// Share of the ward's area in cells hot at 95 % confidence or more (0...1).
    public let hotAreaShare: Double
    public let areaSquareMeters: Double
    public let population: Double?
    /// Incidents with a known clearance status and cleared ones, overall and grave.
    public internal(set) var clearanceKnown = 0
    public internal(set) var clearedCount = 0
    public internal(set) var graveKnown = 0
    public internal(set) var graveClearedCount = 0
}

/// Per-ward and per-group scores.
public enum WardScores {
    /// Directive targets.
    public static let reductionTargetPercent = -5.0
    public static let clearanceTarget = 0.75
    public static let graveClearanceTarget = 0.90

    /// Scores every ward. Incidents are assigned to wards by ``IncidentTable/unitIndices``
    /// (the caller's point-in-polygon); filtered incidents (weight 0 from the category
    /// filter) are skipped with `keep`.
    /// - Parameters:
    ///   - currentYear: the year compared with the one before; `nil` skips the change.
    ///   - cellBins: Gi* bins of the cells in `overlaps`.
    ///   - overlaps: cell/ward shared areas (GEOS, or ``CellWardOverlap/approximate(cells:wards:)``).
    /// - Throws: ``HotSpotError/indexOutOfRange(field:index:count:)`` for a bad ward or cell.
    public static func compute(incidents inc: IncidentTable, weights: [Double], keep: (Int) -> Bool = { _ in true },
                               wards: WardTable, currentYear: Int?, cellBins: [Int8], overlaps: [CellWardOverlap]) throws -> [WardScore] {
        let k = wards.count
        guard weights.count == inc.count else { throw HotSpotError.mismatchedLengths(field: "weights", expected: inc.count, found: weights.count) }
        var acc = [Accumulator](repeating: Accumulator(), count: k)
        if !inc.unitIndices.isEmpty {
            for i in 0..<inc.count where keep(i) {
                guard let u = inc.unitIndices[i] else { continue }
                guard u >= 0, u < k else { throw HotSpotError.indexOutOfRange(field: "incident ward", index: u, count: k) }
                acc[u].add(inc, i, weight: weights[i], currentYear: currentYear)
            }
        }
        for o in overlaps {
            guard o.ward >= 0, o.ward < k else { throw HotSpotError.indexOutOfRange(field: "overlap ward", index: o.ward, count: k) }
            guard o.cell >= 0, o.cell < cellBins.count else { throw HotSpotError.indexOutOfRange(field: "overlap cell", index: o.cell, count: cellBins.count) }
            if cellBins[o.cell] >= 2 { acc[o.ward].hotArea += o.areaSquareMeters }
        }
        return (0..<k).map { u in
            acc[u].score(id: wards.ids[u], group: wards.groups.isEmpty ? nil : wards.groups[u], area: wards.areasSquareMeters[u],
                         population: wards.populations.isEmpty ? nil : wards.populations[u], hasYear: currentYear != nil)
        }
    }

    /// Rolls ward scores up per group: sums counts, areas, populations and hot areas, and
    /// recomputes rates from the sums (not averages of rates).
    public static func rollUp(_ scores: [WardScore]) -> [WardScore] {
        var order: [String] = []
        var sums: [String: [WardScore]] = [:]
        for s in scores {
            let g = s.group ?? ""
            if sums[g] == nil { order.append(g) }
            sums[g, default: []].append(s)
        }
        return order.map { g in
            let members = sums[g] ?? []
            var a = Accumulator()
            var area = 0.0, pop = 0.0, popKnown = true, hasYear = false
            for s in members {
                a.incidents += s.incidents
                a.weighted += s.weightedIncidents
                a.current += s.currentYearIncidents ?? 0
                a.previous += s.previousYearIncidents ?? 0
                hasYear = hasYear || s.currentYearIncidents != nil
                a.hotArea += s.hotAreaShare * s.areaSquareMeters
                a.clearedKnown += s.clearanceKnown
                a.cleared += s.clearedCount
                a.graveKnown += s.graveKnown
                a.graveCleared += s.graveClearedCount
                area += s.areaSquareMeters
                if let p = s.population { pop += p } else { popKnown = false }
            }
            return a.score(id: g, group: g, area: area, population: popKnown ? pop : nil, hasYear: hasYear)
        }
    }

    struct Accumulator {
        var incidents = 0, weighted = 0.0, current = 0, previous = 0
        var cleared = 0, clearedKnown = 0, graveCleared = 0, graveKnown = 0
        var hotArea = 0.0

        mutating func add(_ inc: IncidentTable, _ i: Int, weight: Double, currentYear: Int?) {
            incidents += 1
            weighted += weight
            if let cy = currentYear, let y = inc.year(i) {
                if y == cy { current += 1 } else if y == cy - 1 { previous += 1 }
            }
            if !inc.cleared.isEmpty, let c = inc.cleared[i] {
                clearedKnown += 1
                if c { cleared += 1 }
                if inc.severities[i].isGrave {
                    graveKnown += 1
                    if c { graveCleared += 1 }
                }
            }
        }

        func score(id: String, group: String?, area: Double, population: Double?, hasYear: Bool) -> WardScore {
            let change: Double? = hasYear && previous > 0 ? (Double(current) - Double(previous)) / Double(previous) * 100 : nil
            let rate: Double? = clearedKnown > 0 ? Double(cleared) / Double(clearedKnown) : nil
            let grave: Double? = graveKnown > 0 ? Double(graveCleared) / Double(graveKnown) : nil
            var s = WardScore(id: id, group: group, incidents: incidents, weightedIncidents: weighted,
                              incidentsPerSquareKm: area > 0 ? Double(incidents) / (area / 1e6) : 0,
                              incidentsPerThousandResidents: population.flatMap { $0 > 0 ? Double(incidents) / $0 * 1000 : nil },
                              currentYearIncidents: hasYear ? current : nil, previousYearIncidents: hasYear ? previous : nil,
                              changePercent: change, meetsReductionTarget: change.map { $0 <= WardScores.reductionTargetPercent },
                              clearanceRate: rate, graveClearanceRate: grave,
                              meetsClearanceTarget: rate.map { $0 > WardScores.clearanceTarget },
                              meetsGraveClearanceTarget: grave.map { $0 > WardScores.graveClearanceTarget },
                              hotAreaShare: area > 0 ? min(1, hotArea / area) : 0, areaSquareMeters: area, population: population)
            s.clearanceKnown = clearedKnown; s.clearedCount = cleared
            s.graveKnown = graveKnown; s.graveClearedCount = graveCleared
            return s
        }
    }
}
