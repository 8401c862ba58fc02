import Foundation
import GeoKit

/// What a scenario's page shows, gathered from the run (layers in WGS 84).
public struct ScenarioPageInput: Sendable {
    public var name: String
    public var description: String?
    public var wards: OutputLayer
    public var districts: OutputLayer?
    /// Hot-spot cells as displayed (cut to the wards); only significant ones are drawn.
    public var cells: OutputLayer?
    public var coverage: OutputLayer?
    public var cameras: OutputLayer?
    public var outcome: ScenarioOutcome
    /// Cost of the new cameras (million VND) and the covered share of the scenario's demand.
    public var newCost: Double
    public var coveredShare: Double
    /// Covered share of the held-out year's incidents, when the run has one.
    public var heldOutShare: Double?
    /// The held-out year and the years the plan for it was fit on (for the headline's label).
    public var heldOutYears: (year: Int, fit: [Int])?
    public var modelWards: ReportTable?
    /// Further map layers drawn under the cameras (a traffic scenario's black spots and gateways).
    public var extraLayers: [HTMLReport.Layer] = []
    /// `camplan x.y, GEOS …, PROJ …, GDAL …`.
    public var versions: String

    public init(name: String, description: String?, wards: OutputLayer, districts: OutputLayer?, cells: OutputLayer?,
                coverage: OutputLayer?, cameras: OutputLayer?, outcome: ScenarioOutcome, newCost: Double, coveredShare: Double,
                heldOutShare: Double? = nil, heldOutYears: (year: Int, fit: [Int])? = nil, modelWards: ReportTable?, versions: String) {
        self.name = name
        self.description = description
        self.wards = wards
        self.districts = districts
        self.cells = cells
        self.coverage = coverage
        self.cameras = cameras
        self.outcome = outcome
        self.newCost = newCost
        self.coveredShare = coveredShare
        self.heldOutShare = heldOutShare
        self.heldOutYears = heldOutYears
        self.modelWards = modelWards
        self.versions = versions
    }
}

/// The planners' pages: one per scenario (headline, province map, a zoom on the busiest
/// town where footprints are visible, tables with totals) and the comparison page (charts
/// across scenarios and districts, tables, scorecard).
public enum ReportPages {
    static let scenarioColors = ["#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#b2df8a"]

