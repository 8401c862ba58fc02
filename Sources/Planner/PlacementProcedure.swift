import Foundation
import GeoKit
import HotSpots

/// The whole placement procedure of a scenario, with its held-out check: resolve `auto`
/// demand on the training years, fit the written plan on all years, and, with an evaluation
/// year `Y`, fit the same procedure on the years before `Y` and score it on `Y` (plus the
/// rolling origins with three or more years). Hot spots and coverage matrices come from the
/// ``Pipeline``'s caches, so the fits of several scenarios share them.
public struct PlacementProcedure {
    public let pipeline: Pipeline
    public let sites: SiteSet
    public var label: String = ""
    /// Whether every fit computes hot spots (`run`: the hot-cell figures, KDE and Gi* demand),
    /// goes on without them when they cannot be computed (the reason kept in ``notes``), or
    /// skips them (`place` without wards and without hot-spot demand).
    public var hotSpotsMode: PipelineRequest.HotSpots = .required
    /// Memory the coverage builds may use (``MemoryBudget``).
    public var memoryBudget: MemoryBudget = .machineDefault
    /// Notes on hot spots skipped.
    public private(set) var notes: [String] = []

    public init(pipeline: Pipeline, sites: SiteSet) {
        self.pipeline = pipeline
        self.sites = sites
    }

    var data: StudyData { pipeline.data }

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

    /// Hot spots for `h`, or `nil` with a note when they are optional and fail.
    mutating func hotSpots(_ h: HotSpotSettings) throws -> HotSpotOutcome? {
        if hotSpotsMode == .skip { return nil }
        do {
            return try pipeline.hotSpots(h, label: label)
        } catch {
            if hotSpotsMode == .required { throw error }
            let note = "hot-cell figures skipped: \(error)"
            if !notes.contains(note) { notes.append(note) }
            return nil
        }
    }

    /// Fits the plan for `h` and `p` (`p.demand` must not be `auto`).
    public mutating func fit(_ h: HotSpotSettings, _ p: PlacementSettings) throws -> PlacementOutcome {
        let hot = try hotSpots(h)
        return try PlacementStage.run(data, sites: sites, hot: hot, incidents: h, settings: p, progress: pipeline.progress, label: label,
                                      cache: pipeline.coverageCache, memoryBudget: memoryBudget)
    }

    /// Fits a plan only to score it (held-out fits, `auto`'s candidates): hot spots only when
    /// the demand needs them. Their figures are not read, and the demand is the same with or
    /// without them (one weighting rule), so a training year too small for hot spots no
    /// longer stops `run` when the demand does not use them.
    mutating func fitToScore(_ h: HotSpotSettings, _ p: PlacementSettings) throws -> PlacementOutcome {
        let mode = hotSpotsMode
        defer { hotSpotsMode = mode }
        if !p.needsHotSpots { hotSpotsMode = .skip }
        return try fit(h, p)
    }

    /// Resolves `auto` on the training years of `h` (its `years` or all), else returns `p`.
    mutating func resolve(_ h: HotSpotSettings, _ p: PlacementSettings) throws -> (PlacementSettings, DemandSelectionResult?) {
        guard p.demand == .auto else { return (p, nil) }
        var fitHot = h
        fitHot.evaluationYear = nil
        // Predictive demand lives on the roads: without a road layer only the points remain.
        let candidates = data.roads.isEmpty ? [DemandCandidate(kind: .incidents)] : try DemandSelection.defaultCandidates()
        var sel = try DemandSelection.select(data, hot: fitHot, placement: p, candidates: candidates) { try self.fitToScore($0, $1) }
        if data.roads.isEmpty, sel.fallbackReason == nil {
            sel.fallbackReason = "demand auto without a road layer compares no predictive surface; used incidents"
        }
        return (sel.chosen.applied(to: p), sel)
    }

    /// The error for a demand without weight, with the likely cause for its kind.
    static func noDemand(_ h: HotSpotSettings, _ p: PlacementSettings) -> PlannerError {
        let cause = switch p.demand {
        case .predictive: "no road point lies within demand_bandwidth_m (\(p.demandBandwidthMeters.settingText) m) of an incident used"
        case .roads: "the road layer gives no sample point"
        default: "no incident used keeps a weight"
        }
        let filters = [h.years.map { "years " + $0.map(String.init).joined(separator: ", ") },
                       h.categoryList.map { "categories " + $0.joined(separator: ", ") }].compactMap { $0 }
        return .invalidConfiguration("demand \(p.demand.rawValue) carries no weight: \(cause)"
            + (filters.isEmpty ? "" : " (\(filters.joined(separator: "; ")))") + "; no camera could cover anything")
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
            warnings += selection?.notes ?? []
        }
        var heldOut: HeldOutEvaluation?
        if let y = evaluateYear {
            pipeline.progress?.stage(label + "held-out \(y)")
            let trainYears = years.filter { $0 < y }
            // Each origin runs the whole procedure on its own training years, `auto` included;
            // the origin Y reuses the choice made above on the same years.
            heldOut = try HeldOutPlacement.evaluate(data, hot: h, year: y) { fitHot in
                if fitHot.years == trainYears { return try self.fitToScore(fitHot, chosen) }
                let (q, sel) = try self.resolve(fitHot, p)
                let fitYears = fitHot.years ?? []
                if let sel, let scored = years.first(where: { $0 > (fitYears.last ?? Int.min) }) {
                    for why in [sel.fallbackReason].compactMap({ $0 }) + sel.notes {
                        warnings.append("held-out origin \(scored) (fit on \(HeldOutPlacement.yearsText(fitYears))): \(why)")
                    }
                }
                return try self.fitToScore(fitHot, q)
            }
        }
        warnings += heldOut?.warnings ?? []
        let hot = try hotSpots(h)
        var outcome = try fit(h, chosen)
        // A plan of nothing: every camera would cover 0 of 0, which reads as a result.
        guard outcome.totalWeight > 0 else { throw Self.noDemand(h, chosen) }
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
