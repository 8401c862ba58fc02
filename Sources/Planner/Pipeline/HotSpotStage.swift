import Foundation
import GeoKit
import HotSpots

/// The result of the hot-spot stage, with what later stages need: which incidents were
/// used, the cell of each, and the per-ward records.
public struct HotSpotOutcome: Sendable {
    public var settings: HotSpotSettings
    public var result: HotSpotResult
    /// Indices into ``StudyData/incidents`` of the incidents analysed (years filter applied).
    public var incidentIndices: [Int]
    /// Ward index of each cell centre (`nil` outside every ward).
    public var wardOfCell: [Int?]
    /// The latest year of data, compared with the year before in the ward scores.
    public var currentYear: Int?
    public var wardScores: [WardScore]
    /// Warnings for the console (e.g. a trend that could not be computed).
    public var notes: [String]

    /// Cells at 95% confidence or more (Gi* bin >= 2).
    public var hot95: [Bool] { result.giBin.map { $0 >= 2 } }
}

extension HotSpotSettings {
    /// Indices into ``StudyData/incidents`` of the incidents these settings analyse: those
    /// dated in `years` (all incidents, undated ones too, without `years`). Hot spots, the
    /// placement demand and held-out scores select with this.
    public func incidentIndices(in data: StudyData) -> [Int] {
        let inc = data.incidents
        guard let keep = years.map(Set.init) else { return Array(0 ..< inc.count) }
        return (0 ..< inc.count).filter { i in inc.dates[i].map { keep.contains($0.year) } ?? false }
    }

    /// How an incident weighs under these settings: severity 1/2/4/8 × the weight column, the
    /// `categories` filter, and the `half_life_days` decay counted back from
    /// `referenceDayNumber` (the latest day analysed).
    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for a half-life
    ///   without any dated incident.
    public func incidentWeighting(referenceDayNumber: Int?) throws -> IncidentWeighting {
        try IncidentWeighting(severityWeights: IncidentWeighting.defaultSeverityWeights, categories: categories, halfLifeDays: halfLifeDays,
                              referenceDayNumber: halfLifeDays == nil ? nil : referenceDayNumber)
    }
}

