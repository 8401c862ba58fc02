import ArgumentParser
import Foundation
import GeoKit
import Planner

/// `camplan rank-wards`: model-ward and model-commune candidates (directive item 5).
public struct RankWardsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rank-wards",
        abstract: "Rank model-ward (phường) and model-commune (xã) candidates against the directive's targets.",
        discussion: """
        Criteria (defaults from Chỉ thị 15/CT-UBND item 3): crime change on the previous year at \
        or below -5%, clearance at least 75% (90% for very serious and especially serious cases), \
        no 95% hot cell, camera coverage of weighted incidents by the installed cameras \
        (--existing; left out without it), incident rate at or below the list's median. Writes \
        OUT/model-wards.geojson and model-wards.csv with every criterion's value, threshold and \
        pass/fail.
        """
    )

    @OptionGroup public var input: InputOptions
    @OptionGroup public var hot: HotSpotOptions
    @OptionGroup public var feedback: FeedbackOptions

    @Option(name: .long, help: ArgumentHelp("Installed cameras, for the coverage criterion.", valueName: "file"))
    public var existing: String?
    @Option(name: .long, help: ArgumentHelp("Building footprints that block the view.", valueName: "file"))
    public var obstacles: String?
    @Option(name: .long, help: ArgumentHelp("Ward attribute with residents (rates per 1,000).", valueName: "field"))
    public var populationField: String?
    @Option(name: .long, help: ArgumentHelp("Crime change threshold, percent.", valueName: "pct"))
    public var crimeChangeMax: Double = -5
    @Option(name: .long, help: ArgumentHelp("Clearance threshold (share).", valueName: "share"))
    public var clearanceMin: Double = 0.75
    @Option(name: .long, help: ArgumentHelp("Very serious clearance threshold (share).", valueName: "share"))
    public var seriousClearanceMin: Double = 0.90
    @Option(name: .long, help: ArgumentHelp("Coverage threshold (share).", valueName: "share"))
    public var coverageMin: Double = 0.3
    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    public var out: String = "out/rank-wards"

    public init() {}

    public mutating func validate() throws {
        guard input.incidents != nil else { throw ValidationError("rank-wards needs --incidents") }
        for (flag, v) in [("--clearance-min", clearanceMin), ("--serious-clearance-min", seriousClearanceMin), ("--coverage-min", coverageMin)]
            where !(v >= 0 && v <= 1) {
            throw ValidationError("\(flag) must be a share in 0...1, got \(v)")
        }
    }

    public func run() throws {
        try reportingDataErrors {
            let progress = feedback.reporter()
            var inputs = try input.studyInputs(wards: input.wardsFile)
            inputs.existing = existing
            inputs.obstacles = obstacles
            inputs.populationField = populationField
            let data = try StudyData.load(inputs, progress: progress)
            progress.stage("hot spots")
            let outcome = try HotSpotStage.run(data, hot.settings())
            var records = HotSpotStage.wardRecords(data, outcome)
            var criteria = ModelWardCriteria()
            criteria.crimeChangeMaxPercent = crimeChangeMax
            criteria.clearanceMin = clearanceMin
            criteria.seriousClearanceMin = seriousClearanceMin
            criteria.coverageMin = existing == nil ? nil : coverageMin
            if existing != nil, !data.installed.isEmpty {
                progress.stage("coverage of the installed cameras")
                var s = PlacementSettings()
                s.budget = .count(0)
                let sites = SiteSet(sites: data.installed.map { .init(id: $0.id, location: $0.location, source: .existing) },
                                    wardOfSite: data.installed.map { _ in nil })
                let placed = try PlacementStage.run(data, sites: sites, hot: outcome, settings: s, progress: progress)
                for i in records.indices { records[i].coveredShare = placed.wardCoveredShare[i] ?? 0 }
            }
            let ranks = ModelWardRanking.rank(records, year: outcome.currentYear ?? 0, criteria: criteria)
            let staging = try OutputStaging(destination: out, inputs: inputs.files)
            let toLonLat = try CoordinateTransform(from: data.boundaries.workCRS, to: .wgs84)
            try VectorWriter.writeGeoJSON(try ModelWardOutputs.layer(ranks, wards: data.boundaries.wards, toLonLat: toLonLat),
                                          to: try staging.path("model-wards.geojson"))
            try staging.writeCSV(PlannerTables.modelWards(ranks), to: "model-wards.csv")
            try staging.commit()
            progress.finish()
            print(ModelWardOutputs.consoleTable(ranks, top: 10).console(decimals: 1), terminator: "")
            print("wrote \(out)/model-wards.geojson, model-wards.csv")
        }
    }
}
