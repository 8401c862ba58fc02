import Foundation
import GeoKit

/// `summary.json` of a placement.
public struct PlacementSummaryJSON: Codable, Sendable, Equatable {
    public var coveredWeight: Double
    public var totalWeight: Double
    public var coverageRatio: Double
    public var upperBound: Double
    public var gap: Double
    public var boundSource: String
    public var stopReason: String
    public var camerasSelected: Int
    public var camerasExisting: Int
    public var camerasNew: Int
    public var cost: Double
    public var costUnit: String
    public var runtimeSeconds: Double?
    public var workCRS: String
    public var demandPoints: Int
    public var candidateSites: Int
    public var facilities: Int
    public var lowerBoundCameras: Int?
    /// camplan, GEOS, PROJ and GDAL versions (``CamplanVersion``).
    public var software: [String: String] = CamplanVersion.dictionary
    /// Figures that may be off (omitted when there are none).
    public var warnings: [String]?

    enum CodingKeys: String, CodingKey {
        case gap, cost
        case coveredWeight = "covered_weight", totalWeight = "total_weight", coverageRatio = "coverage_ratio"
        case upperBound = "upper_bound", boundSource = "bound_source", stopReason = "stop_reason"
        case camerasSelected = "cameras_selected", camerasExisting = "cameras_existing", camerasNew = "cameras_new"
        case costUnit = "cost_unit", runtimeSeconds = "runtime_seconds", workCRS = "work_crs", demandPoints = "demand_points"
        case candidateSites = "candidate_sites", facilities, lowerBoundCameras = "lower_bound_cameras", software, warnings
    }
}

/// Layers and tables of a placement: `cameras`, `coverage`, `curve.csv`, `groups.csv`,
/// `summary.json`.
public enum PlacementOutputs {
    /// The summary of a placement. `includeRuntime: false` leaves the solver's wall time out,
    /// so that two runs of the same scenarios write byte-identical files.
    /// - Parameter warnings: warnings from before the placement (``PlanProducts/warnings``),
    ///   written with the solver's own under `warnings`.
    public static func summary(_ o: PlacementOutcome, workCRS: CRS, costUnit: String, includeRuntime: Bool,
                               warnings: [String] = []) -> PlacementSummaryJSON {
        let all = warnings + o.warnings
        return PlacementSummaryJSON(
            coveredWeight: o.coveredWeight, totalWeight: o.totalWeight,
            coverageRatio: o.totalWeight > 0 ? o.coveredWeight / o.totalWeight : 0, upperBound: o.upperBound, gap: o.gap,
            boundSource: o.boundSource, stopReason: o.stopReason, camerasSelected: o.cameras.count,
            camerasExisting: o.cameras.filter(\.existing).count, camerasNew: o.cameras.filter { !$0.existing }.count,
            cost: (o.newCost * 1000).rounded() / 1000, costUnit: costUnit, runtimeSeconds: includeRuntime ? (o.runtimeSeconds * 1000).rounded() / 1000 : nil,
            workCRS: workCRS.description, demandPoints: o.demandCount, candidateSites: o.siteCount, facilities: o.facilityCount,
            lowerBoundCameras: o.lowerBoundCameras, warnings: all.isEmpty ? nil : all)
    }

    /// `cameras`: one point per camera with `site_id, camera_type, heading_deg, fov_deg,
    /// range_m, cost, order, marginal_weight, existing, ward, group`.
    public static func cameraLayer(_ o: PlacementOutcome, wards: [Ward], toLonLat: CoordinateTransform) throws -> OutputLayer {
        var features: [Feature<LonLat>] = []
        for (n, c) in o.cameras.enumerated() {
            let p: LonLat = try toLonLat.transform(c.location)
            features.append(Feature(index: n, geometry: .point(p), attributes: [
                "site_id": .string(c.siteID), "camera_type": .string(c.typeID),
                "heading_deg": c.headingDegrees.map { .real($0) } ?? .null, "fov_deg": .real(c.fovDegrees),
                "range_m": .real((c.rangeMeters * 100).rounded() / 100), "cost": .real(c.cost), "order": .integer(Int64(c.order)),
                "marginal_weight": .real(c.marginalWeight), "existing": .bool(c.existing),
                "ward": c.ward.map { .string(wards[$0].name) } ?? .null, "ward_id": c.ward.map { .string(wards[$0].id) } ?? .null,
                "group": c.ward.map { .string(wards[$0].group) } ?? .null,
            ]))
        }
        return try OutputLayer(name: "cameras", fields: [
            .init("site_id", .string), .init("camera_type", .string), .init("heading_deg", .real), .init("fov_deg", .real),
            .init("range_m", .real), .init("cost", .real), .init("order", .integer), .init("marginal_weight", .real),
            .init("existing", .bool), .init("ward", .string), .init("ward_id", .string), .init("group", .string),
        ], geometryType: .point, features: features)
    }