/// Runs Getis-Ord Gi*, Local Moran, KDE, trends and the held-out test on a study, and turns
/// the result into GIS layers.
public enum HotSpotStage {
    public static func run(_ data: StudyData, _ s: HotSpotSettings, memoryBudget: MemoryBudget = .machineDefault) throws -> HotSpotOutcome {
        let inc = data.incidents
        let idx = s.incidentIndices(in: data)
        var points = PlanarPointSet()
        var severities: [SeverityClass] = []
        var days: [Int?] = []
        var cleared: [Bool?] = []
        var units: [Int?] = []
        for i in idx {
            points.append(inc.points[i])
            severities.append(data.severityClasses[i])
            days.append(inc.dates[i].map { CivilDate.dayNumber(year: $0.year, month: $0.month, day: $0.day) })
            cleared.append(inc.solved[i])
            units.append(inc.wardIndices[i])
        }
        let categories = idx.map { inc.categories[$0] }
        let hasDates = days.contains { $0 != nil }
        let table = try IncidentTable(points: points, severities: severities, categories: categories,
                                      dayNumbers: hasDates ? days : [], cleared: cleared, unitIndices: units,
                                      baseWeights: idx.map { inc.weights[$0] })
        let wards = data.boundaries.wards
        let cells: CellGrid
        switch s.units {
        case .fishnet, .hexagon:
            cells = try CellGrid.lattice(shape: s.units == .hexagon ? .hexagon : .square, cellSizeMeters: s.cellSizeMeters,
                                         studyArea: data.studyArea)
        case .wards:
            var centres = PlanarPointSet()
            for w in wards { centres.append(try GeometryOps.pointOnSurface(w.geometry)) }
            cells = try CellGrid(unitIDs: wards.map(\.id), polygons: wards.map(\.geometry), centers: centres,
                                 areasSquareMeters: wards.map(\.areaSquareMeters))
        }
        let years = Set(days.compactMap { $0 }.map { CivilDate.year(ofDayNumber: $0) })
        var notes: [String] = []
        let trends = s.trends && years.count >= 3
        if s.trends && !trends {
            notes.append("trends not computed: they need at least 3 years of dated incidents (found \(years.count))")
        }
        let weighting = try s.incidentWeighting(referenceDayNumber: days.compactMap { $0 }.max())
        var config = try HotSpotConfig(weighting: weighting, band: s.bandMeters.map { .fixed(meters: $0) } ?? .optimized,
                                       permutations: s.permutations, seed: s.seed, kdeBandwidthMeters: s.kdeBandwidthMeters,
                                       trends: trends, evaluationYear: s.evaluationYear)
        config.memoryBudget = memoryBudget
        let result = try HotSpotAnalysis.run(input: try HotSpotInput(incidents: table, cells: cells), config: config)

        let index = try PolygonIndex(wards.map(\.geometry))
        var wardOfCell: [Int?] = s.units == .wards ? wards.indices.map { $0 } : try index.firstContaining(cells.centers)
        // A border cell whose centre falls outside every ward goes to the ward that holds one
        // of its corners or edge midpoints, so group totals add up to the whole study area.
        let orphans = wardOfCell.indices.filter { wardOfCell[$0] == nil }
        if !orphans.isEmpty {
            var probes = PlanarPointSet(), owner: [Int] = []
            for c in orphans {
                for poly in cells.polygons[c].polygons {
                    let ring = poly.exterior
                    for k in 0 ..< max(ring.count - 1, 0) {
                        probes.append(ring[k])
                        probes.append(PlanarPoint(x: (ring[k].x + ring[k + 1].x) / 2, y: (ring[k].y + ring[k + 1].y) / 2))
                        owner += [c, c]
                    }
                }
            }
            for (k, w) in try index.firstContaining(probes).enumerated() where w != nil && wardOfCell[owner[k]] == nil {
                wardOfCell[owner[k]] = w
            }
        }
        let currentYear = years.max()
        let wardTable = try WardTable(ids: wards.map(\.id), areasSquareMeters: wards.map(\.areaSquareMeters),
                                      populations: data.populations, groups: wards.map(\.group))
        let overlaps: [CellWardOverlap] = s.units == .wards
            ? wards.indices.map { CellWardOverlap(cell: $0, ward: $0, areaSquareMeters: wards[$0].areaSquareMeters) }
            : wardOfCell.enumerated().compactMap { c, w in
                w.map { CellWardOverlap(cell: c, ward: $0, areaSquareMeters: cells.areasSquareMeters[c]) }
            }
        let scores = try WardScores.compute(incidents: table, weights: result.incidentWeights, keep: { result.incidentWeights[$0] > 0 },
                                            wards: wardTable, currentYear: currentYear, cellBins: result.giBin, overlaps: overlaps)
        return HotSpotOutcome(settings: s, result: result, incidentIndices: idx, wardOfCell: wardOfCell,
                              currentYear: currentYear, wardScores: scores, notes: notes)
    }

