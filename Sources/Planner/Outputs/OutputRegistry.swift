import Foundation
import GeoKit

/// Every output camplan can write, by name, each with its one writer (as GDAL's driver
/// registry: formats looked up by name). Verbs ask for names (``Verb/defaultArtifacts``,
/// `--formats`, `formats:`); the order here is the order files are written and listed.
///
/// To add an output: append one ``OutputArtifact`` to ``all`` below whose `write` (per
/// scenario) or `writeRun` (once per run) reads ``PlanProducts`` through the context and
/// writes through ``OutputStaging``; keep the layer/table building in your feature's own
/// file and call it from here. Nothing else changes: `--formats`, `formats:`, the help's
/// list of names and the checks pick it up.
public enum OutputRegistry {
    public static let all: [OutputArtifact] = [
        OutputArtifact(name: "hotspot-cells", summary: "hotspot-cells.geojson: Gi*, Local Moran, KDE and trend per cell (once per run)",
                       write: { c in
                           // In a run the layer is written once, by writeRun.
                           guard c.folder.isEmpty else { return [] }
                           return try c.cellLayer().map { try c.writeGeoJSON($0, to: "hotspot-cells.geojson") } ?? []
                       },
                       writeRun: { r in
                           try SharedHotSpotOutputs.write(r, file: "hotspot-cells.geojson") { p, hot, folder in
                               let cells = p.settings.outputs.suppression.cells(try HotSpotStage.cellLayer(hot, toLonLat: try r.toLonLat()))
                               try VectorWriter.writeGeoJSON(cells, to: try r.staging.path(folder + "hotspot-cells.geojson"))
                           }
                       }),
        OutputArtifact(name: "wards", summary: "wards.geojson: ward scores against the directive's targets (and covered_share after a plan)",
                       write: { c in try c.wardLayer().map { try c.writeGeoJSON($0, to: "wards.geojson") } ?? [] }),
        OutputArtifact(name: "incidents", summary: "incidents.geojson: the incident points (sensitive; only when asked for)",
                       write: { c in
                           guard let hot = c.products.hot else { return [] }
                           return try c.writeGeoJSON(try HotSpotStage.incidentLayer(c.data, hot, toLonLat: c.toLonLat), to: "incidents.geojson")
                       }),
        OutputArtifact(name: "cameras", summary: "cameras.geojson: placed and installed cameras with type, heading, order, ward",
                       write: { c in try c.cameraLayer().map { try c.writeGeoJSON($0, to: "cameras.geojson") } ?? [] }),
        OutputArtifact(name: "coverage", summary: "coverage.geojson: the footprint of every camera",
                       write: { c in try c.coverageLayer().map { try c.writeGeoJSON($0, to: "coverage.geojson") } ?? [] }),
        OutputArtifact(name: "blackspots", summary: "blackspots.geojson: road segments with accident counts, rank and the black-spot rule (traffic scenarios)",
                       write: { c in try c.blackSpotLayer().map { try c.writeGeoJSON($0, to: "blackspots.geojson") } ?? [] }),
        OutputArtifact(name: "gateways", summary: "gateways.geojson: roads crossing a cordoned group's boundary, watched or not (traffic scenarios)",
                       write: { c in try c.gatewayLayer().map { try c.writeGeoJSON($0, to: "gateways.geojson") } ?? [] }),
        OutputArtifact(name: "traffic-summary", summary: "traffic-summary.json: black spots, gateways, cordon and accident coverage (traffic scenarios)",
                       write: { c in
                           guard let t = c.products.traffic, let a = c.products.accidents else { return [] }
                           try c.staging.writeJSON(TrafficOutputs.summary(t, accidents: a, warnings: c.products.warnings),
                                                  to: c.file("traffic-summary.json"))
                           return [c.file("traffic-summary.json")]
                       }),
        OutputArtifact(name: "model-wards", summary: "model-wards.geojson and .csv: model-ward lists with every criterion",
                       write: { c in
                           guard let ranks = c.products.ranks, let layer = try c.modelWardLayer() else { return [] }
                           let files = try c.writeGeoJSON(layer, to: "model-wards.geojson")
                           try c.staging.writeCSV(PlannerTables.modelWards(ranks), to: c.file("model-wards.csv"))
                           return files + [c.file("model-wards.csv")]
                       }),
        OutputArtifact(name: "curve", summary: "curve.csv: covered share after each new camera",
                       write: { c in
                           guard let o = c.products.placement else { return [] }
                           try c.staging.writeCSV(PlacementOutputs.curveTable(o), to: c.file("curve.csv"))
                           return [c.file("curve.csv")]
                       }),
        OutputArtifact(name: "groups", summary: "groups.csv: coverage, hot cells and cameras per group (needs wards)",
                       write: { c in
                           guard let o = c.products.placement, c.data.inputs.wards != nil else { return [] }
                           try c.staging.writeCSV(PlacementOutputs.groupTable(o), to: c.file("groups.csv"))
                           return [c.file("groups.csv")]
                       }),
        OutputArtifact(name: "summary", summary: "summary.json: the plan's figures (or the hot-spot summary when nothing was placed)",
                       write: { c in
                           let work = c.data.boundaries.workCRS
                           if let o = c.products.placement {
                               var s = PlacementOutputs.summary(o, workCRS: work, costUnit: c.data.catalog.costUnit,
                                                                includeRuntime: c.includeRuntime, warnings: c.products.warnings)
                               s.add(heldOut: c.products.heldOut, selection: c.products.demandSelection)
                               try c.staging.writeJSON(s, to: c.file("summary.json"))
                           } else if let hot = c.products.hot {
                               try c.staging.writeJSON(HotSpotStage.summary(hot, workCRS: work, warnings: c.products.warnings),
                                                       to: c.file("summary.json"))
                           } else {
                               return []
                           }
                           return [c.file("summary.json")]
                       }),
        OutputArtifact(name: "heldout-curve",
                       summary: "heldout-curve.csv: held-out share of the evaluation year (and of each rolling origin) after each new camera",
                       write: { c in
                           guard let h = c.products.heldOut else { return [] }
                           try c.staging.writeCSV(HeldOutPlacement.curveTable(h), to: c.file("heldout-curve.csv"))
                           return [c.file("heldout-curve.csv")]
                       },
                       unavailable: { p in p.heldOut == nil ? "it needs a placement with evaluate_year (--evaluate-year)" : nil }),
        OutputArtifact(name: "demand-selection", summary: "demand-selection.csv: the candidates demand auto compared, with their scores",
                       write: { c in
                           guard let sel = c.products.demandSelection, !sel.rows.isEmpty else { return [] }
                           try c.staging.writeCSV(DemandSelection.table(sel), to: c.file("demand-selection.csv"))
                           return [c.file("demand-selection.csv")]
                       },
                       unavailable: { p in
                           guard let sel = p.demandSelection else { return "it needs demand auto" }
                           return sel.rows.isEmpty ? "demand auto compared no candidate (\(sel.fallbackReason ?? "no split"))" : nil
                       }),
        OutputArtifact(name: "hotspot-summary", summary: "hotspot-summary.json: band, hot and cold cells, held-out test (once per run)",
                       write: { c in
                           guard c.folder.isEmpty, let hot = c.products.hot else { return [] }
                           try c.staging.writeJSON(HotSpotStage.summary(hot, workCRS: c.data.boundaries.workCRS, warnings: c.products.warnings),
                                                   to: c.file("hotspot-summary.json"))
                           return [c.file("hotspot-summary.json")]
                       },
                       writeRun: { r in
                           try SharedHotSpotOutputs.write(r, file: "hotspot-summary.json") { p, hot, folder in
                               try r.staging.writeJSON(HotSpotStage.summary(hot, workCRS: r.data.boundaries.workCRS, warnings: p.warnings),
                                                       to: folder + "hotspot-summary.json")
                           }
                       }),
        OutputArtifact(name: "gpkg", summary: "plan.gpkg: every layer in one GeoPackage (spatial index, QGIS styles, a QGIS project), in out_crs",
                       write: { c in
                           let layers = try [c.displayCellLayer(), c.wardLayer(), c.districtLayer(), c.cameraLayer(), c.coverageLayer(),
                                             c.modelWardLayer(), c.blackSpotLayer(), c.gatewayLayer()].compactMap { $0 }
                           guard !layers.isEmpty else { return [] }
                           try GeoPackageExport.write(layers, to: try c.staging.path(c.file("plan.gpkg")), title: "camplan: \(c.products.name)",
                                                      lang: c.outputs.lang, crs: try c.outputCRS(), mapCRS: c.data.boundaries.workCRS)
                           return [c.file("plan.gpkg")]
                       }),
        OutputArtifact(name: "shp", summary: "shp/*.shp: the GeoPackage's layers as Shapefiles (UTF-8 .cpg, short field names in shp/fields.csv), in out_crs",
                       write: { c in
                           let layers = try [c.displayCellLayer(), c.wardLayer(), c.districtLayer(), c.cameraLayer(), c.coverageLayer(),
                                             c.modelWardLayer()].compactMap { $0 }
                           guard !layers.isEmpty else { return [] }
                           return try ShapefileOutputs.write(layers, crs: try c.outputCRS(), staging: c.staging, folder: c.file("shp/"))
                       }),
        OutputArtifact(name: "installer", summary: "cameras.csv and cameras.xlsx: the installer's list (site, coordinates, VN-2000 x/y, street, heading)",
                       write: { c in
                           guard let o = c.products.placement else { return [] }
                           let grid = try c.outputCRS().isGeographic ? InstallerList.defaultGridCRS : (c.outputs.outCRS ?? InstallerList.defaultGridCRS)
                           let table = try InstallerList.table(o, wards: c.data.boundaries.wards, catalog: c.data.catalog, toLonLat: c.toLonLat,
                                                               toGrid: try CoordinateTransform(from: .wgs84, to: try CRS(grid)),
                                                               streets: c.data.streets)
                           try c.staging.writeCSV(table, to: c.file("cameras.csv"), decimals: nil)
                           try Spreadsheets.write([(c.outputs.lang == .vi ? "Camera" : "Cameras", InstallerList.reader(table, c.outputs.lang, grid: grid))],
                                                  to: try c.staging.path(c.file("cameras.xlsx")))
                           return [c.file("cameras.csv"), c.file("cameras.xlsx")]
                       }),
        OutputArtifact(name: "html", summary: "report.html: a self-contained page with the map and tables (in a run: the comparison page)",
                       write: { c in
                           guard let page = try ScenarioPage.render(c) else { return [] }
                           try c.staging.write(page, to: c.file("report.html"))
                           return [c.file("report.html")]
                       },
                       writeRun: { r in
                           try r.staging.write(ScenarioPage.renderRun(r), to: "report.html")
                           return ["report.html"]
                       }),
        OutputArtifact(name: "rejects", summary: "rejects.csv: rejected incident rows with their reason (when there are any)",
                       writeRun: { r in try r.staging.writeRejects(of: r.data.incidents) > 0 ? ["rejects.csv"] : [] }),
        OutputArtifact(name: "accident-rejects", summary: "accident-rejects.csv: rejected accident rows with their reason (when there are any)",
                       writeRun: { r in
                           guard let a = r.data.accidents else { return [] }
                           return try r.staging.writeRejects(of: a, to: "accident-rejects.csv") > 0 ? ["accident-rejects.csv"] : []
                       }),
        OutputArtifact(name: "comparison", summary: "comparison.csv and .md: scenario × group coverage",
                       writeRun: { r in
                           let t = r.comparison
                           try r.staging.writeCSV(t, to: "comparison.csv")
                           try r.staging.write("# Scenario comparison\n\n" + t.markdown() + "\n", to: "comparison.md")
                           return ["comparison.csv", "comparison.md"]
                       }),
        OutputArtifact(name: "scorecard", summary: "scorecard.csv: the directive's targets judged per group and province",
                       writeRun: { r in
                           try r.staging.writeCSV(r.scorecard, to: "scorecard.csv")
                           return ["scorecard.csv"]
                       }),
        OutputArtifact(name: "xlsx", summary: "comparison.xlsx and scorecard.xlsx: the comparison and the scorecard for Excel (headers in lang, numbers numeric)",
                       writeRun: { r in
                           try Spreadsheets.write(Spreadsheets.comparison(r.comparison, lang: r.lang), to: try r.staging.path("comparison.xlsx"))
                           try Spreadsheets.write(Spreadsheets.scorecard(r.scorecard, lang: r.lang), to: try r.staging.path("scorecard.xlsx"))
                           return ["comparison.xlsx", "scorecard.xlsx"]
                       }),
    ]

