import ArgumentParser
import Coverage
import Foundation
import GeoKit
import Planner

/// `camplan place`: cameras for a budget, with a certified optimality gap.
public struct PlaceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Propose camera placements (type, site, heading) for a budget, keeping the installed cameras.",
        discussion: """
        Maximises the weighted demand inside camera footprints (range disc ∩ field of view ∩ what \
        buildings leave visible): MCLP by lazy greedy and swap search, with an upper bound \
        (online and Lagrangian) and the certified gap reported on every run. With --target, the \
        fewest cameras that reach that share (LSCP). Works with --incidents and --candidates \
        alone; --wards adds ward and group figures. Writes OUT/cameras.geojson, coverage.geojson, \
        curve.csv, groups.csv, summary.json (--formats for others).
        """
    )

    @OptionGroup public var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Candidate sites: a point layer.", valueName: "file"))
    public var candidates: String?
    @Option(name: .long, help: ArgumentHelp("Site id field of --candidates.", valueName: "field"))
    public var candidateId: String = "id"
    @Option(name: .long, help: ArgumentHelp("Roads: candidate sites at junctions and every --site-spacing metres.", valueName: "file"))
    public var roads: String?
    @Option(name: .long, help: ArgumentHelp("Installed cameras (points with camera_type, heading_deg): kept and counted.", valueName: "file"))
    public var existing: String?
    @Option(name: .long, help: ArgumentHelp("Building footprints that block the view.", valueName: "file"))
    public var obstacles: String?
    @Option(name: .long, help: ArgumentHelp("Polygons where no new camera may stand.", valueName: "file"))
    public var exclude: String?
    @Option(name: .long, help: ArgumentHelp("Camera catalog JSON (default: the built-in catalog).", valueName: "file"))
    public var catalog: String?
    @Option(name: .long, help: ArgumentHelp("Ward attribute with residents.", valueName: "field"))
    public var populationField: String?
    @Option(name: .long, help: ArgumentHelp("Traffic accidents (a table like --incidents; severity as the Vietnamese accident classes "
                                            + "or minor/serious/fatal, optional deaths and injuries columns): demand for --demand accidents.",
                                            valueName: "file"))
    public var accidents: String?

    @OptionGroup(title: "Placement") var placement: PlacementOptions
    @OptionGroup(title: "Traffic (--demand accidents, --gateway-group)") var traffic: TrafficOptions
    @OptionGroup(title: "Hot spots") var hot: HotSpotOptions
    @OptionGroup(title: "Outputs") var outputs: OutputOptions
    @OptionGroup(title: "Limits") var limits: LimitOptions
    @OptionGroup public var feedback: FeedbackOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/place"

    public init() {}

    public mutating func validate() throws {
        guard input.incidents != nil else { throw ValidationError("place needs --incidents") }
        try checkOutFolder(out)
        if input.wards == nil, candidates == nil {
            throw ValidationError("place needs --candidates when no --wards are given (the study area is then the box around the sites)")
        }
        let s = try placement.settings()
        if input.wards == nil, s.demand == .kde || s.demand == .gistar {
            throw ValidationError("--demand \(s.demand.rawValue) needs --wards (hot-spot cells cover the wards)")
        }
        if s.demand == .roads || s.demand == .predictive, roads == nil {
            throw ValidationError("--demand \(s.demand.rawValue) needs --roads")
        }
        let plan = try planSettings()
        do { try plan.validate() } catch { throw ValidationError(error.message) }
        if plan.plansTraffic {
            guard roads != nil, accidents != nil, input.wards != nil else {
                throw ValidationError("--demand accidents and --gateway-group need --accidents, --roads and --wards")
            }
        }
    }

    /// The settings of this verb, read from the options.
    func planSettings() throws -> PlanSettings {
        var s = PlanSettings()
        s.placement = try placement.settings()
        s.hotSpots = try hot.settings()
        s.outputs = try outputs.settings()
        s.traffic = try traffic.settings()
        s.limits = try limits.settings()
        return s
    }

    /// Hot spots are needed for KDE/Gi* demand, hot priority and backup; otherwise only for
    /// the hot-cell figures, and skipped (with a note) when the data are too few.
    static func request(_ s: PlacementSettings, hasWards: Bool) -> PipelineRequest {
        PipelineRequest(hotSpots: s.needsHotSpots ? .required : (hasWards ? .ifPossible : .skip), placement: .plan)
    }

    public func run() throws {
        try reportingDataErrors {
            let progress = feedback.reporter()
            var inputs = try input.studyInputs(wards: input.wards)
            inputs.candidates = candidates
            inputs.candidateIDField = candidateId
            inputs.roads = roads
            inputs.existing = existing
            inputs.obstacles = obstacles
            inputs.exclusions = exclude
            inputs.catalog = catalog
            inputs.populationField = populationField
            inputs.accidents = accidents
            let settings = try planSettings()
            let pipeline = try Pipeline(loading: inputs, progress: progress)
            let products = try pipeline.run(Scenario(name: Verb.place.rawValue, settings: settings),
                                            request: PlaceCommand.request(settings.placement, hasWards: input.wards != nil))
            for note in products.notes + OutputRegistry.unavailableNotes(products) {
                FileHandle.standardError.write(Data("camplan: note: \(note)\n".utf8))
            }
            progress.stage("writing")
            let staging = try OutputStaging(destination: out, inputs: pipeline.data.inputs.files)
            let files = try OutputRegistry.writeVerb(products, data: pipeline.data, verb: .place, staging: staging, includeRuntime: true)
            try staging.commit()
            progress.finish()
            let data = pipeline.data
            print(PlacementOutputs.console(products, costUnit: data.catalog.costUnit), terminator: "")
            if let traffic = products.traffic, let accidents = products.accidents {
                print(TrafficOutputs.console(traffic, accidents: accidents), terminator: "")
            }
            printWarnings(products.warnings)
            if !data.incidents.rejections.isEmpty {
                print("\(data.incidents.rejections.count) incident rows rejected (e.g. outside the study area); see \(out)/rejects.csv")
            }
            printWritten(files, out: out)
        }
    }
}

/// `wrote OUT/a, b, c` (rejected rows have their own line).
/// One `warning:` line per warning (they are also in `summary.json`).
func printWarnings(_ warnings: [String]) {
    for w in warnings { print("warning: \(w)") }
}

func printWritten(_ files: [String], out: String) {
    let shown = files.filter { $0 != "rejects.csv" }
    guard !shown.isEmpty else { return }
    print("wrote \(out)/\(shown.joined(separator: ", "))")
}
