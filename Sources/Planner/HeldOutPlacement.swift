import Coverage
import Foundation
import GeoKit
import HotSpots

/// How well a placement procedure sees a year it was not fit on.
public struct HeldOutScore: Sendable, Equatable {
    /// The year scored.
    public var year: Int
    /// The years the plan was fit on (all before `year`).
    public var yearsFit: [Int]
    /// Severity-weighted incidents of `year` inside the plan's footprints (a PTZ preset
    /// counts with its dwell share).
    public var coveredWeight: Double
    /// Severity-weighted incidents of `year`.
    public var totalWeight: Double
    /// Held-out share after the installed cameras and the first `k` new ones, `k = 0...n`, in
    /// the order the optimizer ranked them.
    public var curve: [Double]
    /// The new cameras of the plan fit on `yearsFit` (`site/type/heading`, in ranking order).
    public var newCameras: [String]
    /// Per group (ward field `group_by`): the year's weighted incidents and the part covered.
    public var groups: [String: (total: Double, covered: Double)] = [:]
    /// Incidents of `year` scored.
    public var incidentCount = 0

    public static func == (a: HeldOutScore, b: HeldOutScore) -> Bool {
        a.year == b.year && a.yearsFit == b.yearsFit && a.coveredWeight == b.coveredWeight && a.totalWeight == b.totalWeight
            && a.curve == b.curve && a.newCameras == b.newCameras && a.incidentCount == b.incidentCount && a.groups.mapValues { [$0.total, $0.covered] } == b.groups.mapValues { [$0.total, $0.covered] }
    }

    /// `coveredWeight / totalWeight` (0 without incidents).
    public var coverage: Double { totalWeight > 0 ? coveredWeight / totalWeight : 0 }
}

/// The held-out figures of one scenario: the score on the evaluation year and, with three or
/// more years, the rolling-origin scores (fit on the years before each later year).
public struct HeldOutEvaluation: Sendable, Equatable {
    public var score: HeldOutScore
    /// One score per origin, earliest first; empty with fewer than three years.
    public var rolling: [HeldOutScore]

    /// Mean held-out coverage over the rolling origins (`nil` without them).
    public var rollingMean: Double? {
        rolling.isEmpty ? nil : rolling.map(\.coverage).reduce(0, +) / Double(rolling.count)
    }

    /// Fewer incidents than this in a year scored make its share a warning: with `n`
    /// incidents one incident moves it by about `1/n` (30: the smallest sample the hot-spot
    /// analysis accepts).
    public static let minimumIncidents = 30

    /// A warning for each year scored (the evaluation year, then the rolling origins) with
    /// fewer than ``minimumIncidents`` incidents.
    public var warnings: [String] {
        var years: [HeldOutScore] = [score]
        for r in rolling where r.year != score.year { years.append(r) }
        return years.filter { $0.incidentCount < Self.minimumIncidents }.map { s in
            String(format: "held-out %d is scored on only %d incident%@ (fewer than %d): one incident moves its share by about %.0f points",
                   s.year, s.incidentCount, s.incidentCount == 1 ? "" : "s", Self.minimumIncidents, 100 / Double(max(s.incidentCount, 1)))
        }
    }
}

/// Held-out evaluation of placement: the same procedure (demand, candidates, camera mix,
/// budget, solver) fit on the years before `Y` only and scored on year `Y`'s incidents, each
/// weighted as the demand is (severity weights 1/2/4/8 times the weight column), counting an
/// incident by the credit of the best camera that sees it (``FootprintUnion``; installed
/// cameras included). The plan written out is fit on all years; this figure estimates how
/// well that procedure sees the following year (DOMAIN.md, "Judging a plan on crime it has
/// not seen").
public enum HeldOutPlacement {
    /// The years of the study (or `hot.years` when set), sorted.
    static func studyYears(_ data: StudyData, _ hot: HotSpotSettings) -> [Int] {
        let all = Set(data.incidents.dates.compactMap { $0?.year })
        return (hot.years.map { Set($0).intersection(all) } ?? all).sorted()
    }

