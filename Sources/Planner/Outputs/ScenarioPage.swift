import Foundation
import GeoKit

/// The `html` artifact: a scenario's self-contained page (map layers and tables), and a
/// run's comparison page.
enum ScenarioPage {
    static let notes = ["Incidents, accidents, existing cameras and population in the shipped data are synthetic.",
                        "Roads, buildings and places: © OpenStreetMap contributors (ODbL)."]

    /// The layers and tables of what the pipeline produced (wards, Gi* cells, footprints,
    /// cameras; coverage by group, model-ward candidates).
    static func render(_ c: ArtifactContext) throws -> String {
        var layers: [HTMLReport.Layer] = []
        if let wards = try c.wardLayer() {
            layers.append(.init(title: "Wards", features: wards.features, paint: .single(fill: "#ffffff", stroke: "#555", opacity: 0.0),
                                labelFields: ["ward_name", "group", "incidents", "covered_share"]))
        }
        if let cells = try c.cellLayer() {
            layers.append(.init(title: "Gi* hot and cold cells", features: cells.features.filter { $0["gi_bin"] != .integer(0) },
                                paint: .categorized(field: "gi_bin", colors: HTMLReport.giBinColors, fallback: "#ccc"),
                                labelFields: ["cell_id", "count", "gi_z", "gi_bin", "trend"]))
        }
        if let coverage = try c.coverageLayer() {
            layers.append(.init(title: "Camera footprints", features: coverage.features,
                                paint: .single(fill: "#1f78b4", stroke: "#1f78b4", opacity: 0.35), labelFields: ["site_id", "camera_type"]))
        }
        if let cameras = try c.cameraLayer() {
            layers.append(.init(title: "Cameras", features: cameras.features, paint: .flag(field: "existing", on: "#444", off: "#1f78b4"),
                                labelFields: ["site_id", "camera_type", "heading_deg", "order", "existing", "ward"]))
        }
        var tables: [(String, ReportTable)] = []
        if let o = c.products.placement { tables.append(("Coverage by group", PlacementOutputs.groupTable(o))) }
        if let ranks = c.products.ranks { tables.append(("Model-ward candidates", ModelWardOutputs.consoleTable(ranks, top: 10))) }
        let report = HTMLReport(title: "camplan: \(c.products.name)", subtitle: c.products.description ?? "", layers: layers,
                                tables: tables, notes: notes)
        return report.render()
    }

    /// The comparison page of a run: the comparison by group and the directive scorecard.
    static func renderRun(_ r: RunArtifactContext) -> String {
        let source = r.sourceFile.map { ($0 as NSString).lastPathComponent } ?? "the command line"
        let names = r.scenarios.map(\.name)
        let page = HTMLReport(title: "camplan: scenario comparison", subtitle: "Scenarios of \(source): " +
                              names.joined(separator: ", ") + ". Each scenario's own map is in its folder (NAME/report.html).",
                              layers: [], tables: [("Comparison by group", r.comparison),
                                                   ("Directive scorecard (Chỉ thị 15/CT-UBND)", r.scorecard)],
                              notes: [notes[0]])
        return page.render()
    }
}
