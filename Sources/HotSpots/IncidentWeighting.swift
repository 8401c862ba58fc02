import Foundation

/// How each incident counts in the analysis field: a severity weight, a category filter and
/// an optional recency decay.
///
/// Default severity weights double with each Penal Code class (less serious 1, serious 2,
/// very serious 4, especially serious 8): the maximum sentences of the classes (3, 7, 15
/// and 20+ years, art. 9) roughly double from class to class, so one especially serious
/// case counts as eight minor ones. Set all four to 1 for plain counts (ArcGIS's default).
///
/// Recency decay: `w = severity * 0.5^(age / halfLifeDays)` with `age` in days before the
/// reference day (incidents after it, or undated ones, get no decay).
public struct IncidentWeighting: Sendable, Equatable {
    public let severityWeights: [SeverityClass: Double]
    /// Categories kept; `nil` keeps all.
    public let categories: Set<String>?
    public let halfLifeDays: Double?
    /// Reference day number (``CivilDate``) for the decay.
    public let referenceDayNumber: Int?

    public static let defaultSeverityWeights: [SeverityClass: Double] = [
        .lessSerious: 1, .serious: 2, .verySerious: 4, .especiallySerious: 8,
    ]

    /// The default: severity weights 1, 2, 4, 8, no category filter, no decay.
    public static let severity = IncidentWeighting(
        unchecked: IncidentWeighting.defaultSeverityWeights, categories: nil, halfLifeDays: nil, referenceDayNumber: nil)

    /// Plain counts (ArcGIS's incident counts): every kept incident weighs 1.
    public static let counts = IncidentWeighting(
        unchecked: [.lessSerious: 1, .serious: 1, .verySerious: 1, .especiallySerious: 1], categories: nil, halfLifeDays: nil, referenceDayNumber: nil)

    private init(unchecked w: [SeverityClass: Double], categories: Set<String>?, halfLifeDays: Double?, referenceDayNumber: Int?) {
        self.severityWeights = w
        self.categories = categories
        self.halfLifeDays = halfLifeDays
        self.referenceDayNumber = referenceDayNumber
    }

    /// - Throws: ``HotSpotError/invalidParameter(name:value:expected:)`` for a negative or
    ///   non-finite weight, a non-positive half-life, or a half-life without reference day.
    public init(severityWeights: [SeverityClass: Double] = IncidentWeighting.defaultSeverityWeights,
                categories: Set<String>? = nil, halfLifeDays: Double? = nil, referenceDayNumber: Int? = nil) throws {
        for c in SeverityClass.allCases {
            guard let w = severityWeights[c], w >= 0, w.isFinite else {
                throw HotSpotError.invalidParameter(name: "severity weight \(c.rawValue)", value: "\(severityWeights[c].map { "\($0)" } ?? "missing")", expected: "a finite weight >= 0 for every class")
            }
        }
        if let h = halfLifeDays {
            guard h > 0, h.isFinite else {
                throw HotSpotError.invalidParameter(name: "half-life", value: "\(h)", expected: "a positive number of days")
            }
            guard referenceDayNumber != nil else {
                throw HotSpotError.invalidParameter(name: "reference date", value: "none", expected: "a reference date when a half-life is given")
            }
        }
        self.severityWeights = severityWeights
        self.categories = categories
        self.halfLifeDays = halfLifeDays
        self.referenceDayNumber = referenceDayNumber
    }

    /// The weight of one incident before the category filter and the decay: its class's
    /// severity weight times its base weight (the user's weight column, 1 without one). The
    /// one place this rule is written; demand without hot spots uses it too.
    public func severityWeight(of severity: SeverityClass, base: Double) -> Double {
        (severityWeights[severity] ?? 0) * base
    }

    /// The weight of one incident: 0 when the category filter drops it, else
    /// ``severityWeight(of:base:)``, decayed by its age when `decayed` (and a half-life is
    /// set). The one per-incident rule: hot spots, placement demand and held-out scores call it.
    /// - Parameters:
    ///   - category: the incident's category; `nil` when the data have no category column (then
    ///     a category filter drops it).
    ///   - dayNumber: its ``CivilDate`` day, `nil` when undated (no decay).
    public func weight(severity: SeverityClass, base: Double, category: String?, dayNumber: Int?, decayed: Bool = true) -> Double {
        guard keeps(category: category) else { return 0 }
        var w = severityWeight(of: severity, base: base)
        if decayed, let h = halfLifeDays, let ref = referenceDayNumber, let d = dayNumber {
            let age = Double(ref - d)
            if age > 0 { w *= pow(0.5, age / h) }
        }
        return w
    }

    /// Weight per incident (``weight(severity:base:category:dayNumber:decayed:)``). O(n).
    public func weights(for incidents: IncidentTable) -> [Double] {
        (0..<incidents.count).map { i in
            weight(severity: incidents.severities[i], base: incidents.baseWeights.isEmpty ? 1 : incidents.baseWeights[i],
                   category: incidents.categories.isEmpty ? nil : incidents.categories[i],
                   dayNumber: incidents.dayNumbers.isEmpty ? nil : incidents.dayNumbers[i])
        }
    }

    /// Whether incident `i` passes the category filter.
    public func keeps(_ incidents: IncidentTable, _ i: Int) -> Bool {
        keeps(category: incidents.categories.isEmpty ? nil : incidents.categories[i])
    }

    /// Whether an incident of `category` passes the filter (`nil`: no category column, dropped
    /// by any filter).
    public func keeps(category: String?) -> Bool {
        guard let keep = categories else { return true }
        return category.map(keep.contains) ?? false
    }
}