    /// Points and weights of the incidents dated in `year`, weighted as the demand weighs them
    /// (``HotSpotSettings/incidentWeighting(referenceDayNumber:)``: severity × weight column,
    /// `categories` filter) but without the recency decay and `hot_priority`: every incident of
    /// the year scored counts in full. Incidents the category filter drops are left out.
    public static func incidents(of year: Int, in data: StudyData, settings: HotSpotSettings) throws
        -> (points: PlanarPointSet, weights: [Double], groups: [String?]) {
        var plain = settings
        plain.halfLifeDays = nil
        let weighting = try plain.incidentWeighting(referenceDayNumber: nil)
        let inc = data.incidents
        let wards = data.boundaries.wards
        var pts = PlanarPointSet(), w: [Double] = [], g: [String?] = []
        for i in 0 ..< inc.count where inc.dates[i]?.year == year && weighting.keeps(category: inc.categories[i]) {
            pts.append(inc.points[i])
            w.append(weighting.weight(severity: data.severityClasses[i], base: inc.weights[i], category: inc.categories[i], dayNumber: nil))
            let ward = inc.wardIndices[i]
            g.append(ward >= 0 && ward < wards.count ? wards[ward].group : nil)
        }
        return (pts, w, g)
    }

    /// Scores a fitted plan on `points`: the covered weight and the held-out curve.
    public static func score(_ plan: PlacementOutcome, points: PlanarPointSet, weights: [Double], groups: [String?] = [],
                             year: Int, yearsFit: [Int]) -> HeldOutScore {
        let total = weights.reduce(0, +)
        let cumulative = plan.watched.cumulativeCoveredWeight(of: points, weights: weights)
        let existing = plan.cameras.filter(\.existing).count
        let newCount = plan.cameras.count - existing
        let curve = (0 ... newCount).map { k -> Double in
            let m = existing + k
            let covered = m == 0 ? 0 : cumulative[m - 1]
            return total > 0 ? covered / total : 0
        }
        let cams = plan.cameras.filter { !$0.existing }.map { c in
            "\(c.siteID)/\(c.typeID)/\(c.headingDegrees.map { String(format: "%.1f", $0) } ?? "-")"
        }
        var byGroup: [String: (total: Double, covered: Double)] = [:]
        if !groups.isEmpty {
            let credit = plan.watched.credits(of: points)
            for i in 0 ..< points.count {
                guard let g = groups[i] else { continue }
                byGroup[g, default: (0, 0)].total += weights[i]
                byGroup[g, default: (0, 0)].covered += weights[i] * credit[i]
            }
        }
        return HeldOutScore(year: year, yearsFit: yearsFit, coveredWeight: cumulative.last ?? 0, totalWeight: total,
                            curve: curve, newCameras: cams, groups: byGroup, incidentCount: points.count)
    }