    public static func scenario(_ p: ScenarioPageInput, lang: ReportLanguage) throws -> String {
        let cams = p.cameras?.features ?? []
        let newCount = cams.filter { $0["existing"] == .bool(false) }.count
        let installed = cams.count - newCount
        let hot = p.outcome.groups.reduce((0, 0)) { ($0.0 + $1.hotCells95, $0.1 + $1.hotCells95Covered) }
        var headline: [(String, String)] = [
            (lang.text(.headlineNew), lang.integer(newCount) + " " + lang.text(.camerasUnit)),
            (lang.text(.headlineInstalled), lang.integer(installed) + " " + lang.text(.camerasUnit)),
            (lang.text(.headlineCost), lang.millionVND(p.newCost)),
        ]
        // The held-out share (a year the plan never saw) before the in-sample one.
        if let h = p.heldOutShare {
            var value = lang.percent(share: h)
            if let y = p.heldOutYears, !y.fit.isEmpty {
                value += " (" + lang.text(.heldOutYearNote).replacingOccurrences(of: "{year}", with: "\(y.year)")
                    .replacingOccurrences(of: "{fit}", with: HeldOutPlacement.yearsText(y.fit, dash: "–")) + ")"
            }
            headline.append((lang.text(.headlineHeldOut), value))
        }
        headline.append((lang.text(.headlineCoverage), lang.percent(share: p.coveredShare) + " (" + lang.text(.inSampleNote) + ")"))
        if hot.0 > 0 {
            headline.append((lang.text(.headlineHot), "\(lang.integer(hot.1)) / \(lang.integer(hot.0)) \(lang.text(.cells)) (\(lang.percent(share: Double(hot.1) / Double(hot.0))))"))
        }

        var layers: [HTMLReport.Layer] = [
            .init(title: lang.text(.wards), features: p.wards.features, paint: .single(fill: "#ffffff", stroke: "#8a8a8a", opacity: 0.55, width: 0.5),
                  tooltip: ["ward_name", "group", "incidents", "weight_per_km2", "covered_share"]),
        ]
        if let cells = p.cells {
            let significant = cells.features.filter { ($0["gi_bin"].number ?? 0) != 0 }
            let order: [(String, ReportPhrase)] = [("3", .hot99), ("2", .hot95), ("1", .hot90), ("-1", .cold90), ("-2", .cold95), ("-3", .cold99)]
            let present = Set(significant.compactMap { $0["gi_bin"].stringValue })
            layers.append(.init(title: lang.text(.hotCells), features: significant,
                                paint: .categorized(field: "gi_bin", colors: HTMLReport.giBinColors, fallback: "#ccc"),
                                tooltip: ["cell_id", "count", "gi_z", "gi_bin", "trend"],
                                legend: order.filter { present.contains($0.0) }.compactMap { k, phrase in
                                    HTMLReport.giBinColors[k].map { ($0, lang.text(phrase)) }
                                }))
        }
        if let d = p.districts {
            layers.append(.init(title: lang.text(.districts), features: d.features, paint: .single(fill: "none", stroke: "#333", opacity: 0, width: 1.6),
                                tooltip: ["group", "wards"]))
        }
        if let c = p.coverage {
            layers.append(.init(title: lang.text(.footprints), features: c.features, paint: .single(fill: "#1f78b4", stroke: "#1f78b4", opacity: 0.35, width: 0.4),
                                tooltip: ["site_id", "camera_type", "area_m2"]))
        }
        layers += p.extraLayers
        if p.cameras != nil {
            layers.append(.init(title: lang.text(.cameras), features: cams, paint: .flag(field: "existing", on: "#333", off: "#1f78b4"),
                                tooltip: ["site_id", "camera_type", "heading_deg", "range_m", "order", "existing", "ward"],
                                legend: [("#1f78b4", lang.text(.newCamera)), ("#333", lang.text(.installedCamera))]))
        }

        let districtLabels = try (p.districts?.features ?? []).compactMap { f -> HTMLReport.Label? in
            guard let name = f["group"].stringValue, let mp = DisplayLayers.multiPolygon(f.geometry) else { return nil }
            return HTMLReport.Label(at: try GeometryOps.pointOnSurface(mp), text: name, kind: "district")
        }
        let wardLabels = try p.wards.features.compactMap { f -> HTMLReport.Label? in
            guard let name = f["ward_name"].stringValue, let mp = DisplayLayers.multiPolygon(f.geometry) else { return nil }
            return HTMLReport.Label(at: try GeometryOps.pointOnSurface(mp), text: name, kind: "ward")
        }
        var maps = [HTMLReport.MapFigure(title: lang.text(.mapTitle), labels: districtLabels)]
        if let (group, box) = zoom(cams, districts: p.districts) {
            maps.append(.init(title: "\(lang.text(.zoomTitle)): \(group)", box: box, labels: wardLabels))
        }

        let groups = ReaderTable(withoutColumns(ScenarioComparison.table([p.outcome]), ["scenario", "gap"]), lang, totalField: "group")
        var tables: [(String, ReaderTable)] = [(lang.text(.byGroup), groups)]
        if let m = p.modelWards { tables.append((lang.text(.modelWards), ReaderTable(m, lang))) }
        let title = "\(lang.text(.scenarioTitle)) \(p.name)"
        return HTMLReport(lang: lang, title: title, subtitle: p.description ?? "", headline: headline, layers: layers, maps: maps,
                          tables: tables, notes: notes(lang, versions: p.versions)).render()
    }

