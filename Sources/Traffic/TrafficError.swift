/// Errors of the traffic layer (accidents, black spots, gateways, cordons), each naming what
/// a user must fix.
public enum TrafficError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting is out of range or unknown; the message names it.
    case invalidSetting(String)
    /// No road of the asked classes was found (`classes` as asked).
    case noRoads(classes: [String])
    /// A group named in a cordon does not exist; `known` lists the groups.
    case unknownGroup(String, known: [String])
    /// A cordon group has no road of the chosen classes crossing its boundary.
    case noGateways(group: String, classes: [String])

    public var description: String {
        switch self {
        case let .invalidSetting(m): m
        case let .noRoads(classes): "no road of the classes \(classes.joined(separator: ", ")) in the road layer"
        case let .unknownGroup(g, known): "no group '\(g)'; groups are: \(known.joined(separator: ", "))"
        case let .noGateways(g, classes):
            "group '\(g)': no road of the classes \(classes.joined(separator: ", ")) crosses its boundary"
        }
    }
}
