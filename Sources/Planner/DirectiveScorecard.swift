import GeoKit

import Foundation

/// One numeric target of Chỉ thị 15/CT-UBND item 3 (and item 4 for traffic accidents),
/// judged for one group or for the whole province.
public struct ScorecardLine: Sendable, Equatable {
    /// The group value, or `province` for the whole area.
    public var scope: String
    /// Target key: `crime_change`, `clearance`, `serious_clearance`, `reports_resolved`,
    /// `accident_change`.
    public var target: String
    /// What the directive asks, in words.
    public var requirement: String
    /// The measured value (percent for changes, share 0...1 for rates); `nil` = no data.
    public var value: Double?
    public var threshold: Double
    /// `<=`, `<`, `>` or `>=`.
    public var comparison: String
    /// `met`, `not met`, or `no data`.
    public var status: String
}

/// The directive's scorecard (item 3: crime down at least 5% on the previous year, clearance
/// above 75%, above 90% for very serious and especially serious cases, over 90% of reports
/// resolved; item 4: fewer traffic accidents than the previous year).
public enum DirectiveScorecard {
    /// Lines per group (sorted by group) and then for the province, for `year` against
    /// `year - 1`. Targets whose data is absent (no report field, no accident layer) are
    /// omitted; targets with no case in a group say `no data`.
    public static func compute(_ wards: [WardRecord], year: Int) -> [ScorecardLine] {
        var groups: [String: WardRecord] = [:]
        var province = WardRecord(id: "province", name: "province", type: "", group: "province", areaKm2: 0)
        for w in wards {
            groups[w.group, default: WardRecord(id: w.group, name: w.group, type: "", group: w.group, areaKm2: 0)].accumulate(w)
            province.accumulate(w)
        }
        let hasReports = wards.contains { $0.reportsResolvedByYear != nil }
        let hasAccidents = wards.contains { $0.accidentsByYear != nil }
        var out: [ScorecardLine] = []
        for (key, record) in groups.sorted(by: { $0.key < $1.key }) {
            out += lines(scope: key, record, year: year, reports: hasReports, accidents: hasAccidents)
        }
        out += lines(scope: "province", province, year: year, reports: hasReports, accidents: hasAccidents)
        return out
    }

    static func lines(scope: String, _ r: WardRecord, year: Int, reports: Bool, accidents: Bool) -> [ScorecardLine] {
        func line(_ target: String, _ req: String, _ v: Double?, _ t: Double, _ cmp: String) -> ScorecardLine {
            let met: Bool? = v.map { v in
                switch cmp {
                case "<=": v <= t + 1e-12
                case "<": v < t
                case ">": v > t
                default: v >= t - 1e-12
                }
            }
            return ScorecardLine(scope: scope, target: target, requirement: req, value: v, threshold: t,
                                 comparison: cmp, status: met.map { $0 ? "met" : "not met" } ?? "no data")
        }
        var out = [
            line("crime_change", "social-order crime down at least 5% on \(year - 1)", r.changePercent(year: year), -5, "<="),
            line("clearance", "clearance above 75%", r.clearance(year: year), 0.75, ">"),
            line("serious_clearance", "clearance of very serious and especially serious cases above 90%",
                 r.seriousClearance(year: year), 0.90, ">"),
        ]
        if reports {
            let n = r.incidentsByYear[year] ?? 0
            let v: Double? = n > 0 ? Double(r.reportsResolvedByYear?[year] ?? 0) / Double(n) : nil
            out.append(line("reports_resolved", "over 90% of crime reports resolved", v, 0.90, ">"))
        }
        if accidents, let a = r.accidentsByYear {
            let v = WardRecord.changePercent(now: a[year] ?? 0, before: a[year - 1] ?? 0)
            out.append(line("accident_change", "traffic accidents down on \(year - 1)", v, 0, "<"))
        }
        return out
    }
}
