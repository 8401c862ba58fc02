/// What `camplan inspect` reports: wards and incidents per group, and what was rejected and
/// repaired. `Codable` with deterministic key order when encoded with `.sortedKeys`.
public struct InputSummary: Sendable, Codable, Equatable {
    public struct Group: Sendable, Codable, Equatable {
        public var name: String
        public var wards: Int
        /// Ward count by ``WardType`` raw value ("phường", "xã", ...).
        public var wardsByType: [String: Int]
        public var areaSquareKilometers: Double
        public var incidents: Int
        /// Incident count by year ("undated" for rows without a date).
        public var incidentsByYear: [String: Int]
        public var incidentsByCategory: [String: Int]
        public var incidentsBySeverity: [String: Int]
    }

    public var wardsFile: String
    public var groupField: String?
    public var sourceCRS: String
    public var workCRS: String
    public var wardCount: Int
    public var wardsByType: [String: Int]
    public var areaSquareKilometers: Double
    /// Groups in first-appearance order.
    public var groups: [Group]
    public var repairs: [PolygonRepair]
    public var incidentsFile: String?
    public var incidentsCRS: String?
    public var incidentRows: Int
    public var incidentCount: Int
    public var incidentsByYear: [String: Int]
    public var incidentsByCategory: [String: Int]
    public var incidentsBySeverity: [String: Int]
    /// Rejected row count by ``RejectReason`` raw value.
    public var rejectedByReason: [String: Int]
    public var rejectedCount: Int
    /// The loaders' warnings (boundaries first, then incidents): what may make a result wrong
    /// without being an error.
    public var warnings: [String]
    /// The installed-camera file (`inspect --existing`) and how many of its cameras are kept.
    public var installedFile: String?
    public var installedCount: Int?

    /// Tallies `boundaries` and (optionally) `incidents`. O(wards + incidents).
    public init(boundaries: BoundarySet, incidents: IncidentSet?) {
        wardsFile = boundaries.file
        groupField = boundaries.groupField
        sourceCRS = boundaries.sourceCRS.description
        workCRS = boundaries.workCRS.description
        wardCount = boundaries.wards.count
        repairs = boundaries.repairs
        var byName = [String: Group]()
        for w in boundaries.wards {
            var g = byName[w.group] ?? Group(name: w.group, wards: 0, wardsByType: [:], areaSquareKilometers: 0, incidents: 0,
                                             incidentsByYear: [:], incidentsByCategory: [:], incidentsBySeverity: [:])
            g.wards += 1
            g.wardsByType[w.type.rawValue, default: 0] += 1
            g.areaSquareKilometers += w.areaSquareMeters / 1e6
            byName[w.group] = g
        }
        var byYear = [String: Int](), byCategory = [String: Int](), bySeverity = [String: Int]()
        if let incidents {
            // Tally per group with dense counters first (one dictionary update per distinct
            // key and group, not per incident).
            let groupNames = boundaries.groups
            let groupOfName = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) })
            let groupOfWard = boundaries.wards.map { groupOfName[$0.group] ?? 0 }
            var counts = [Int](repeating: 0, count: groupNames.count)
            var yearCounts = [[String: Int]](repeating: [:], count: groupNames.count)
            var categoryCounts = yearCounts, severityCounts = yearCounts
            var yearKey = [Int: String]()
            for i in 0..<incidents.count {
                let g = groupOfWard[incidents.wardIndices[i]]
                counts[g] += 1
                let year: String
                if let y = incidents.dates[i]?.year {
                    if let k = yearKey[y] { year = k } else { year = String(y); yearKey[y] = year }
                } else {
                    year = "undated"
                }
                yearCounts[g][year, default: 0] += 1
                categoryCounts[g][incidents.categories[i].isEmpty ? "(none)" : incidents.categories[i], default: 0] += 1
                severityCounts[g][incidents.severities[i].isEmpty ? "(none)" : incidents.severities[i], default: 0] += 1
            }
            for (g, name) in groupNames.enumerated() {
                byName[name]?.incidents = counts[g]
                byName[name]?.incidentsByYear = yearCounts[g]
                byName[name]?.incidentsByCategory = categoryCounts[g]
                byName[name]?.incidentsBySeverity = severityCounts[g]
                for (k, v) in yearCounts[g] { byYear[k, default: 0] += v }
                for (k, v) in categoryCounts[g] { byCategory[k, default: 0] += v }
                for (k, v) in severityCounts[g] { bySeverity[k, default: 0] += v }
            }
        }
        groups = boundaries.groups.compactMap { byName[$0] }
        wardsByType = groups.reduce(into: [:]) { acc, g in for (k, v) in g.wardsByType { acc[k, default: 0] += v } }
        areaSquareKilometers = boundaries.wards.reduce(0) { $0 + $1.areaSquareMeters } / 1e6
        incidentsFile = incidents?.file
        incidentsCRS = incidents?.sourceCRS.description
        incidentRows = incidents?.rowCount ?? 0
        incidentCount = incidents?.count ?? 0
        incidentsByYear = byYear
        incidentsByCategory = byCategory
        incidentsBySeverity = bySeverity
        rejectedByReason = (incidents?.rejections ?? []).reduce(into: [:]) { $0[$1.reason.rawValue, default: 0] += 1 }
        rejectedCount = incidents?.rejections.count ?? 0
        warnings = boundaries.warnings + (incidents?.warnings ?? [])
    }
}
