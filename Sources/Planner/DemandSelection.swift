import Foundation
import HotSpots

/// One demand surface `auto` may choose.
public struct DemandCandidate: Sendable, Hashable {
    /// `incidents` (the raw points) or `predictive`.
    public var kind: DemandKind
    /// The surface, for `predictive`.
    public var predictive: PredictiveDensity?

    public init(kind: DemandKind, predictive: PredictiveDensity? = nil) {
        self.kind = kind
        self.predictive = predictive
    }

    /// `incidents`, or `predictive h=100m`, with `half-life=365d` and `boost=1` when set.
    public var label: String {
        guard kind == .predictive, let p = predictive else { return kind.rawValue }
        var s = "predictive h=\(Int(p.bandwidthMeters))m"
        if let h = p.halfLifeDays { s += " half-life=\(Int(h))d" }
        if p.repeatBoost > 0 { s += " boost=\(p.repeatBoost)" }
        return s
    }

    /// The settings with this demand.
    func applied(to s: PlacementSettings) -> PlacementSettings {
        var r = s
        r.demand = kind
        if let p = predictive {
            r.demandBandwidthMeters = p.bandwidthMeters
            r.predictiveHalfLifeDays = p.halfLifeDays
            r.repeatBoost = p.repeatBoost
        }
        return r
    }
}

/// What `auto` measured and chose.
public struct DemandSelectionResult: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var candidate: DemandCandidate
        public var score: HeldOutScore
    }
    /// Every candidate with its held-out score on `scoreYear`, in candidate order.
    public var rows: [Row]
    /// The best (the first of equal scores: the simplest surface wins a tie).
    public var chosen: DemandCandidate
    public var fitYears: [Int]
    public var scoreYear: Int?
    /// Why no split was made (fewer than two training years), else `nil`.
    public var fallbackReason: String?
    /// Warnings on the choice: a tie (the first candidate listed is kept) or no candidate
    /// covering anything of the year scored (the choice is then arbitrary).
    public var notes: [String] = []
}

/// Chooses the demand of a placement by a time split inside its training years only: fit on
/// all training years but the last, score on the last (the held-out coverage of
/// ``HeldOutPlacement``), keep the candidate that covered most. Which training years are
/// given is the caller's business: with `evaluate_year Y` the caller passes the years before
/// `Y`, so `Y` is never read by the selection.
public enum DemandSelection {
    /// Raw incident points, then the road density at camera-scale bandwidths, without and
    /// with a one-year half-life and a repeat-place boost of 1 per neighbour within 50 m.
    public static func defaultCandidates() throws -> [DemandCandidate] {
        var c = [DemandCandidate(kind: .incidents)]
        for h in [25.0, 50, 100, 200, 400] {
            c.append(DemandCandidate(kind: .predictive, predictive: try PredictiveDensity(bandwidthMeters: h)))
        }
        for h in [50.0, 100] {
            c.append(DemandCandidate(kind: .predictive, predictive: try PredictiveDensity(bandwidthMeters: h, halfLifeDays: 365)))
            c.append(DemandCandidate(kind: .predictive, predictive: try PredictiveDensity(bandwidthMeters: h, repeatBoost: 1)))
        }
        return c
    }