    /// Years as the console writes them: runs of consecutive years as `2021-2022`, gaps with a
    /// comma (`2019, 2021`: a range would claim 2020). The pages join runs with `dash` `–`.
    static func yearsText(_ years: [Int], dash: String = "-") -> String {
        var parts: [String] = []
        var k = 0
        while k < years.count {
            var end = k
            while end + 1 < years.count, years[end + 1] == years[end] + 1 { end += 1 }
            parts.append(end == k ? String(years[k]) : "\(years[k])\(dash)\(years[end])")
            k = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// Console lines: the held-out figure side by side with the in-sample one, the rolling
    /// origins, and what `auto` chose with every candidate's score.
    public static func console(heldOut: HeldOutEvaluation?, selection: DemandSelectionResult?, inSample: Double) -> String {
        var s = ""
        if let h = heldOut {
            s += String(format: "held-out %d: %.2f%% of its weighted incidents (fit on %@); in-sample %.2f%%\n", h.score.year,
                        h.score.coverage * 100, yearsText(h.score.yearsFit), inSample * 100)
            if let mean = h.rollingMean {
                s += String(format: "rolling origin: %@; mean %.2f%%\n",
                            h.rolling.map { String(format: "%d %.2f%%", $0.year, $0.coverage * 100) }.joined(separator: ", "), mean * 100)
            }
        }
        if let sel = selection, let y = sel.scoreYear {
            s += "demand auto: \(sel.chosen.label) (fit \(yearsText(sel.fitYears)), scored on \(y)): "
            s += sel.rows.map { String(format: "%@ %.2f%%", $0.candidate.label, $0.score.coverage * 100) }.joined(separator: "; ") + "\n"
        }
        return s
    }

    /// `heldout-curve.csv`: `cameras` (new), `heldout_share` on the evaluation year, and, with
    /// rolling origins, one `heldout_share_<year>` column per origin year.
    public static func curveTable(_ h: HeldOutEvaluation) -> ReportTable {
        let others = h.rolling.filter { $0.year != h.score.year }
        var t = ReportTable(fields: [.init("cameras", .integer), .init("heldout_share", .real)]
            + others.map { .init("heldout_share_\($0.year)", .real) })
        for k in h.score.curve.indices {
            t.rows.append([.integer(Int64(k)), .real(h.score.curve[k])] + others.map { k < $0.curve.count ? .real($0.curve[k]) : .null })
        }
        return t
    }

    /// Fits the procedure on the years before `year` and scores it on `year`.
    /// - Parameter fit: the whole placement procedure (hot spots, demand, coverage, solve) run
    ///   with the given hot-spot settings, whose `years` are the years before `year`.
    /// - Throws: ``PlannerError/invalidConfiguration(_:)`` when no year before `year` or no
    ///   incident in `year` is in the data; ``PlannerError/heldOutFitFailed(year:yearsFit:cause:)``
    ///   wrapping an error of the stages.
    public static func fitAndScore(_ data: StudyData, hot: HotSpotSettings, year: Int,
                                   fit: (HotSpotSettings) throws -> PlacementOutcome) throws -> HeldOutScore {
        let years = studyYears(data, hot)
        let before = years.filter { $0 < year }
        guard !before.isEmpty else {
            throw PlannerError.invalidConfiguration("evaluate_year \(year): no incident year before it to fit on (years: \(years.map(String.init).joined(separator: ", ")))")
        }
        let target = try incidents(of: year, in: data, settings: hot)
        guard target.points.count > 0 else {
            let filter = hot.categoryList.map { " in the categories " + $0.joined(separator: ", ") } ?? ""
            throw PlannerError.invalidConfiguration("evaluate_year \(year): no incident dated in that year\(filter)")
        }
        var h = hot
        h.years = before
        h.evaluationYear = nil
        let plan: PlacementOutcome
        do {
            plan = try fit(h)
        } catch {
            throw PlannerError.heldOutFitFailed(year: year, yearsFit: before, cause: PlannerError.Cause(error))
        }
        return score(plan, points: target.points, weights: target.weights, groups: target.groups, year: year, yearsFit: before)
    }

    /// The evaluation year's score and, with three or more years up to it, the rolling-origin
    /// scores for every year from the second onward up to `year`.
    public static func evaluate(_ data: StudyData, hot: HotSpotSettings, year: Int,
                                fit: (HotSpotSettings) throws -> PlacementOutcome) throws -> HeldOutEvaluation {
        let main = try fitAndScore(data, hot: hot, year: year, fit: fit)
        let upTo = studyYears(data, hot).filter { $0 <= year }
        guard upTo.count >= 3 else { return HeldOutEvaluation(score: main, rolling: []) }
        var rolling: [HeldOutScore] = []
        for y in upTo.dropFirst() {
            rolling.append(y == year ? main : try fitAndScore(data, hot: hot, year: y, fit: fit))
        }
        return HeldOutEvaluation(score: main, rolling: rolling)
    }
}
