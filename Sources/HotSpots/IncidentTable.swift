import GeoKit

/// Incidents as struct-of-arrays, in the working CRS (metres). Optional columns are empty
/// arrays when the source has no such field, otherwise one entry per incident.
public struct IncidentTable: Sendable, Equatable {
    /// Locations, metres in the working CRS.
    public let points: PlanarPointSet
    /// Penal Code class per incident.
    public let severities: [SeverityClass]
    /// Category (crime group) per incident, or empty.
    public let categories: [String]
    /// Date as a day number since 1970-01-01 (see ``CivilDate``), `nil` when unknown; or empty.
    public let dayNumbers: [Int?]
    /// Whether the case was cleared (investigated and solved), `nil` when unknown; or empty.
    public let cleared: [Bool?]
    /// Index of the ward/unit containing the incident (assigned by the caller with GEOS),
    /// `nil` when outside every unit; or empty.
    public let unitIndices: [Int?]
    /// A multiplier per incident from the user's weight column (empty: 1 each).
    public let baseWeights: [Double]

    public var count: Int { points.count }

    /// - Throws: ``HotSpotError/mismatchedLengths(field:expected:found:)`` when a non-empty
    ///   column does not have one entry per point.
    public init(points: PlanarPointSet, severities: [SeverityClass]? = nil, categories: [String] = [],
                dayNumbers: [Int?] = [], cleared: [Bool?] = [], unitIndices: [Int?] = [], baseWeights: [Double] = []) throws {
        let n = points.count
        let sev = severities ?? Array(repeating: .lessSerious, count: n)
        for (name, c) in [("severities", sev.count), ("categories", categories.count), ("dates", dayNumbers.count),
                          ("cleared", cleared.count), ("unit indices", unitIndices.count), ("weights", baseWeights.count)] where c != 0 && c != n {
            throw HotSpotError.mismatchedLengths(field: name, expected: n, found: c)
        }
        if sev.count != n { throw HotSpotError.mismatchedLengths(field: "severities", expected: n, found: sev.count) }
        self.points = points
        self.severities = sev
        self.categories = categories
        self.dayNumbers = dayNumbers
        self.cleared = cleared
        self.unitIndices = unitIndices
        self.baseWeights = baseWeights
    }

    /// Calendar year of incident `i`, `nil` without a date.
    public func year(_ i: Int) -> Int? {
        guard !dayNumbers.isEmpty, let d = dayNumbers[i] else { return nil }
        return CivilDate.year(ofDayNumber: d)
    }

    /// Number of incidents without a date (all of them when there is no date column).
    public var undatedCount: Int { dayNumbers.isEmpty ? count : dayNumbers.reduce(0) { $0 + ($1 == nil ? 1 : 0) } }
}
