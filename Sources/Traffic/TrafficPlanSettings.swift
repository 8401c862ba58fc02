import Foundation
import Optimizer

/// What a traffic plan weighs: accidents, or the road network by class.
public enum TrafficDemand: String, Sendable, Hashable, CaseIterable {
    /// Each accident weighted by its class (×``TrafficPlanSettings/blackSpotPriority`` on a black spot).
    case accidents
    /// Points every 25 m along the counted roads, weighted by road class (``TrafficPlanSettings/roadClassWeights``).
    case roads
}

/// The settings of a traffic plan (directive item 4): black-spot rule, gateways and cordon,
/// road-aligned cameras and their budget.
public struct TrafficPlanSettings: Sendable, Equatable {
    public var accidentWeights = AccidentWeights.standard
    public var blackSpotRule = BlackSpotRule()
    /// Weight multiplier for accidents on black-spot segments (1 = none).
    public var blackSpotPriority: Double = 3
    public var demand: TrafficDemand = .accidents
    /// Groups whose gateways are cordoned with plate cameras (empty: no cordon).
    public var gatewayGroups: [String] = []
    /// Road classes whose boundary crossings are gateways.
    public var gatewayClasses: [String] = GatewayDetector.defaultClasses
    /// Catalog id of the plate camera of the cordon.
    public var plateCamera = "lpr_2mp"
    /// Budget of the whole plan: the cordon is paid first, traffic cameras take the rest.
    public var budget: PlacementProblem.Budget = .count(100)
    /// Half width of the carriageway by road class, metres; ``defaultHalfWidthMeters`` for others.
    public var halfWidthByClass: [String: Double] = [
        "motorway": 12, "trunk": 10, "primary": 8, "secondary": 6, "tertiary": 5,
    ]
    public var defaultHalfWidthMeters: Double = 4
    /// Road demand weight per class (``TrafficDemand/roads``); 0.5 for classes not listed.
    public var roadClassWeights: [String: Double] = [
        "motorway": 3, "trunk": 3, "primary": 2, "secondary": 1.2, "tertiary": 1,
    ]
    public var roadDemandSpacingMeters: Double = 25
    public var perSite = 1
    public var timeLimitSeconds: Double? = 60

    public init() {}

    /// The carriageway half width of a road of class `c`, metres.
    public func halfWidth(_ c: String) -> Double {
        halfWidthByClass[c.lowercased()] ?? halfWidthByClass[c.lowercased().replacingOccurrences(of: "_link", with: "")]
            ?? defaultHalfWidthMeters
    }

    /// The road-demand weight of class `c`.
    public func roadWeight(_ c: String) -> Double {
        roadClassWeights[c.lowercased()] ?? roadClassWeights[c.lowercased().replacingOccurrences(of: "_link", with: "")] ?? 0.5
    }
}