    /// `coverage`: the footprint polygon of every camera (range ∩ field of view ∩ what the
    /// buildings leave visible).
    public static func coverageLayer(_ o: PlacementOutcome, toLonLat: CoordinateTransform) throws -> OutputLayer {
        var features: [Feature<LonLat>] = []
        for (n, c) in o.cameras.enumerated() {
            let g: Geometry<LonLat> = try toLonLat.transform(Geometry<PlanarPoint>.polygon(c.footprint))
            features.append(Feature(index: n, geometry: g, attributes: [
                "site_id": .string(c.siteID), "camera_type": .string(c.typeID), "order": .integer(Int64(c.order)),
                "existing": .bool(c.existing), "area_m2": .real((planarArea(c.footprint) * 10).rounded() / 10),
            ]))
        }
        return try OutputLayer(name: "coverage", fields: [
            .init("site_id", .string), .init("camera_type", .string), .init("order", .integer), .init("existing", .bool),
            .init("area_m2", .real),
        ], geometryType: .polygon, features: features)
    }

    /// `curve.csv`: covered share against the number of new cameras.
    public static func curveTable(_ o: PlacementOutcome) -> ReportTable {
        ReportTable(fields: [.init("cameras", .integer), .init("covered_share", .real)],
                    rows: o.curve.map { [.integer(Int64($0.cameras)), .real($0.share)] })
    }

    /// `groups.csv`: per group, cameras existing and new, weighted demand, covered share,
    /// cameras per km².
    public static func groupTable(_ o: PlacementOutcome) -> ReportTable {
        var t = ReportTable(fields: [
            .init("group", .string), .init("cameras_existing", .integer), .init("cameras_new", .integer), .init("cost", .real),
            .init("demand_weight", .real), .init("covered_weight", .real), .init("covered_share", .real),
            .init("hot95_cells", .integer), .init("hot95_covered", .integer), .init("area_km2", .real),
            .init("cameras_per_km2", .real),
        ])
        for g in o.groups {
            let cams = Double(g.camerasExisting + g.camerasNew)
            t.rows.append([
                .string(g.group), .integer(Int64(g.camerasExisting)), .integer(Int64(g.camerasNew)), .real(g.cost),
                .real(g.demandWeight), .real(g.coveredWeight), g.demandWeight > 0 ? .real(g.coveredWeight / g.demandWeight) : .null,
                .integer(Int64(g.hotCells95)), .integer(Int64(g.hotCells95Covered)), .real(g.areaKm2),
                g.areaKm2 > 0 ? .real(cams / g.areaKm2) : .null,
            ])
        }
        return t
    }

    /// Console lines for a placement.
    public static func console(_ o: PlacementOutcome, costUnit: String) -> String {
        let ratio = o.totalWeight > 0 ? o.coveredWeight / o.totalWeight : 0
        var s = String(format: "cameras: %d (%d existing, %d new); cost of the new ones %.1f %@\n", o.cameras.count,
                       o.cameras.filter(\.existing).count, o.cameras.filter { !$0.existing }.count, o.newCost, costUnit)
        if let lb = o.lowerBoundCameras {
            let placed = o.cameras.filter { !$0.existing }.count
            s += String(format: "covered weight %.2f of %.2f (%.2f%%)\n", o.coveredWeight, o.totalWeight, ratio * 100)
            s += String(format: "LSCP: %d new cameras reach the target; at least %d are needed; certified gap %.3f%% (%@, %@)\n",
                        placed, lb, o.gap * 100, o.boundSource, o.stopReason)
        } else {
            s += String(format: "covered weight %.2f of %.2f (%.2f%%); upper bound %.2f; certified gap %.3f%% (%@, %@)\n",
                        o.coveredWeight, o.totalWeight, ratio * 100, o.upperBound, o.gap * 100, o.boundSource, o.stopReason)
        }
        for w in o.warnings { s += "warning: \(w)\n" }
        s += String(format: "%d demand points, %d candidate sites, %d facilities; solved in %.2f s\n",
                    o.demandCount, o.siteCount, o.facilityCount, o.runtimeSeconds)
        return s
    }

    static func planarArea(_ p: Polygon<PlanarPoint>) -> Double {
        func ring(_ r: [PlanarPoint]) -> Double {
            guard r.count > 2 else { return 0 }
            var a = 0.0
            for i in 0 ..< r.count - 1 { a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y }
            return abs(a) / 2
        }
        return ring(p.exterior) - p.holes.map(ring).reduce(0, +)
    }
}
