import GeoKit

/// What one scenario achieved in one group (district), the unit of `comparison.csv`.
public struct GroupOutcome: Sendable, Equatable {
    public var group: String
    public var areaKm2: Double
    public var population: Double?
    /// Weighted demand in the group and the part the plan covers.
    public var demandWeight: Double
    public var coveredWeight: Double
    /// 95%-confidence hot cells (Gi* bin >= 2) in the group and how many the plan covers.
    public var hotCells95: Int
    public var hotCells95Covered: Int
    public var camerasExisting: Int
    public var camerasNew: Int
    /// Cost of the new cameras, in the catalog's unit.
    public var cost: Double
    /// Class-weighted traffic accidents and the part inside the plan's footprints (when an
    /// accident file was given).
    public var accidentWeight: Double?
    public var accidentCovered: Double?
    /// Black-spot segments and gateways, and how many the plan watches (traffic scenarios).
    public var blackSpots: Int?
    public var blackSpotsWatched: Int?
    public var gateways: Int?
    public var gatewaysWatched: Int?
    /// Held-out: the evaluation year's weighted incidents in the group and the part the plan
    /// fit on the earlier years covers (`nil` without an evaluation year).
    public var heldoutTotalWeight: Double?
    public var heldoutCoveredWeight: Double?

    /// `heldoutCoveredWeight / heldoutTotalWeight` (`nil` without held-out or incidents).
    public var heldoutCoverage: Double? {
        guard let t = heldoutTotalWeight, let c = heldoutCoveredWeight, t > 0 else { return nil }
        return c / t
    }

    public init(group: String, areaKm2: Double, population: Double? = nil, demandWeight: Double, coveredWeight: Double,
                hotCells95: Int, hotCells95Covered: Int, camerasExisting: Int, camerasNew: Int, cost: Double) {
        self.group = group
        self.areaKm2 = areaKm2
        self.population = population
        self.demandWeight = demandWeight
        self.coveredWeight = coveredWeight
        self.hotCells95 = hotCells95
        self.hotCells95Covered = hotCells95Covered
        self.camerasExisting = camerasExisting
        self.camerasNew = camerasNew
        self.cost = cost
    }

    mutating func add(_ o: GroupOutcome) {
        areaKm2 += o.areaKm2
        if let p = o.population { population = (population ?? 0) + p }
        demandWeight += o.demandWeight
        coveredWeight += o.coveredWeight
        hotCells95 += o.hotCells95
        hotCells95Covered += o.hotCells95Covered
        camerasExisting += o.camerasExisting
        camerasNew += o.camerasNew
        cost += o.cost
        func sum<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? { a == nil && b == nil ? nil : (a ?? .zero) + (b ?? .zero) }
        accidentWeight = sum(accidentWeight, o.accidentWeight)
        accidentCovered = sum(accidentCovered, o.accidentCovered)
        blackSpots = sum(blackSpots, o.blackSpots)
        blackSpotsWatched = sum(blackSpotsWatched, o.blackSpotsWatched)
        gateways = sum(gateways, o.gateways)
        gatewaysWatched = sum(gatewaysWatched, o.gatewaysWatched)
        if let t = o.heldoutTotalWeight { heldoutTotalWeight = (heldoutTotalWeight ?? 0) + t }
        if let c = o.heldoutCoveredWeight { heldoutCoveredWeight = (heldoutCoveredWeight ?? 0) + c }
    }
}

/// A finished scenario as the comparison sees it.
public struct ScenarioOutcome: Sendable, Equatable {
    public var name: String
    /// Certified optimality gap of the placement, (bound − found) / bound.
    public var gap: Double
    public var groups: [GroupOutcome]

    public init(name: String, gap: Double, groups: [GroupOutcome]) {
        self.name = name
        self.gap = gap
        self.groups = groups
    }
}

/// Scenario × group comparison (`comparison.csv`, `comparison.md`): coverage of weighted
/// demand and of 95% hot cells, new cameras, cost, cameras per km² and per 10,000 residents
/// (when population exists), and the optimality gap; with an accident file the share of
/// class-weighted accidents inside the footprints (`accident_coverage`), and with a traffic
/// scenario its black spots and gateways and how many are watched. Each scenario ends with
/// an `ALL` row.
public enum ScenarioComparison {
    public static func table(_ outcomes: [ScenarioOutcome]) -> ReportTable {
        let hasPopulation = outcomes.contains { $0.groups.contains { $0.population != nil } }
        var fields: [FieldDefinition] = [
            .init("scenario", .string), .init("group", .string),
            .init("demand_weight", .real), .init("covered_weight", .real), .init("coverage", .real),
        ]
        let hasHeldOut = outcomes.contains { $0.groups.contains { $0.heldoutTotalWeight != nil } }
        if hasHeldOut { fields.append(.init("heldout_coverage", .real)) }
        fields += [
            .init("hot95_cells", .integer), .init("hot95_covered", .integer), .init("hot95_coverage", .real),
            .init("cameras_existing", .integer), .init("cameras_new", .integer), .init("cost", .real),
            .init("cameras_per_km2", .real),
        ]
        if hasPopulation { fields.append(.init("cameras_per_10k_residents", .real)) }
        let hasAccidents = outcomes.contains { $0.groups.contains { $0.accidentWeight != nil } }
        let hasTraffic = outcomes.contains { $0.groups.contains { $0.blackSpots != nil } }
        if hasAccidents { fields.append(.init("accident_coverage", .real)) }
        if hasTraffic {
            fields += [.init("blackspots", .integer), .init("blackspots_watched", .integer),
                       .init("gateways", .integer), .init("gateways_watched", .integer)]
        }
        fields.append(.init("gap", .real))
        var t = ReportTable(fields: fields)
        for o in outcomes {
            var total = GroupOutcome(group: "ALL", areaKm2: 0, demandWeight: 0, coveredWeight: 0, hotCells95: 0,
                                     hotCells95Covered: 0, camerasExisting: 0, camerasNew: 0, cost: 0)
            let groups = o.groups.sorted { $0.group < $1.group }
            for g in groups { total.add(g) }
            for g in groups + [total] {
                let cams = Double(g.camerasExisting + g.camerasNew)
                var row: [FieldValue] = [
                    .string(o.name), .string(g.group),
                    .real(g.demandWeight), .real(g.coveredWeight),
                    g.demandWeight > 0 ? .real(g.coveredWeight / g.demandWeight) : .null,
                ]
                if hasHeldOut { row.append(g.heldoutCoverage.map { .real($0) } ?? .null) }
                row += [
                    .integer(Int64(g.hotCells95)), .integer(Int64(g.hotCells95Covered)),
                    g.hotCells95 > 0 ? .real(Double(g.hotCells95Covered) / Double(g.hotCells95)) : .null,
                    .integer(Int64(g.camerasExisting)), .integer(Int64(g.camerasNew)), .real(g.cost),
                    g.areaKm2 > 0 ? .real(cams / g.areaKm2) : .null,
                ]
                if hasPopulation {
                    row.append(g.population.map { $0 > 0 ? .real(cams / $0 * 10_000) : .null } ?? .null)
                }
                if hasAccidents {
                    row.append(g.accidentWeight.flatMap { w in w > 0 ? .real((g.accidentCovered ?? 0) / w) : nil } ?? .null)
                }
                if hasTraffic {
                    row += [g.blackSpots, g.blackSpotsWatched, g.gateways, g.gatewaysWatched].map { $0.map { .integer(Int64($0)) } ?? .null }
                }
                row.append(.real(o.gap))
                t.rows.append(row)
            }
        }
        return t
    }
}
