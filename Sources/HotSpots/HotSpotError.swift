/// Errors of the hot-spot layer. Each case carries what a user needs to fix the input, and
/// ``description`` is a one-line message for the CLI's stderr.
public enum HotSpotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer incidents than the analysis needs (Optimized Hot Spot Analysis asks for 30).
    case tooFewIncidents(found: Int, minimum: Int)
    /// Fewer analysis cells or units than the analysis needs (30, as ArcGIS).
    case tooFewCells(found: Int, minimum: Int)
    /// Every cell has the same value, so z-scores are undefined.
    case zeroVariance(what: String)
    /// The distance band leaves `count` cells with no neighbour but themselves.
    case cellsWithoutNeighbors(count: Int, bandMeters: Double, suggestedBandMeters: Double)
    /// The band makes every cell a neighbour of every other: every Gi* z-score is 0.
    case bandCoversEverything(bandMeters: Double, cells: Int, spanMeters: Double)
    /// A trend or evaluation was requested but incidents carry no dates.
    case noDatesForTrend(undatedIncidents: Int, totalIncidents: Int)
    /// A trend needs at least `minimum` time steps.
    case tooFewTimeSteps(found: Int, minimum: Int)
    /// The held-out year has no earlier year to fit on, or no incidents.
    case evaluationYearUnusable(year: Int, reason: String)
    /// A configuration value is out of range.
    case invalidParameter(name: String, value: String, expected: String)
    /// Parallel arrays of different lengths.
    case mismatchedLengths(field: String, expected: Int, found: Int)
    /// An index (cell, unit, ward) outside its valid range.
    case indexOutOfRange(field: String, index: Int, count: Int)

    public var description: String {
        switch self {
        case let .tooFewIncidents(found, minimum):
            "only \(found) incidents after filtering; at least \(minimum) are needed for a reliable hot-spot analysis"
        case let .tooFewCells(found, minimum):
            "only \(found) analysis cells; at least \(minimum) are needed (use a smaller --cell size or more wards)"
        case let .zeroVariance(what):
            "\(what) has zero variance (every cell has the same value); z-scores are undefined"
        case let .cellsWithoutNeighbors(count, band, suggested):
            "a distance band of \(Self.meters(band)) leaves \(count) cells without neighbours; use at least \(Self.meters(suggested)) (every cell then has one neighbour) or --band auto"
        case let .bandCoversEverything(band, cells, span):
            "a distance band of \(Self.meters(band)) makes each of the \(cells) cells a neighbour of every other (the cells span \(Self.meters(span))): every Gi* z-score would be 0 and no cell hot or cold; use a band well below \(Self.meters(span)) or --band auto"
        case let .noDatesForTrend(undated, total):
            "a trend or evaluation needs incident dates, but \(undated) of \(total) incidents have none"
        case let .tooFewTimeSteps(found, minimum):
            "a trend needs at least \(minimum) years of data; found \(found)"
        case let .evaluationYearUnusable(year, reason):
            "cannot evaluate on year \(year): \(reason)"
        case let .invalidParameter(name, value, expected):
            "\(name) = \(value) is invalid; expected \(expected)"
        case let .mismatchedLengths(field, expected, found):
            "\(field) has \(found) entries; expected \(expected)"
        case let .indexOutOfRange(field, index, count):
            "\(field) index \(index) is outside 0..<\(count)"
        }
    }

    static func meters(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r)) m" : "\(r) m"
    }
}