    /// Every artifact name, in registry order.
    public static var names: [String] { all.map(\.name) }

    public static func artifact(named name: String) -> OutputArtifact? { all.first { $0.name == name } }

    /// The artifacts named, in registry order (unknown names were refused by
    /// ``OutputSettings/validate()``).
    public static func selection(_ names: Set<String>) -> [OutputArtifact] { all.filter { names.contains($0.name) } }

    /// The names `settings` asks for: its `formats`, else `verb`'s usual set, plus
    /// `incidents` with `raw_points`.
    public static func requested(_ settings: OutputSettings, verb: Verb) -> Set<String> {
        var names = Set(settings.formats ?? verb.defaultArtifacts)
        if settings.rawPoints { names.insert("incidents") }
        return names
    }

    /// Notes for outputs named explicitly in `formats` that `products` leave empty (an
    /// artifact with an ``OutputArtifact/unavailable`` reason): `heldout-curve.csv not
    /// written: it needs ...`. None when `formats` is not set (the usual set is implicit).
    public static func unavailableNotes(_ products: PlanProducts) -> [String] {
        guard let asked = products.settings.outputs.formats else { return [] }
        return selection(Set(asked)).compactMap { a in a.unavailable?(products).map { "\(a.name) not written: \($0)" } }
    }

    /// Writes one verb's artifacts into the staging folder's root: `write` when the artifact
    /// has one, else `writeRun` over this one scenario. Returns the files written.
    public static func writeVerb(_ products: PlanProducts, data: StudyData, verb: Verb, staging: OutputStaging,
                                 includeRuntime: Bool) throws -> [String] {
        let context = try ArtifactContext(products: products, data: data, staging: staging, folder: "", includeRuntime: includeRuntime)
        let run = RunArtifactContext(scenarios: [products], data: data, staging: staging, sourceFile: nil)
        var files: [String] = []
        for a in selection(requested(products.settings.outputs, verb: verb)) {
            if let w = a.write { files += try w(context) } else if let w = a.writeRun { files += try w(run) }
        }
        return files
    }
}
