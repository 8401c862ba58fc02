import Foundation
import GeoKit
import Traffic

/// The layers of a traffic scenario: `blackspots` (road segments with their accident
/// counts and the black-spot rule) and `gateways` (roads crossing a cordoned group's
/// boundary, watched or not), and `traffic-summary.json`.
public enum TrafficOutputs {
    /// `blackspots`: one line per road segment of the counted classes: `segment_id`,
    /// `road_name`, `road_class`, `length_m`, `group`, `accidents`, `fatal`, `injured`
    /// (null without an injuries column), `weight` (class-weighted accidents), `rank`
    /// (1 = worst; null without accidents), `is_blackspot`, `covered_accidents` (in a planned
    /// footprint), `watched` (a black spot with at least one covered accident).
    public static func blackSpotLayer(_ o: TrafficOutcome, toLonLat: CoordinateTransform) throws -> OutputLayer {
        let a = o.plan.blackSpots
        var features: [Feature<LonLat>] = []
        for (k, s) in a.segments.enumerated() {
            let c = a.counts[k]
            let line: [LonLat] = try toLonLat.transform(s.line.points)
            features.append(Feature(index: k, geometry: .lineString(LineString(line)), attributes: [
                "segment_id": .string(s.id), "road_name": .string(s.roadName), "road_class": .string(s.roadClass),
                "length_m": .real((s.lengthMeters * 10).rounded() / 10), "group": o.segmentGroup[k].map { .string($0) } ?? .null,
                "accidents": .integer(Int64(c.accidents)), "fatal": .integer(Int64(c.fatal)),
                "injured": c.injured.map { .integer(Int64($0)) } ?? .null, "weight": .real(c.weight),
                "rank": c.rank.map { .integer(Int64($0)) } ?? .null, "is_blackspot": .bool(c.isBlackSpot),
                "covered_accidents": .integer(Int64(o.plan.segmentCoveredAccidents[k])),
                "watched": .bool(c.isBlackSpot && o.plan.segmentCoveredAccidents[k] > 0),
            ]))
        }
        return try OutputLayer(name: "blackspots", fields: [
            .init("segment_id", .string), .init("road_name", .string), .init("road_class", .string), .init("length_m", .real),
            .init("group", .string), .init("accidents", .integer), .init("fatal", .integer), .init("injured", .integer),
            .init("weight", .real), .init("rank", .integer), .init("is_blackspot", .bool), .init("covered_accidents", .integer),
            .init("watched", .bool),
        ], geometryType: .lineString, features: features)
    }

    /// `gateways`: one point per gateway: `gateway_id`, `group`, `road_name`, `road_class`,
    /// `watched`, `site_id` (the plate camera's site, null when not watched).
    public static func gatewayLayer(_ o: TrafficOutcome, toLonLat: CoordinateTransform) throws -> OutputLayer {
        var features: [Feature<LonLat>] = []
        for (k, g) in o.plan.gateways.enumerated() {
            let p: LonLat = try toLonLat.transform(g.location)
            features.append(Feature(index: k, geometry: .point(p), attributes: [
                "gateway_id": .string(g.id), "group": .string(g.group), "road_name": .string(g.roadName),
                "road_class": .string(g.roadClass), "watched": .bool(o.plan.gatewaySite[k] != nil),
                "site_id": o.plan.gatewaySite[k].map { .string($0) } ?? .null,
            ]))
        }
        return try OutputLayer(name: "gateways", fields: [
            .init("gateway_id", .string), .init("group", .string), .init("road_name", .string), .init("road_class", .string),
            .init("watched", .bool), .init("site_id", .string),
        ], geometryType: .point, features: features)
    }