    /// - Parameters:
    ///   - hot: hot-spot settings whose `years` (or the data's years) are the training years.
    ///   - fit: the placement procedure run with the given hot-spot and placement settings.
    /// - Returns: the scores and the choice; with fewer than two training years, `incidents`
    ///   and a `fallbackReason`.
    public static func select(_ data: StudyData, hot: HotSpotSettings, placement: PlacementSettings,
                              candidates: [DemandCandidate],
                              fit: (HotSpotSettings, PlacementSettings) throws -> PlacementOutcome) throws -> DemandSelectionResult {
        let years = HeldOutPlacement.studyYears(data, hot)
        guard years.count >= 2, let scoreYear = years.last else {
            return DemandSelectionResult(rows: [], chosen: DemandCandidate(kind: .incidents), fitYears: years, scoreYear: nil,
                                         fallbackReason: "demand auto needs two training years to split (found \(years.count)); used incidents")
        }
        var rows: [DemandSelectionResult.Row] = []
        for c in candidates {
            var ps = c.applied(to: placement)
            ps.screeningSolve = true
            let score: HeldOutScore
            do {
                score = try HeldOutPlacement.fitAndScore(data, hot: hot, year: scoreYear) { h in try fit(h, ps) }
            } catch PlannerError.heldOutFitFailed(let y, let fitYears, let cause) {
                throw PlannerError.invalidConfiguration("demand auto: candidate \(c.label), fit on \(HeldOutPlacement.yearsText(fitYears)) "
                    + "to score \(y) (the split inside the training years), failed: \(cause)")
            }
            rows.append(.init(candidate: c, score: score))
        }
        let (best, notes) = choose(rows)
        return DemandSelectionResult(rows: rows, chosen: rows[best].candidate, fitYears: Array(years.dropLast()),
                                     scoreYear: scoreYear, fallbackReason: nil, notes: notes)
    }

    /// The row with the highest held-out coverage, the first of equal ones (candidates are
    /// listed simplest first), with a warning when others tie with it or when every
    /// candidate scored 0.
    static func choose(_ rows: [DemandSelectionResult.Row]) -> (best: Int, notes: [String]) {
        guard !rows.isEmpty else { return (0, []) }
        var best = 0
        for (k, r) in rows.enumerated() where r.score.coverage > rows[best].score.coverage + 1e-12 { best = k }
        let top = rows[best].score
        if top.coveredWeight <= 0 {
            return (best, ["demand auto: no candidate covered any of \(top.year)'s weighted incidents when fit on "
                + "\(HeldOutPlacement.yearsText(top.yearsFit)); the choice of \(rows[best].candidate.label) (the first listed) says nothing"])
        }
        let tied = rows.indices.filter { $0 != best && abs(rows[$0].score.coverage - top.coverage) <= 1e-12 }
        guard !tied.isEmpty else { return (best, []) }
        return (best, [String(format: "demand auto: %d candidates tie at %.2f%% of %d (%@); the first listed, %@, is used",
                              tied.count + 1, top.coverage * 100, top.year,
                              ([best] + tied).map { rows[$0].candidate.label }.joined(separator: ", "), rows[best].candidate.label)])
    }

    /// `demand-selection.csv`: candidate, kind, bandwidth, half-life, boost, years fit, year
    /// scored, new cameras of the fit (equal under a count budget, not under a cost budget),
    /// covered and total weight, held-out coverage, chosen.
    public static func table(_ r: DemandSelectionResult) -> ReportTable {
        var t = ReportTable(fields: [
            .init("candidate", .string), .init("kind", .string), .init("bandwidth_m", .real), .init("half_life_days", .real),
            .init("repeat_boost", .real), .init("years_fit", .string), .init("year_scored", .integer), .init("new_cameras", .integer),
            .init("covered_weight", .real), .init("total_weight", .real), .init("heldout_coverage", .real), .init("chosen", .bool),
        ])
        for row in r.rows {
            let p = row.candidate.predictive
            t.rows.append([
                .string(row.candidate.label), .string(row.candidate.kind.rawValue),
                p.map { .real($0.bandwidthMeters) } ?? .null, p?.halfLifeDays.map { .real($0) } ?? .null,
                p.map { .real($0.repeatBoost) } ?? .null, .string(row.score.yearsFit.map(String.init).joined(separator: " ")),
                .integer(Int64(row.score.year)), .integer(Int64(row.score.newCameras.count)), .real(row.score.coveredWeight), .real(row.score.totalWeight),
                .real(row.score.coverage), .bool(row.candidate == r.chosen),
            ])
        }
        return t
    }
}
