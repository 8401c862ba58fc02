import Coverage
import GeoKit

/// Accidents counted on fixed-length road segments and the black-spot rule applied to them.
public struct BlackSpotAnalysis: Sendable {
    /// Counts of one segment.
    public struct SegmentCounts: Sendable, Hashable {
        public var accidents = 0
        public var fatal = 0
        /// Injured people, when the accident file has an injuries column.
        public var injured: Int?
        /// Sum of the accidents' class weights.
        public var weight = 0.0
        public var isBlackSpot = false
        /// 1 = worst; `nil` for a segment without accidents.
        public var rank: Int?
    }

    public let rule: BlackSpotRule
    public let segments: [RoadSegment]
    public let counts: [SegmentCounts]
    /// Segment of each accident (`nil`: farther than the snap tolerance from every segment).
    public let segmentOfAccident: [Int?]

    /// Indices of the black-spot segments, in rank order.
    public var blackSpots: [Int] {
        counts.indices.filter { counts[$0].isBlackSpot }.sorted { (counts[$0].rank ?? .max) < (counts[$1].rank ?? .max) }
    }

    /// Accidents not within the snap tolerance of a counted segment.
    public var unmatchedAccidents: Int { segmentOfAccident.filter { $0 == nil }.count }

    /// Segments `roads` (the rule's classes), snaps every accident to its nearest segment and
    /// applies the rule.
    ///
    /// Ranking: black spots first, then more fatal accidents, more accidents, more weight,
    /// lower segment index.
    /// - Throws: ``TrafficError/invalidSetting(_:)``, ``TrafficError/noRoads(classes:)``.
    /// - Complexity: O(E + n·k) for E road edges, n accidents and k edges near an accident.
    public init(roads: RoadNetwork, accidents: AccidentTable, weights: AccidentWeights = .standard,
                rule: BlackSpotRule = BlackSpotRule()) throws {
        try rule.validate()
        let lines = roads.filtered(classes: rule.roadClasses)
        guard !lines.isEmpty else { throw TrafficError.noRoads(classes: rule.roadClasses) }
        let segments = try RoadSegmenter.segments(lines, lengthMeters: rule.segmentLengthMeters)
        let grid = LineEdgeIndex(lines: segments.map(\.line.points), cellMeters: max(50, rule.snapToleranceMeters))
        var of = [Int?](repeating: nil, count: accidents.count)
        for i in 0 ..< accidents.count {
            of[i] = grid.nearestLine(to: accidents.points[i], within: rule.snapToleranceMeters)
        }
        let w = accidents.weights(weights)
        var counts = [SegmentCounts](repeating: SegmentCounts(), count: segments.count)
        if accidents.injuries != nil { for s in counts.indices { counts[s].injured = 0 } }
        // Per window (a year, or one bucket), accidents and fatal ones per segment.
        var windows: [Int?: [Int: (Int, Int)]] = [:]
        for i in 0 ..< accidents.count {
            guard let s = of[i] else { continue }
            let fatal = accidents.isFatal(i)
            counts[s].accidents += 1
            if fatal { counts[s].fatal += 1 }
            counts[s].weight += w[i]
            if let inj = accidents.injuries { counts[s].injured! += inj[i] }
            let key: Int? = rule.window == .perYear ? accidents.years[i] : nil
            let old = windows[key, default: [:]][s] ?? (0, 0)
            windows[key, default: [:]][s] = (old.0 + 1, old.1 + (fatal ? 1 : 0))
        }
        for (_, bySegment) in windows {
            for (s, c) in bySegment where rule.holds(accidents: c.0, fatal: c.1) { counts[s].isBlackSpot = true }
        }
        let ordered = counts.indices.filter { counts[$0].accidents > 0 }.sorted { a, b in
            let x = counts[a], y = counts[b]
            if x.isBlackSpot != y.isBlackSpot { return x.isBlackSpot }
            if x.fatal != y.fatal { return x.fatal > y.fatal }
            if x.accidents != y.accidents { return x.accidents > y.accidents }
            if x.weight != y.weight { return x.weight > y.weight }
            return a < b
        }
        for (r, s) in ordered.enumerated() { counts[s].rank = r + 1 }
        self.rule = rule
        self.segments = segments
        self.counts = counts
        self.segmentOfAccident = of
    }
}