    /// `traffic-summary.json`.
    public struct Summary: Codable, Sendable, Equatable {
        public var rule: String
        public var segmentLengthM: Double
        public var segments: Int
        public var accidents: Int
        public var accidentsOffNetwork: Int
        public var blackspots: Int
        public var blackspotsWatched: Int
        public var gateways: Int
        public var gatewaysWatched: Int
        public var cordonCameras: Int
        public var cordonLowerBound: Int?
        public var trafficCameras: Int
        public var accidentWeight: Double
        public var accidentWeightCovered: Double
        public var accidentCoverage: Double
        public var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case rule, segments, accidents, blackspots, gateways, warnings
            case segmentLengthM = "segment_length_m", accidentsOffNetwork = "accidents_off_network"
            case blackspotsWatched = "blackspots_watched", gatewaysWatched = "gateways_watched"
            case cordonCameras = "cordon_cameras", cordonLowerBound = "cordon_lower_bound", trafficCameras = "traffic_cameras"
            case accidentWeight = "accident_weight", accidentWeightCovered = "accident_weight_covered"
            case accidentCoverage = "accident_coverage"
        }
    }

    /// - Parameter warnings: the scenario's warnings (inputs and plan), as in `summary.json`.
    public static func summary(_ o: TrafficOutcome, accidents: AccidentFigures, warnings: [String]) -> Summary {
        let p = o.plan
        let total = accidents.weight, covered = accidents.covered
        return Summary(rule: p.settings.blackSpotRule.summary, segmentLengthM: p.settings.blackSpotRule.segmentLengthMeters,
                       segments: p.blackSpots.segments.count, accidents: p.blackSpots.segmentOfAccident.count,
                       accidentsOffNetwork: p.blackSpots.unmatchedAccidents, blackspots: p.blackSpots.blackSpots.count,
                       blackspotsWatched: p.blackSpotsWatched, gateways: p.gateways.count, gatewaysWatched: p.gatewaysWatched,
                       cordonCameras: p.cameras.filter(\.cordon).count, cordonLowerBound: p.cordonLowerBound,
                       trafficCameras: p.cameras.filter { !$0.cordon }.count, accidentWeight: total,
                       accidentWeightCovered: covered, accidentCoverage: total > 0 ? covered / total : 0, warnings: warnings)
    }
}

extension ArtifactContext {
    /// The `blackspots` layer of a traffic scenario (nil otherwise).
    public func blackSpotLayer() throws -> OutputLayer? {
        try layer("blackspots") { try products.traffic.map { try TrafficOutputs.blackSpotLayer($0, toLonLat: toLonLat) } }
    }

    /// The `gateways` layer of a traffic scenario with a cordon (nil otherwise).
    public func gatewayLayer() throws -> OutputLayer? {
        try layer("gateways") {
            guard let t = products.traffic, !t.plan.gateways.isEmpty else { return nil }
            return try TrafficOutputs.gatewayLayer(t, toLonLat: toLonLat)
        }
    }
}

extension TrafficOutputs {
    /// Console lines of a traffic plan: black spots, gateways, accident coverage (the warnings
    /// are the placement's).
    public static func console(_ o: TrafficOutcome, accidents: AccidentFigures) -> String {
        let p = o.plan
        var s = "black spots: \(p.blackSpots.blackSpots.count) of \(p.blackSpots.segments.count) road segments "
            + "(\(p.settings.blackSpotRule.summary)); \(p.blackSpotsWatched) watched\n"
        if !p.gateways.isEmpty {
            s += "gateways: \(p.gatewaysWatched) of \(p.gateways.count) watched by \(p.cameras.filter(\.cordon).count) plate cameras"
                + (p.cordonLowerBound.map { " (at least \($0) needed)" } ?? "") + "\n"
        }
        s += "accidents (class-weighted) inside the footprints: " + String(format: "%.1f%%", 100 * accidents.share) + "\n"
        return s
    }
}

extension TrafficOutputs {
    /// The page layers of a traffic scenario: road segments with accidents (black spots red;
    /// the file has every segment, the page only those with accidents) and the gateways.
    static func pageLayers(_ c: ArtifactContext) throws -> [HTMLReport.Layer] {
        let lang = c.outputs.lang
        var layers: [HTMLReport.Layer] = []
        if let spots = try c.blackSpotLayer() {
            layers.append(.init(title: lang.text(.blackSpots),
                                features: spots.features.filter { $0["accidents"] != .integer(0) },
                                paint: .flag(field: "is_blackspot", on: "#d62f27", off: "#999999"),
                                tooltip: ["segment_id", "road_name", "accidents", "fatal", "rank", "is_blackspot", "watched"],
                                legend: [("#d62f27", lang.text(.blackSpot)), ("#999999", lang.text(.segmentWithAccidents))]))
        }
        if let gates = try c.gatewayLayer() {
            layers.append(.init(title: lang.text(.gateways), features: gates.features,
                                paint: .flag(field: "watched", on: "#1a9850", off: "#d62f27"),
                                tooltip: ["gateway_id", "group", "road_name", "road_class", "watched", "site_id"],
                                legend: [("#1a9850", lang.text(.gatewayWatched)), ("#d62f27", lang.text(.gatewayNotWatched))]))
        }
        return layers
    }
}