    /// The comparison page: charts across scenarios (held-out coverage when evaluated, in-sample
    /// coverage, hot cells, cost) and districts
    /// (new cameras), the comparison table with totals, and the directive scorecard.
    public static func comparison(_ comparison: ReportTable, scorecard: ReportTable, scenarioFile: String, lang: ReportLanguage,
                                  versions: String) -> String {
        let col = Dictionary(uniqueKeysWithValues: comparison.fields.enumerated().map { ($1.name, $0) })
        func value(_ row: [FieldValue], _ name: String) -> Double? { col[name].flatMap { row[$0].number } }
        let scenarios = orderedUnique(comparison.rows.compactMap { r in col["scenario"].flatMap { r[$0].stringValue } })
        let totals = scenarios.map { s in comparison.rows.first { r in
            col["scenario"].map { r[$0] == .string(s) } == true && col["group"].map { r[$0] == .string("ALL") } == true
        } }
        let color = { (i: Int) in scenarioColors[i % scenarioColors.count] }
        let pct: @Sendable (Double) -> String = { lang.percent(points: $0) }
        var charts = [
            HTMLReport.BarChart(title: lang.text(.chartCoverage), categories: scenarios,
                                series: [(lang.text(.headlineCoverage), "#1f78b4", totals.map { $0.flatMap { value($0, "coverage") }.map { $0 * 100 } })],
                                format: pct),
            HTMLReport.BarChart(title: lang.text(.chartHot), categories: scenarios,
                                series: [(lang.text(.headlineHot), "#d73027", totals.map { $0.flatMap { value($0, "hot95_coverage") }.map { $0 * 100 } })],
                                format: pct),
            HTMLReport.BarChart(title: lang.text(.chartCost), categories: scenarios,
                                series: [(lang.text(.headlineCost), "#6a3d9a", totals.map { $0.flatMap { value($0, "cost") } })],
                                format: { lang.millionVND($0) }),
        ]
        let groups = orderedUnique(comparison.rows.compactMap { r in col["group"].flatMap { r[$0].stringValue } }.filter { $0 != "ALL" }).sorted()
        charts.append(HTMLReport.BarChart(
            title: lang.text(.chartCameras), categories: groups,
            series: scenarios.enumerated().map { i, s in
                (s, color(i), groups.map { g in comparison.rows.first { r in
                    col["scenario"].map { r[$0] == .string(s) } == true && col["group"].map { r[$0] == .string(g) } == true
                }.flatMap { value($0, "cameras_new") } })
            },
            format: { lang.number($0) }))
        // The held-out year first: the one coverage figure that compares across demands.
        let heldOut = totals.map { $0.flatMap { value($0, "heldout_coverage") }.map { $0 * 100 } }
        if heldOut.contains(where: { $0 != nil }) {
            charts.insert(HTMLReport.BarChart(title: lang.text(.chartHeldOut), categories: scenarios,
                                              series: [(lang.text(.headlineHeldOut), "#08519c", heldOut)], format: pct), at: 0)
        }
        let subtitle = "\(lang.text(.comparisonSubtitle)) \((scenarioFile as NSString).lastPathComponent): \(scenarios.joined(separator: ", "))."
        return HTMLReport(lang: lang, title: lang.text(.comparisonTitle), subtitle: subtitle, charts: charts,
                          tables: [(lang.text(.comparisonByGroup), ReaderTable(comparison, lang, totalField: "group")),
                                   (lang.text(.scorecard), ReaderTable.scorecard(scorecard, lang))],
                          notes: notes(lang, versions: versions)).render()
    }

    static func notes(_ lang: ReportLanguage, versions: String) -> [String] {
        [lang.text(.synthetic), lang.text(.osm), "\(lang.text(.software)): \(versions)"]
    }

    /// The district with most cameras and the box around its cameras (at least 3 km wide),
    /// where footprints are large enough to see.
    static func zoom(_ cameras: [Feature<LonLat>], districts: OutputLayer?) -> (String, BoundingBox<LonLat>)? {
        var byGroup: [String: [LonLat]] = [:]
        for c in cameras {
            guard case let .point(p)? = c.geometry, let g = c["group"].stringValue else { continue }
            byGroup[g, default: []].append(p)
        }
        guard let (group, points) = byGroup.max(by: { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key > $1.key) }),
              points.count >= 3 else { return nil }
        var b = BoundingBox<LonLat>(minX: points[0].lon, minY: points[0].lat, maxX: points[0].lon, maxY: points[0].lat)
        for p in points { b.expand(toInclude: p) }
        // 0.0275° ≈ 3 km; pad by 10%.
        let cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2
        var hw = max((b.maxX - b.minX) * 0.55, 0.0137), hh = max((b.maxY - b.minY) * 0.55, 0.0137)
        // No taller than wide (a page, not a strip): widen a tall box.
        hw = max(hw, hh * 1.3)
        hh = min(hh, hw)
        return (group, BoundingBox<LonLat>(minX: cx - hw, minY: cy - hh, maxX: cx + hw, maxY: cy + hh))
    }

    static func withoutColumns(_ t: ReportTable, _ names: Set<String>) -> ReportTable {
        let keep = t.fields.indices.filter { !names.contains(t.fields[$0].name) }
        return ReportTable(fields: keep.map { t.fields[$0] }, rows: t.rows.map { r in keep.map { r[$0] } })
    }

    static func orderedUnique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
