import Foundation
import HotSpots

/// The whole placement procedure of a scenario, with its held-out check: resolve `auto`
/// demand on the training years, fit the written plan on all years, and, with an evaluation
/// year `Y`, fit the same procedure on the years before `Y` and score it on `Y` (plus the
/// rolling origins with three or more years).
public struct PlacementProcedure {
    public let data: StudyData
    public let sites: SiteSet
    public let coverageCache: CoverageCache
    /// Hot-spot outcomes by settings (the held-out fits need their own years).
    public private(set) var hotOutcomes: [HotSpotSettings: HotSpotOutcome]
    public var progress: ProgressReporter?
    public var label: String = ""
    /// Hot spots are computed for every fit (`run`: the hot-cell figures, KDE and Gi* demand).
    /// When false (`place` without wards and without hot-spot demand), a fit whose hot spots
    /// cannot be computed goes on without them and the reason is kept in ``notes``.
    public var hotSpotsRequired = true
    /// Notes on hot spots skipped.
    public private(set) var notes: [String] = []

    /// - Parameter hotOutcomes: hot spots already computed, by settings.
    public init(data: StudyData, sites: SiteSet, coverageCache: CoverageCache = CoverageCache(),
                hotOutcomes: [HotSpotSettings: HotSpotOutcome] = [:], progress: ProgressReporter? = nil) {
        self.data = data
        self.hotOutcomes = hotOutcomes
        self.sites = sites
        self.coverageCache = coverageCache
        self.progress = progress
    }

    /// What the procedure produced.
    public struct Result: Sendable {
        /// The hot spots and plan fit on all years given (what is written out); `nil` when
        /// they were optional and could not be computed.
        public var hot: HotSpotOutcome?
        public var outcome: PlacementOutcome
        /// The demand `auto` chose, with its scores (`nil` unless the demand was `auto`).
        public var selection: DemandSelectionResult?
        /// The held-out figures (`nil` without an evaluation year).
        public var heldOut: HeldOutEvaluation?
        /// Warnings for the console and summary.json.
        public var warnings: [String]
    }

    /// Hot spots for `h`, computed once per settings.
    public mutating func hotSpots(_ h: HotSpotSettings) throws -> HotSpotOutcome {
        if let o = hotOutcomes[h] { return o }
        progress?.stage(label + "hot spots")
        let o = try HotSpotStage.run(data, h)
        hotOutcomes[h] = o
        return o
    }

    /// Hot spots for `h`, or `nil` with a note when they are optional and fail.
    mutating func optionalHotSpots(_ h: HotSpotSettings) throws -> HotSpotOutcome? {
        do {
            return try hotSpots(h)
        } catch {
            if hotSpotsRequired { throw error }
            let note = "hot-cell figures skipped: \(error)"
            if !notes.contains(note) { notes.append(note) }
            return nil
        }
    }

    /// Fits the plan for `h` and `p` (`p.demand` must not be `auto`).
    public mutating func fit(_ h: HotSpotSettings, _ p: PlacementSettings) throws -> PlacementOutcome {
        let hot = try optionalHotSpots(h)
        var q = p
        q.years = h.years
        return try PlacementStage.run(data, sites: sites, hot: hot, settings: q, progress: progress, label: label, cache: coverageCache)
    }

    /// Resolves `auto` on the training years of `h` (its `years` or all), else returns `p`.
    mutating func resolve(_ h: HotSpotSettings, _ p: PlacementSettings) throws -> (PlacementSettings, DemandSelectionResult?) {
        guard p.demand == .auto else { return (p, nil) }
        var fitHot = h
        fitHot.evaluationYear = nil
        let sel = try DemandSelection.select(data, hot: fitHot, placement: p, candidates: try DemandSelection.defaultCandidates()) {
            try self.fit($0, $1)
        }
        return (sel.chosen.applied(to: p), sel)
    }

    /// Runs the procedure. With `evaluateYear` Y and `auto` demand, the selection uses the
    /// years before Y only, and the written plan uses the same choice: Y never shapes it.
    public mutating func run(hot h: HotSpotSettings, placement p: PlacementSettings, evaluateYear: Int?) throws -> Result {
        var warnings: [String] = []
        let years = HeldOutPlacement.studyYears(data, h)
        var selection: DemandSelectionResult?
        var chosen = p
        if p.demand == .auto {
            var train = h
            if let y = evaluateYear { train.years = years.filter { $0 < y } }
            (chosen, selection) = try resolve(train, p)
            if let why = selection?.fallbackReason { warnings.append(why) }
        }
        var heldOut: HeldOutEvaluation?
        if let y = evaluateYear {
            progress?.stage(label + "held-out \(y)")
            let trainYears = years.filter { $0 < y }
            // Each origin runs the whole procedure on its own training years, `auto` included;
            // the origin Y reuses the choice made above on the same years.
            heldOut = try HeldOutPlacement.evaluate(data, hot: h, year: y) { fitHot in
                if fitHot.years == trainYears { return try self.fit(fitHot, chosen) }
                let (q, sel) = try self.resolve(fitHot, p)
                if let why = sel?.fallbackReason {
                    warnings.append("held-out origin \(fitHot.years.map { $0.map(String.init).joined(separator: "-") } ?? ""): \(why)")
                }
                return try self.fit(fitHot, q)
            }
        }
        let hot = try optionalHotSpots(h)
        var outcome = try fit(h, chosen)
        if let s = heldOut?.score {
            for g in outcome.groups.indices {
                let f = s.groups[outcome.groups[g].group]
                outcome.groups[g].heldoutTotalWeight = f?.total ?? 0
                outcome.groups[g].heldoutCoveredWeight = f?.covered ?? 0
            }
        }
        return Result(hot: hot, outcome: outcome, selection: selection, heldOut: heldOut, warnings: warnings)
    }
}