    /// `hotspot-cells`: one polygon per cell with `cell_id, count, weight, neighbors, gi_z,
    /// gi_p, gi_bin, kde, trend, moran` (flat, typed), in WGS 84.
    public static func cellLayer(_ o: HotSpotOutcome, toLonLat: CoordinateTransform) throws -> OutputLayer {
        let r = o.result
        var features: [Feature<LonLat>] = []
        features.reserveCapacity(r.cells.count)
        for c in 0 ..< r.cells.count {
            let geom: Geometry<LonLat> = try toLonLat.transform(Geometry<PlanarPoint>.multiPolygon(r.cells.polygons[c]))
            let a: [String: FieldValue] = [
                "cell_id": .string(r.cells.ids[c]),
                "count": .integer(Int64(r.counts[c])),
                "weight": .real(r.weights[c]),
                "neighbors": .integer(Int64(r.neighborCounts[c])),
                "gi_z": .real(r.giZ[c]),
                "gi_p": .real(r.giP[c]),
                "gi_bin": .integer(Int64(r.giBin[c])),
                "kde": .real(r.kdePerSquareKm[c]),
                "trend": r.trends.map { .string($0.categories[c].rawValue) } ?? .null,
                "moran": r.localMoran.map { m in m.label(c).map { .string($0.rawValue) } ?? .string("ns") } ?? .null,
            ]
            features.append(Feature(index: c, geometry: geom, attributes: a))
        }
        return try OutputLayer(name: "hotspot_cells", fields: [
            .init("cell_id", .string), .init("count", .integer), .init("weight", .real), .init("neighbors", .integer),
            .init("gi_z", .real), .init("gi_p", .real), .init("gi_bin", .integer), .init("kde", .real),
            .init("trend", .string), .init("moran", .string),
        ], geometryType: .multiPolygon, features: features)
    }

    /// `incidents`: the analysed incident points with their weight, cell and the cell's Gi*
    /// bin. Only written when the user asks for raw points (`--raw-points`).
    public static func incidentLayer(_ data: StudyData, _ o: HotSpotOutcome, toLonLat: CoordinateTransform) throws -> OutputLayer {
        let inc = data.incidents
        var features: [Feature<LonLat>] = []
        features.reserveCapacity(o.incidentIndices.count)
        for (k, i) in o.incidentIndices.enumerated() {
            let p: LonLat = try toLonLat.transform(inc.points[i])
            let c = Int(o.result.cellOfIncident[k])
            features.append(Feature(index: k, geometry: .point(p), attributes: [
                "id": .string(inc.ids[i]), "date": inc.dates[i].map { .string($0.description) } ?? .null,
                "category": .string(inc.categories[i]), "severity": .string(data.severityClasses[i].rawValue),
                "solved": inc.solved[i].map { .bool($0) } ?? .null, "weight": .real(o.result.incidentWeights[k]),
                "cell_id": c >= 0 ? .string(o.result.cells.ids[c]) : .null,
                "gi_bin": c >= 0 ? .integer(Int64(o.result.giBin[c])) : .null,
            ]))
        }
        return try OutputLayer(name: "incidents", fields: [
            .init("id", .string), .init("date", .string), .init("category", .string), .init("severity", .string),
            .init("solved", .bool), .init("weight", .real), .init("cell_id", .string), .init("gi_bin", .integer),
        ], geometryType: .point, features: features)
    }

    /// Per-ward figures from the incidents actually analysed, for scorecard and ranking.
    public static func wardRecords(_ data: StudyData, _ o: HotSpotOutcome) -> [WardRecord] {
        let wards = data.boundaries.wards
        var recs = wards.enumerated().map { i, w in
            WardRecord(id: w.id, name: w.name, type: w.type.rawValue, group: w.group, areaKm2: w.areaSquareMeters / 1e6,
                       population: data.populations[i])
        }
        let inc = data.incidents
        for i in o.incidentIndices {
            let w = inc.wardIndices[i]
            guard w >= 0, w < recs.count, let y = inc.dates[i]?.year else { continue }
            recs[w].incidentsByYear[y, default: 0] += 1
            if inc.solved[i] == true { recs[w].solvedByYear[y, default: 0] += 1 }
            if data.severityClasses[i] == .verySerious || data.severityClasses[i] == .especiallySerious {
                recs[w].seriousByYear[y, default: 0] += 1
                if inc.solved[i] == true { recs[w].seriousSolvedByYear[y, default: 0] += 1 }
            }
        }
        if let acc = data.accidents {
            for w in recs.indices { recs[w].accidentsByYear = [:] }
            for i in 0 ..< acc.count {
                let w = acc.wardIndices[i]
                guard w >= 0, w < recs.count, let y = acc.dates[i]?.year else { continue }
                recs[w].accidentsByYear![y, default: 0] += 1
            }
        }
        for (c, w) in o.wardOfCell.enumerated() where o.result.giBin[c] >= 2 {
            if let w { recs[w].hotCells95 += 1 }
        }
        if let trends = o.result.trends {
            for w in recs.indices { recs[w].trendCells = [:] }
            for (c, w) in o.wardOfCell.enumerated() {
                if let w { recs[w].trendCells![trends.categories[c].rawValue, default: 0] += 1 }
            }
        }
        return recs
    }

