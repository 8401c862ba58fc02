/// When a road segment is a black spot (điểm đen).
///
/// Source of the defaults: Thông tư 26/2012/TT-BGTVT of the Ministry of Transport
/// (20/07/2012, in force 15/09/2012, "Quy định về việc xác định và xử lý vị trí nguy hiểm
/// trên đường bộ đang khai thác"; art. 3(2): a black spot is "nơi thường xảy ra tai nạn giao
/// thông"), as its criteria are paraphrased in the press (Báo Bà Rịa–Vũng Tàu, 11/2020):
/// within 12 months, 2 serious accidents (tai nạn nghiêm trọng, the lightest class with a
/// death), or 3 or more accidents one of which fatal, or 4 or more accidents with injuries
/// only. The article with the numbers, and the 500 m section length, were NOT verified
/// against the circular's text; since 01/01/2025 black spots are identified under Thông tư
/// 41/2024/TT-BGTVT (art. 14 criteria, art. 15 procedure), whose numbers were not seen
/// either. The defaults count the fourth condition on accidents of any class (collisions
/// without injury included). Every number is configurable (scenario keys `blackspot_*`);
/// check the text in force before relying on them.
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
        // The circular is named only for its numbers; a changed rule is the user's own.
        let d = BlackSpotRule()
        let source = (segmentLengthMeters, minFatal, minAccidentsWithFatal, minAccidents, window)
            == (d.segmentLengthMeters, d.minFatal, d.minAccidentsWithFatal, d.minAccidents, d.window)
            ? "defaults after Thông tư 26/2012/TT-BGTVT, not verified against its text" : "as configured"
        return "\(Int(segmentLengthMeters)) m segments; \(parts.joined(separator: " or ")) \(span) (\(source))"
    }
}
