import Foundation
import GeoKit

/// The `html` artifact: a scenario's page and a run's comparison page (``ReportPages``),
/// in the scenario's `lang`.
enum ScenarioPage {
    /// The scenario's page; `nil` without wards (nothing to map).
    static func render(_ c: ArtifactContext) throws -> String? {
        guard let wards = try c.wardLayer() else { return nil }
        let o = c.products.placement
        var page = ScenarioPageInput(
            name: c.products.name, description: c.products.description, wards: wards, districts: try c.districtLayer(),
            cells: try c.displayCellLayer(), coverage: try c.coverageLayer(), cameras: try c.cameraLayer(),
            outcome: ScenarioOutcome(name: c.products.name, gap: o?.gap ?? 0, groups: o?.groups ?? []), newCost: o?.newCost ?? 0,
            coveredShare: o.map { $0.totalWeight > 0 ? $0.coveredWeight / $0.totalWeight : 0 } ?? 0,
            heldOutShare: c.products.heldOut?.score.coverage,
            heldOutYears: c.products.heldOut.map { ($0.score.year, $0.score.yearsFit) },
            modelWards: c.products.ranks.map { ModelWardOutputs.consoleTable($0, top: 10) }, versions: CamplanVersion.line)
        page.extraLayers = try TrafficOutputs.pageLayers(c)
        return try ReportPages.scenario(page, lang: c.outputs.lang)
    }

    /// The comparison page of a run: charts, the comparison by group, the directive scorecard.
    static func renderRun(_ r: RunArtifactContext) -> String {
        ReportPages.comparison(r.comparison, scorecard: r.scorecard, scenarioFile: r.sourceFile ?? "", lang: r.lang,
                               versions: CamplanVersion.line)
    }
}
