/// When a road segment is a black spot (điểm đen).
///
/// Source: Thông tư 26/2012/TT-BGTVT of the Ministry of Transport (20/07/2012, "Quy định về
/// việc xác định và xử lý vị trí nguy hiểm trên đường bộ đang khai thác"), which defines a
/// black spot by the accidents, and the deaths among them, on a short road section within
/// 12 months. The defaults follow its three alternative conditions: at least 2 accidents
/// with deaths, or at least 3 accidents of which at least 1 with deaths, or at least 4
/// accidents, on one section within one year. Every number is configurable (a scenario's
/// `blackspots:` block) because the circular has been amended and local practice varies;
/// check the text in force before relying on the defaults.
public struct BlackSpotRule: Sendable, Hashable {
    /// How the years of the data are counted.
    public enum Window: String, Sendable, Hashable, CaseIterable {
        /// The rule must hold within one calendar year (the circular's 12 months); a segment is
        /// a black spot when it holds in any year given.
        case perYear = "per_year"
        /// The rule is applied to the counts over all the years given.
        case allYears = "all_years"
    }

    /// Length of the road segments, metres (default 500).
    public var segmentLengthMeters: Double = 500
    /// An accident farther than this from every segment is not on the counted network.
    public var snapToleranceMeters: Double = 30
    /// At least this many fatal accidents (nil: condition unused).
    public var minFatal: Int? = 2
    /// At least this many accidents, of which at least one fatal (nil: unused).
    public var minAccidentsWithFatal: Int? = 3
    /// At least this many accidents of any class (nil: unused).
    public var minAccidents: Int? = 4
    public var window: Window = .perYear
    /// Road classes segmented (OpenStreetMap `highway`; empty = all roads).
    public var roadClasses: [String] = ["motorway", "trunk", "primary", "secondary", "tertiary",
                                        "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link"]

    public init() {}

    /// Checks the numbers.
    /// - Throws: ``TrafficError/invalidSetting(_:)`` naming the field.
    public func validate() throws {
        guard segmentLengthMeters.isFinite, segmentLengthMeters > 0 else {
            throw TrafficError.invalidSetting("blackspots.segment_m must be > 0 metres, got \(segmentLengthMeters)")
        }
        guard snapToleranceMeters.isFinite, snapToleranceMeters > 0 else {
            throw TrafficError.invalidSetting("blackspots.snap_m must be > 0 metres, got \(snapToleranceMeters)")
        }
        for (name, v) in [("min_fatal", minFatal), ("min_accidents_with_fatal", minAccidentsWithFatal), ("min_accidents", minAccidents)] {
            if let v, v < 1 { throw TrafficError.invalidSetting("blackspots.\(name) must be >= 1 (or left out), got \(v)") }
        }
        guard minFatal != nil || minAccidentsWithFatal != nil || minAccidents != nil else {
            throw TrafficError.invalidSetting("blackspots: at least one of min_fatal, min_accidents_with_fatal, min_accidents is needed")
        }
    }

    /// Whether `accidents` accidents of which `fatal` fatal, in one window, make a black spot.
    public func holds(accidents: Int, fatal: Int) -> Bool {
        if let m = minFatal, fatal >= m { return true }
        if let m = minAccidentsWithFatal, accidents >= m, fatal >= 1 { return true }
        if let m = minAccidents, accidents >= m { return true }
        return false
    }

    /// One line for reports: the rule in words.
    public var summary: String {
        var parts: [String] = []
        if let m = minFatal { parts.append("≥ \(m) fatal accidents") }
        if let m = minAccidentsWithFatal { parts.append("≥ \(m) accidents with ≥ 1 fatal") }
        if let m = minAccidents { parts.append("≥ \(m) accidents") }
        let span = window == .perYear ? "within one year" : "over all years given"
        return "\(Int(segmentLengthMeters)) m segments; \(parts.joined(separator: " or ")) \(span) (Thông tư 26/2012/TT-BGTVT)"
    }
}
