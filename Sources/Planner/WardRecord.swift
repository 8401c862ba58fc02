/// The per-ward figures the model-ward ranking and the directive scorecard read. Built by the
/// run from incidents, hot-spot cells and the placement; plain numbers, no geometry.
public struct WardRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Unit type as in the boundary file (`phường`, `xã`, …).
    public var type: String
    /// The grouping value (pre-2025 district by default).
    public var group: String
    public var areaKm2: Double
    public var population: Double?
    /// Recorded incidents per year (after category filters).
    public var incidentsByYear: [Int: Int]
    /// Solved incidents per year.
    public var solvedByYear: [Int: Int]
    /// Very serious and especially serious incidents per year, and how many were solved.
    public var seriousByYear: [Int: Int]
    public var seriousSolvedByYear: [Int: Int]
    /// Reports resolved / received per year, when the incident data has such a field.
    public var reportsResolvedByYear: [Int: Int]?
    /// Traffic accidents per year, when an accident layer was given.
    public var accidentsByYear: [Int: Int]?
    /// Number of hot-spot cells at 95% confidence or more (Gi* bin >= 2) centred in the ward.
    public var hotCells95: Int
    /// Cells centred in the ward by emerging hot-spot category (`persistent_hot_spot`: 3);
    /// `nil` when trends were not computed.
    public var trendCells: [String: Int]?
    /// Share of the ward's weighted incidents that the planned network covers (0...1).
    public var coveredShare: Double?

    public init(id: String, name: String, type: String, group: String, areaKm2: Double,
                population: Double? = nil, incidentsByYear: [Int: Int] = [:], solvedByYear: [Int: Int] = [:],
                seriousByYear: [Int: Int] = [:], seriousSolvedByYear: [Int: Int] = [:],
                reportsResolvedByYear: [Int: Int]? = nil, accidentsByYear: [Int: Int]? = nil,
                hotCells95: Int = 0, trendCells: [String: Int]? = nil, coveredShare: Double? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.group = group
        self.areaKm2 = areaKm2
        self.population = population
        self.incidentsByYear = incidentsByYear
        self.solvedByYear = solvedByYear
        self.seriousByYear = seriousByYear
        self.seriousSolvedByYear = seriousSolvedByYear
        self.reportsResolvedByYear = reportsResolvedByYear
        self.accidentsByYear = accidentsByYear
        self.hotCells95 = hotCells95
        self.trendCells = trendCells
        self.coveredShare = coveredShare
    }

    /// Change of incidents in `year` on `year - 1`, as a percentage; `nil` without a base.
    public func changePercent(year: Int) -> Double? {
        Self.changePercent(now: incidentsByYear[year] ?? 0, before: incidentsByYear[year - 1] ?? 0)
    }

    static func changePercent(now: Int, before: Int) -> Double? {
        guard before > 0 else { return nil }
        return (Double(now) - Double(before)) / Double(before) * 100
    }

    /// Solved share of incidents in `year`; `nil` when there were none.
    public func clearance(year: Int) -> Double? {
        let n = incidentsByYear[year] ?? 0
        return n > 0 ? Double(solvedByYear[year] ?? 0) / Double(n) : nil
    }

    /// Solved share of very serious and especially serious incidents in `year`.
    public func seriousClearance(year: Int) -> Double? {
        let n = seriousByYear[year] ?? 0
        return n > 0 ? Double(seriousSolvedByYear[year] ?? 0) / Double(n) : nil
    }

    /// Incidents in `year` per km² (or per 1,000 residents when `perResidents` and a
    /// population exists).
    public func rate(year: Int, perResidents: Bool) -> Double {
        let n = Double(incidentsByYear[year] ?? 0)
        if perResidents, let pop = population, pop > 0 { return n / pop * 1000 }
        return areaKm2 > 0 ? n / areaKm2 : 0
    }

    /// Adds another ward's counts (for roll-ups per group and province).
    mutating func accumulate(_ o: WardRecord) {
        func add(_ a: inout [Int: Int], _ b: [Int: Int]) { for (k, v) in b { a[k, default: 0] += v } }
        areaKm2 += o.areaKm2
        if let p = o.population { population = (population ?? 0) + p }
        add(&incidentsByYear, o.incidentsByYear)
        add(&solvedByYear, o.solvedByYear)
        add(&seriousByYear, o.seriousByYear)
        add(&seriousSolvedByYear, o.seriousSolvedByYear)
        if let r = o.reportsResolvedByYear { var a = reportsResolvedByYear ?? [:]; add(&a, r); reportsResolvedByYear = a }
        if let r = o.accidentsByYear { var a = accidentsByYear ?? [:]; add(&a, r); accidentsByYear = a }
        hotCells95 += o.hotCells95
    }
}