    /// `wards`: ward polygons with the hot-spot ward scores (incidents, weighted incidents,
    /// per km², per 1,000 residents, change on the previous year, clearance, hot area share).
    public static func wardLayer(_ data: StudyData, _ o: HotSpotOutcome, records: [WardRecord], extra: [[String: FieldValue]]? = nil,
                                 extraFields: [FieldDefinition] = [], toLonLat: CoordinateTransform) throws -> OutputLayer {
        let wards = data.boundaries.wards
        var features: [Feature<LonLat>] = []
        let year = o.currentYear
        for (i, w) in wards.enumerated() {
            let s = o.wardScores[i]
            let r = records[i]
            var a: [String: FieldValue] = [
                "ward_id": .string(w.id), "ward_name": .string(w.name), "ward_type": .string(w.type.rawValue),
                "group": .string(w.group), "area_km2": .real(w.areaSquareMeters / 1e6),
                "population": data.populations[i].map { .real($0) } ?? .null,
                "incidents": .integer(Int64(s.incidents)), "weighted_incidents": .real(s.weightedIncidents),
                "weight_per_km2": .real(s.weightedIncidents / max(w.areaSquareMeters / 1e6, 1e-9)),
                "incidents_per_km2": .real(s.incidentsPerSquareKm),
                "incidents_per_1000": s.incidentsPerThousandResidents.map { .real($0) } ?? .null,
                "year": year.map { .integer(Int64($0)) } ?? .null,
                "change_pct": s.changePercent.map { .real($0) } ?? .null,
                "clearance": year.flatMap { r.clearance(year: $0) }.map { .real($0) } ?? .null,
                "serious_clearance": year.flatMap { r.seriousClearance(year: $0) }.map { .real($0) } ?? .null,
                "hot95_cells": .integer(Int64(r.hotCells95)),
                "hot_area_share": .real(s.hotAreaShare),
            ]
            if let e = extra?[i] { a.merge(e) { _, new in new } }
            let geom: Geometry<LonLat> = try toLonLat.transform(Geometry<PlanarPoint>.multiPolygon(w.geometry))
            features.append(Feature(index: i, geometry: geom, attributes: a))
        }
        return try OutputLayer(name: "wards", fields: [
            .init("ward_id", .string), .init("ward_name", .string), .init("ward_type", .string), .init("group", .string),
            .init("area_km2", .real), .init("population", .real), .init("incidents", .integer), .init("weighted_incidents", .real),
            .init("weight_per_km2", .real), .init("incidents_per_km2", .real), .init("incidents_per_1000", .real),
            .init("year", .integer), .init("change_pct", .real), .init("clearance", .real), .init("serious_clearance", .real),
            .init("hot95_cells", .integer), .init("hot_area_share", .real),
        ] + extraFields, geometryType: .multiPolygon, features: features)
    }

