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
        curve.csv, groups.csv, summary.json.
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

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Catalog camera types that may be placed.", valueName: "id"))
    public var cameraTypes: [String] = PlanRun.defaultCameraMix
    @Option(name: .long, help: "DORI level the ranges are computed for (EN 62676-4; identify-2025 = 500 px/m).")
    public var dori: DORILevel = .observe
    @Option(name: .long, help: ArgumentHelp("Ad hoc camera instead of catalog types: range in metres (with --fov).", valueName: "m"))
    public var radius: Double?
    @Option(name: .long, help: ArgumentHelp("Ad hoc camera field of view in degrees (360 = all round).", valueName: "deg"))
    public var fov: Double?
    @Option(name: .long, help: ArgumentHelp("Ad hoc camera cost.", valueName: "cost"))
    public var cameraCost: Double = 1
    @Option(name: .long, help: "Headings a fixed camera may take (evenly spaced from north).")
    public var headings: Int = 8
    @Option(name: .long, help: "At most this many cameras per site.")
    public var perSite: Int = 1

    @Option(name: .long, help: "New cameras to place.")
    public var budget: Int = 100
    @Option(name: .long, help: ArgumentHelp("Money for new cameras, in the catalog's cost unit (instead of --budget).", valueName: "cost"))
    public var budgetCost: Double?
    @Flag(name: .long, help: "The budget includes the installed cameras (default: new cameras on top of them).")
    public var budgetIncludesExisting = false
    @Option(name: .long, help: ArgumentHelp("LSCP: fewest cameras to cover this share of weighted demand (0-1).", valueName: "share"))
    public var target: Double?

    @Option(name: .long, help: "Demand: incidents by severity, hot-spot cells by KDE or Gi* spread over their roads, or the roads evenly.")
    public var demand: DemandKind = .incidents
    @Option(name: .long, help: ArgumentHelp("Weight multiplier for demand in 95% hot cells.", valueName: "x"))
    public var hotPriority: Double = 1
    @Option(name: .long, help: ArgumentHelp("Backup coverage credit (0-1) for 95% hot-cell demand seen twice.", valueName: "beta"))
    public var backup: Double?
    @Option(name: .long, help: ArgumentHelp("Candidate spacing along roads (or grid spacing without roads).", valueName: "m"))
    public var siteSpacing: Double = 150
    @Option(name: .long, help: ArgumentHelp("Stop the search after this long and report the best with its gap.", valueName: "s"))
    public var timeLimit: Double = 60

    @OptionGroup public var hot: HotSpotOptions
    @OptionGroup public var feedback: FeedbackOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/place"

    public init() {}

    public mutating func validate() throws {
        guard input.incidents != nil else { throw ValidationError("place needs --incidents") }
        if input.wards == nil, candidates == nil {
            throw ValidationError("place needs --candidates when no --wards are given (the study area is then the box around the sites)")
        }
        guard budget >= 0 else { throw ValidationError("--budget must be 0 or more, got \(budget)") }
        if let c = budgetCost, !(c > 0 && c.isFinite) { throw ValidationError("--budget-cost must be positive, got \(c)") }
        if (radius == nil) != (fov == nil) { throw ValidationError("--radius and --fov go together") }
        if let r = radius, !(r > 0 && r.isFinite) { throw ValidationError("--radius must be a positive distance in metres, got \(r)") }
        if let f = fov, !(f > 0 && f <= 360) { throw ValidationError("--fov must be in (0, 360] degrees, got \(f)") }
        guard cameraCost >= 0, cameraCost.isFinite else { throw ValidationError("--camera-cost must not be negative, got \(cameraCost)") }
        guard headings >= 1 else { throw ValidationError("--headings must be at least 1") }
        guard perSite >= 1 else { throw ValidationError("--per-site must be at least 1") }
        if let t = target, !(t > 0 && t <= 1) { throw ValidationError("--target must be a share in (0, 1], got \(t)") }
        if let b = backup, !(b >= 0 && b <= 1) { throw ValidationError("--backup must be in 0...1, got \(b)") }
        guard hotPriority > 0, hotPriority.isFinite else { throw ValidationError("--hot-priority must be positive") }
        guard siteSpacing > 0, siteSpacing.isFinite else { throw ValidationError("--site-spacing must be positive") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if input.wards == nil, demand == .kde || demand == .gistar {
            throw ValidationError("--demand \(demand.rawValue) needs --wards (hot-spot cells cover the wards)")
        }
        if demand == .roads, roads == nil {
            throw ValidationError("--demand roads needs --roads")
        }
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
            let data = try StudyData.load(inputs, progress: progress)
            var s = PlacementSettings()
            s.budget = budgetCost.map { .cost($0) } ?? .count(budget)
            s.budgetIncludesExisting = budgetIncludesExisting
            s.cameraTypes = cameraTypes
            s.dori = dori
            if let radius, let fov {
                s.adHocCamera = try CameraSpec(radiusMeters: radius, fovDegrees: fov, costMillionVND: cameraCost)
            }
            s.headings = headings
            s.perSite = perSite
            s.demand = demand
            s.hotPriority = hotPriority
            s.backupBeta = backup
            s.siteSpacingMeters = siteSpacing
            s.timeLimitSeconds = timeLimit
            s.targetShare = target
            // Hot spots: needed for KDE/Gi* demand, hot priority and backup; otherwise only
            // for the hot-cell figures, and skipped (with a note) when the data are too few.
            var hotOutcome: HotSpotOutcome?
            let needsHot = demand == .kde || demand == .gistar || hotPriority != 1 || backup != nil
            if input.wards != nil || needsHot {
                progress.stage("hot spots")
                do {
                    hotOutcome = try HotSpotStage.run(data, hot.settings())
                } catch {
                    if needsHot { throw error }
                    FileHandle.standardError.write(Data("camplan: note: hot-cell figures skipped: \(error)\n".utf8))
                }
            }
            progress.stage("candidate sites")
            let sites = try SiteSet.make(data, spacingMeters: siteSpacing)
            let outcome = try PlacementStage.run(data, sites: sites, hot: hotOutcome, settings: s, progress: progress)
            progress.stage("writing")
            let staging = try OutputStaging(destination: out, inputs: inputs.files)
            let toLonLat = try CoordinateTransform(from: data.boundaries.workCRS, to: .wgs84)
            let wards = data.boundaries.wards
            try VectorWriter.writeGeoJSON(try PlacementOutputs.cameraLayer(outcome, wards: wards, toLonLat: toLonLat),
                                          to: try staging.path("cameras.geojson"))
            try VectorWriter.writeGeoJSON(try PlacementOutputs.coverageLayer(outcome, toLonLat: toLonLat),
                                          to: try staging.path("coverage.geojson"))
            try staging.writeCSV(PlacementOutputs.curveTable(outcome), to: "curve.csv")
            if input.wards != nil { try staging.writeCSV(PlacementOutputs.groupTable(outcome), to: "groups.csv") }
            try staging.writeJSON(PlacementOutputs.summary(outcome, workCRS: data.boundaries.workCRS, costUnit: data.catalog.costUnit,
                                                           includeRuntime: true), to: "summary.json")
            try staging.writeRejects(of: data.incidents)
            try staging.commit()
            progress.finish()
            print(PlacementOutputs.console(outcome, costUnit: data.catalog.costUnit), terminator: "")
            if !data.incidents.rejections.isEmpty {
                print("\(data.incidents.rejections.count) incident rows rejected (e.g. outside the study area); see \(out)/rejects.csv")
            }
            print("wrote \(out)/cameras.geojson, coverage.geojson, curve.csv\(input.wards != nil ? ", groups.csv" : ""), summary.json")
        }
    }
}
