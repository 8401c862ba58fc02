import Coverage
import Foundation
import GeoKit
import HotSpots
import Traffic

/// The one pipeline every verb runs: study data (loaded once) → hot spots → demand →
/// coverage → allocation and solve → ranking; the outputs are then written from the
/// ``PlanProducts`` by ``OutputRegistry``. Work that scenarios share (hot spots per distinct
/// setting, candidate sites per spacing, coverage matrices) is computed once per pipeline.
public final class Pipeline {
    public let data: StudyData
    let progress: ProgressReporter?
    private var hotCache: [HotSpotSettings: HotSpotOutcome] = [:]
    private var siteCache: [Double: SiteSet] = [:]
    private var accidents: AccidentTable?
    private var roads: RoadNetwork?
    /// Coverage matrices shared between scenarios.
    public let coverageCache = CoverageCache()

    public init(data: StudyData, progress: ProgressReporter? = nil) {
        self.data = data
        self.progress = progress
    }

    /// Loads the study data and makes a pipeline over it.
    public convenience init(loading inputs: StudyInputs, progress: ProgressReporter? = nil) throws {
        self.init(data: try StudyData.load(inputs, progress: progress), progress: progress)
    }

    /// Runs the stages `request` asks for with `scenario`'s settings.
    /// - Parameter inRun: `true` inside `camplan run`: progress lines carry the scenario name
    ///   and a failure is a ``PlannerError/runFailed(scenario:step:cause:)`` naming the step.
    public func run(_ scenario: Scenario, criteria: ModelWardCriteria = .init(), request: PipelineRequest,
                    inRun: Bool = false) throws -> PlanProducts {
        var p = PlanProducts(name: scenario.name, description: scenario.description, settings: scenario.settings, criteria: criteria)
        let label = inRun ? scenario.name + ": " : ""
        func step<T>(_ name: String, _ body: () throws -> T) throws -> T {
            guard inRun else { return try body() }
            do {
                return try body()
            } catch {
                throw PlannerError.runFailed(scenario: scenario.name, step: name, cause: PlannerError.Cause(error))
            }
        }
        // Hot spots.
        if request.hotSpots != .skip {
            do {
                p.hot = try step("hot spots") {
                    try hotSpots(scenario.settings.hotSpots, label: label, memoryBudget: scenario.settings.limits.memoryBudget)
                }
            } catch {
                guard request.hotSpots == .ifPossible else { throw error }
                p.notes.append("hot-cell figures skipped: \(error)")
            }
        }
        // Demand, coverage, allocation, solve.
        switch request.placement {
        case .skip:
            break
        case .plan where scenario.settings.plansTraffic:
            let traffic = try step("traffic cameras") {
                let s = scenario.settings.placement
                let sites = try candidateSites(spacingMeters: s.siteSpacingMeters, label: label)
                progress?.stage(label + "black spots, gateways and traffic cameras")
                return try TrafficStage.run(data, inputs: TrafficInputs(roads: roadNetwork(), accidents: accidentTable()), sites: sites,
                                            settings: scenario.settings.trafficPlan, cameraTypes: s.cameraTypes, dori: s.dori,
                                            memoryBudget: scenario.settings.limits.memoryBudget)
            }
            p.traffic = traffic
            p.placement = traffic.placement
            // The held-out evaluation judges crime placements; say so rather than leave the
            // setting unused without a word.
            if request.heldOut, let y = scenario.settings.hotSpots.evaluationYear {
                p.placement?.warnings.append("evaluate_year \(y) gives no held-out figure for a traffic plan (accident demand): its coverage is in-sample only")
            }
        case .plan:
            let r = try step("placement") {
                let s = scenario.settings.placement
                let budget = scenario.settings.limits.memoryBudget
                var procedure = PlacementProcedure(pipeline: self, sites: try candidateSites(spacingMeters: s.siteSpacingMeters, label: label,
                                                                                            memoryBudget: budget))
                procedure.label = label
                procedure.hotSpotsMode = request.hotSpots
                procedure.memoryBudget = budget
                return try procedure.run(hot: scenario.settings.hotSpots, placement: s,
                                         evaluateYear: request.heldOut ? scenario.settings.hotSpots.evaluationYear : nil)
            }
            p.placement = r.outcome
            p.placement?.warnings += r.warnings
            p.heldOut = r.heldOut
            p.demandSelection = r.selection
        case .installedOnly:
            guard !data.installed.isEmpty else { break }
            progress?.stage(label + "coverage of the installed cameras")
            p.placement = try step("placement") {
                var s = scenario.settings.placement
                s.budgetCameras = 0
                s.budgetCost = nil
                let sites = SiteSet(sites: data.installed.map { .init(id: $0.id, location: $0.location, source: .existing) },
                                    wardOfSite: data.installed.map { _ in nil })
                return try PlacementStage.run(data, sites: sites, hot: p.hot, incidents: scenario.settings.hotSpots, settings: s, progress: progress,
                                              memoryBudget: scenario.settings.limits.memoryBudget)
            }
        }
        // Accidents inside the plan's footprints, for every plan when there is an accident file.
        if let placement = p.placement, data.inputs.accidents != nil {
            p.accidents = try step("accident coverage") {
                try TrafficStage.accidentFigures(data, placement: placement, traffic: p.traffic, accidents: accidentTable(),
                                                 weights: scenario.settings.traffic.plan.accidentWeights)
            }
        }
        // Ward figures and ranking.
        if let hot = p.hot {
            p.records = HotSpotStage.wardRecords(data, hot)
            if let placement = p.placement {
                for i in p.records.indices { p.records[i].coveredShare = placement.wardCoveredShare[i] ?? 0 }
            }
            if request.ranking {
                p.ranks = ModelWardRanking.rank(p.records, year: hot.currentYear ?? 0, criteria: criteria)
            }
        }
        p.warnings = data.warnings + (p.hot?.result.summary.warnings ?? [])
            + (p.ranks == nil ? [] : ModelWardRanking.emptyListWarnings(p.records, criteria: criteria) + ComplexAreas.warnings(p.records, criteria: criteria))
        return p
    }

    /// The hot-spot outcome for `settings`, computed once per distinct setting.
    public func hotSpots(_ settings: HotSpotSettings, label: String = "", memoryBudget: MemoryBudget = .machineDefault) throws -> HotSpotOutcome {
        if let h = hotCache[settings] { return h }
        progress?.stage(label + "hot spots")
        let h = try HotSpotStage.run(data, settings, memoryBudget: memoryBudget)
        hotCache[settings] = h
        return h
    }

    /// The accident file with its classes, read once.
    public func accidentTable() throws -> AccidentTable {
        if let a = accidents { return a }
        let a = try TrafficInputs.loadAccidents(data)
        accidents = a
        return a
    }

    /// The road layer with names and classes, read once.
    public func roadNetwork() throws -> RoadNetwork {
        if let r = roads { return r }
        let r = try TrafficInputs.loadRoads(data)
        roads = r
        return r
    }

    /// Candidate sites for a spacing, made once per spacing.
    public func candidateSites(spacingMeters: Double, label: String = "", memoryBudget: MemoryBudget = .machineDefault) throws -> SiteSet {
        if let s = siteCache[spacingMeters] { return s }
        progress?.stage(label + "candidate sites")
        let s = try SiteSet.make(data, spacingMeters: spacingMeters, memoryBudget: memoryBudget)
        siteCache[spacingMeters] = s
        return s
    }
}