    /// The machine-readable summary of a hot-spot analysis.
    /// - Parameter warnings: what may make the result wrong (``PlanProducts/warnings``);
    ///   written as `warnings`, left out when empty.
    public static func summary(_ o: HotSpotOutcome, workCRS: CRS, warnings: [String] = []) -> HotSpotSummaryJSON {
        let s = o.result.summary
        return HotSpotSummaryJSON(
            cells: s.cellCount, incidents: s.incidentCount, incidentsOutsideCells: s.incidentsOutsideCells,
            bandM: s.band.bandMeters, bandMethod: "\(s.band.method)", kdeBandwidthM: s.kdeBandwidthMeters,
            workCRS: workCRS.description,
            hotCells: ["90": s.hotCells(atLeast: 1), "95": s.hotCells(atLeast: 2), "99": s.hotCells(atLeast: 3)],
            coldCells: ["90": s.coldCells(atLeast: 1), "95": s.coldCells(atLeast: 2), "99": s.coldCells(atLeast: 3)],
            evaluation: s.evaluation.map { e in
                HotSpotSummaryJSON.Evaluation(year: e.year, rows: e.rows.map {
                    .init(method: $0.method, areaShare: $0.areaShare, cells: $0.cells, captured: $0.capturedIncidents,
                          total: $0.totalIncidents, pai: $0.pai, peiStar: $0.peiStar)
                })
            },
            notes: o.notes, warnings: warnings.isEmpty ? nil : warnings)
    }

    /// A short console table of the analysis.
    public static func consoleSummary(_ o: HotSpotOutcome) -> String {
        let s = o.result.summary
        var out = String(format: "%d cells, %d incidents, band %.0f m (%@), KDE bandwidth %.0f m\n", s.cellCount, s.incidentCount,
                         s.band.bandMeters, "\(s.band.method)", s.kdeBandwidthMeters)
        out += "hot cells  99%: \(s.hotCells(atLeast: 3))  95%: \(s.hotCells(atLeast: 2))  90%: \(s.hotCells(atLeast: 1))\n"
        out += "cold cells 99%: \(s.coldCells(atLeast: 3))  95%: \(s.coldCells(atLeast: 2))  90%: \(s.coldCells(atLeast: 1))\n"
        if let e = s.evaluation {
            out += "held-out \(e.year): method, top area, PAI, PEI*\n"
            for r in e.rows {
                let name = r.method.padding(toLength: 18, withPad: " ", startingAt: 0)
                out += "  " + name + String(format: " %5.1f%%  PAI %6.2f  PEI* %.3f\n", r.areaShare * 100, r.pai, r.peiStar)
            }
        }
        for n in o.notes { out += "note: \(n)\n" }
        return out
    }
}

/// `summary.json` of `camplan hotspots`.
public struct HotSpotSummaryJSON: Codable, Sendable, Equatable {
    public struct Evaluation: Codable, Sendable, Equatable {
        public struct Row: Codable, Sendable, Equatable {
            public var method: String
            public var areaShare: Double
            public var cells: Int
            public var captured: Double
            public var total: Double
            public var pai: Double
            public var peiStar: Double
            enum CodingKeys: String, CodingKey {
                case method, cells, captured, total, pai
                case areaShare = "area_share", peiStar = "pei_star"
            }
        }
        public var year: Int
        public var rows: [Row]
    }
    public var cells: Int
    public var incidents: Int
    public var incidentsOutsideCells: Int
    public var bandM: Double
    public var bandMethod: String
    public var kdeBandwidthM: Double
    public var workCRS: String
    public var hotCells: [String: Int]
    public var coldCells: [String: Int]
    public var evaluation: Evaluation?
    public var notes: [String]
    /// What may make the result wrong (loaders, the analysis); `nil` when there is none.
    public var warnings: [String]?
    /// camplan, GEOS, PROJ and GDAL versions (``CamplanVersion``).
    public var software: [String: String] = CamplanVersion.dictionary

    enum CodingKeys: String, CodingKey {
        case cells, incidents, evaluation, notes, warnings, software
        case incidentsOutsideCells = "incidents_outside_cells", bandM = "band_m", bandMethod = "band_method"
        case kdeBandwidthM = "kde_bandwidth_m", workCRS = "work_crs", hotCells = "hot_cells", coldCells = "cold_cells"
    }
}
