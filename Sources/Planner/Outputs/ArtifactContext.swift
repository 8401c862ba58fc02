import Foundation
import GeoKit

/// What a scenario artifact's writer gets: the products, where to write, and the GIS
/// layers built at most once (the GeoPackage and the HTML page reuse the GeoJSON layers).
public final class ArtifactContext {
    public let products: PlanProducts
    public let data: StudyData
    public let staging: OutputStaging
    /// Prefix of every file of this scenario inside the staging folder (`""` or `NAME/`).
    public let folder: String
    public let toLonLat: CoordinateTransform
    /// Whether summaries carry the solver's wall time (off in `run`, whose files must be
    /// byte-identical between reruns).
    public let includeRuntime: Bool
    private var layers: [String: OutputLayer] = [:]

    public init(products: PlanProducts, data: StudyData, staging: OutputStaging, folder: String, includeRuntime: Bool) throws {
        self.products = products
        self.data = data
        self.staging = staging
        self.folder = folder
        self.includeRuntime = includeRuntime
        self.toLonLat = try CoordinateTransform(from: data.boundaries.workCRS, to: .wgs84)
    }

    /// `name` inside this scenario's folder.
    public func file(_ name: String) -> String { folder + name }

    /// Writes a layer as GeoJSON to `name` and returns the file written.
    public func writeGeoJSON(_ layer: OutputLayer, to name: String) throws -> [String] {
        try VectorWriter.writeGeoJSON(layer, to: try staging.path(file(name)))
        return [file(name)]
    }

    /// The layer called `key`, built by `make` the first time it is asked for.
    public func layer(_ key: String, _ make: () throws -> OutputLayer?) rethrows -> OutputLayer? {
        if let l = layers[key] { return l }
        guard let l = try make() else { return nil }
        layers[key] = l
        return l
    }

    // The shared layers (nil when the stage that makes them did not run).

    public func cellLayer() throws -> OutputLayer? {
        try layer("hotspot-cells") {
            try products.hot.map { products.settings.outputs.suppression.cells(try HotSpotStage.cellLayer($0, toLonLat: toLonLat)) }
        }
    }

    /// The wards with their hot-spot scores, and `covered_share` when a placement ran; small
    /// counts blanked under `--min-cell-count`.
    public func wardLayer() throws -> OutputLayer? {
        try layer("wards") { try unsuppressedWardLayer().map { products.settings.outputs.suppression.wards($0) } }
    }

    private func unsuppressedWardLayer() throws -> OutputLayer? {
        guard let hot = products.hot else { return nil }
        guard let placement = products.placement else {
            return try HotSpotStage.wardLayer(data, hot, records: products.records, toLonLat: toLonLat)
        }
        let covered: [[String: FieldValue]] = data.boundaries.wards.indices.map { i in
            ["covered_share": placement.wardCoveredShare[i].map { .real($0) } ?? .null]
        }
        return try HotSpotStage.wardLayer(data, hot, records: products.records, extra: covered,
                                          extraFields: [.init("covered_share", .real)], toLonLat: toLonLat)
    }

    public func cameraLayer() throws -> OutputLayer? {
        try layer("cameras") {
            try products.placement.map { try PlacementOutputs.cameraLayer($0, wards: data.boundaries.wards, toLonLat: toLonLat) }
        }
    }

    public func coverageLayer() throws -> OutputLayer? {
        try layer("coverage") { try products.placement.map { try PlacementOutputs.coverageLayer($0, toLonLat: toLonLat) } }
    }

    public func modelWardLayer() throws -> OutputLayer? {
        try layer("model-wards") {
            try products.ranks.map { try ModelWardOutputs.layer($0, wards: data.boundaries.wards, toLonLat: toLonLat) }
        }
    }
}

/// What a run-level artifact's writer gets: every scenario's products, in order.
public final class RunArtifactContext {
    public let scenarios: [PlanProducts]
    public let data: StudyData
    public let staging: OutputStaging
    /// The scenario file (for titles), or `nil` for a single verb.
    public let sourceFile: String?

    public init(scenarios: [PlanProducts], data: StudyData, staging: OutputStaging, sourceFile: String?) {
        self.scenarios = scenarios
        self.data = data
        self.staging = staging
        self.sourceFile = sourceFile
    }

    /// Scenario × group comparison of the scenarios that placed cameras.
    public lazy var comparison: ReportTable = ScenarioComparison.table(scenarios.compactMap { p in
        p.placement.map { ScenarioOutcome(name: p.name, gap: $0.gap, groups: $0.groups) }
    })

    /// The directive scorecard, from the first scenario whose ward figures give one (the
    /// figures it reads do not depend on the plan).
    public lazy var scorecard: ReportTable = {
        for p in scenarios {
            guard let hot = p.hot else { continue }
            let lines = DirectiveScorecard.compute(p.records, year: hot.currentYear ?? 0)
            if !lines.isEmpty { return PlannerTables.scorecard(lines) }
        }
        return PlannerTables.scorecard([])
    }()
}
