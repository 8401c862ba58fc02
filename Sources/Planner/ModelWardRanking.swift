import GeoKit

import Foundation

/// The criteria for the directive's two model titles (item 5): "Phường điển hình, kiểu mẫu
/// về ANTT và văn minh đô thị" (model ward) and "Xã điển hình về phong trào toàn dân bảo vệ
/// an ninh Tổ quốc" (model commune). The official criteria (Decision 9745/QĐ-BCA-V05) are
/// not public, so the defaults come from the directive's own item-3 targets; every
/// threshold and weight can be changed.
public struct ModelWardCriteria: Sendable, Equatable {
    /// Crime change on the previous year must be at or below this (percent; directive: -5).
    public var crimeChangeMaxPercent: Double = -5
    /// Clearance rate must be above this (directive: "trên 75%").
    public var clearanceMin: Double = 0.75
    /// Clearance of very serious and especially serious cases must be above this (90%).
    public var seriousClearanceMin: Double = 0.90
    /// The ward must not be a complex area ("địa bàn trọng điểm phức tạp"), judged within
    /// its list (``ComplexAreas``).
    public var complexArea = ComplexAreaRule()
    /// Share of weighted incidents covered by cameras after the plan must be above zero, at
    /// least this floor, and at least ``coverageQuantile`` of the ward's own list; `nil` leaves
    /// the criterion out (no camera plan to judge). The directive sets no number, and an
    /// absolute figure depends on how cameras are credited (a 4-preset PTZ covers a quarter of
    /// what an 80 m disc did), so the default judges a ward against its own list.
    public var coverageMin: Double? = 0
    /// The covered share must be at or above this quantile of the list's covered shares
    /// (0.5 = the list's median; 0 = the floor alone).
    public var coverageQuantile: Double = 0.5
    /// Incident rate (per 1,000 residents when population exists, else per km²) must be at
    /// or below this quantile of the ward's own list (0.5 = the list's median).
    public var rateMaxQuantile: Double = 0.5
    /// Weight of each criterion in the score, by criterion key.
    public var weights: [String: Double] = [
        "crime_change": 1, "clearance": 1, "serious_clearance": 1, "not_complex": 1, "coverage": 1, "rate": 1,
    ]
    /// Which unit types go to which list: list key -> types.
    public var lists: [(key: String, title: String, types: [String])] = [
        ("model_ward", "Phường điển hình, kiểu mẫu về ANTT và văn minh đô thị", ["phường"]),
        ("model_commune", "Xã điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc", ["xã", "thị trấn"]),
    ]

    public init() {}

    public static func == (a: ModelWardCriteria, b: ModelWardCriteria) -> Bool {
        a.crimeChangeMaxPercent == b.crimeChangeMaxPercent && a.clearanceMin == b.clearanceMin
            && a.seriousClearanceMin == b.seriousClearanceMin && a.complexArea == b.complexArea
            && a.coverageMin == b.coverageMin && a.coverageQuantile == b.coverageQuantile && a.rateMaxQuantile == b.rateMaxQuantile && a.weights == b.weights
            && a.lists.map(\.key) == b.lists.map(\.key) && a.lists.map(\.types) == b.lists.map(\.types)
    }
}

/// One criterion as judged for one ward: the value, the threshold, and whether it passed.
/// `value == nil` means not applicable (no case in that class, no base year): it counts as met,
/// and the value is empty (null) in the CSV and GeoJSON. Two exceptions count as not met:
/// cases that appear from zero (no base year) and a missing coverage figure.
public struct CriterionResult: Sendable, Equatable {
    public var key: String
    public var value: Double?
    public var threshold: Double
    /// `<=` or `>=`.
    public var comparison: String
    public var passed: Bool
    /// `not_complex`: the complex cells counted (the value is their density per km²); `nil`
    /// for the other criteria and without trends.
    public var count: Int? = nil
}

/// A ward's place in its list.
public struct RankedWard: Sendable, Equatable {
    public var listKey: String
    public var wardID: String
    public var wardName: String
    public var type: String
    public var group: String
    /// 0...100: weighted share of criteria met.
    public var score: Double
    /// 1-based rank within the list.
    public var rank: Int
    /// All criteria met.
    public var eligible: Bool
    public var criteria: [CriterionResult]
}

/// Ranks model-ward and model-commune candidates (directive item 5).
public enum ModelWardRanking {
    /// Criterion keys, in output order.
    public static let criterionKeys = ["crime_change", "clearance", "serious_clearance", "not_complex", "coverage", "rate"]

    /// A warning for each list whose types match no ward (the list would be empty), naming
    /// the types the wards have.
    public static func emptyListWarnings(_ wards: [WardRecord], criteria: ModelWardCriteria) -> [String] {
        var typeCounts = [String: Int]()
        for w in wards { typeCounts[w.type, default: 0] += 1 }
        let present = typeCounts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        return criteria.lists.filter { list in !wards.contains { list.types.contains($0.type) } }.map { list in
            "model-ward list '\(list.key)' (types: \(list.types.joined(separator: ", "))) matches no ward, so it is empty; the wards' types are: \(present)"
        }
    }

    /// Ranks `wards` for `year` (the latest year of data, compared with `year - 1`).
    ///
    /// Score = 100 × Σ weight·met / Σ weight. Ties: lower incident rate first, then ward id, so
    /// the order is deterministic. Wards whose type is in no list are left out.
    public static func rank(_ wards: [WardRecord], year: Int, criteria: ModelWardCriteria = .init()) -> [RankedWard] {
        var out: [RankedWard] = []
        for list in criteria.lists {
            let members = wards.filter { list.types.contains($0.type) }
            guard !members.isEmpty else { continue }
            let perResidents = members.allSatisfy { ($0.population ?? 0) > 0 }
            let rates = members.map { $0.rate(year: year, perResidents: perResidents) }
            let rateThreshold = quantile(rates, criteria.rateMaxQuantile)
            let complex = ComplexAreas.judge(members, rule: criteria.complexArea)
            let coverageThreshold = criteria.coverageMin.map { max($0, quantile(members.compactMap(\.coveredShare), criteria.coverageQuantile)) }
            var rows: [(RankedWard, Double)] = []
            for (k, (w, rate)) in zip(members, rates).enumerated() {
                let results = evaluate(w, year: year, rate: rate, rateThreshold: rateThreshold, coverageThreshold: coverageThreshold,
                                       complex: complex[k], criteria: criteria)
                var num = 0.0, den = 0.0
                for r in results {
                    let weight = criteria.weights[r.key] ?? 1
                    den += weight
                    if r.passed { num += weight }
                }
                let score = den > 0 ? (num / den * 100 * 1e6).rounded() / 1e6 : 0
                rows.append((RankedWard(listKey: list.key, wardID: w.id, wardName: w.name, type: w.type, group: w.group,
                                        score: score, rank: 0, eligible: results.allSatisfy(\.passed), criteria: results), rate))
            }
            rows.sort { a, b in
                if a.0.score != b.0.score { return a.0.score > b.0.score }
                if a.1 != b.1 { return a.1 < b.1 }
                return a.0.wardID < b.0.wardID
            }
            for (i, var r) in rows.map(\.0).enumerated() {
                r.rank = i + 1
                out.append(r)
            }
        }
        return out
    }

    static func evaluate(_ w: WardRecord, year: Int, rate: Double, rateThreshold: Double, coverageThreshold: Double?,
                         complex: ComplexAreaJudgement, criteria c: ModelWardCriteria) -> [CriterionResult] {
        func le(_ key: String, _ v: Double?, _ t: Double) -> CriterionResult {
            CriterionResult(key: key, value: v, threshold: t, comparison: "<=", passed: v.map { $0 <= t + 1e-12 } ?? true)
        }
        func gt(_ key: String, _ v: Double?, _ t: Double) -> CriterionResult {
            CriterionResult(key: key, value: v, threshold: t, comparison: ">", passed: v.map { $0 > t } ?? true)
        }
        func ge(_ key: String, _ v: Double?, _ t: Double) -> CriterionResult {
            CriterionResult(key: key, value: v, threshold: t, comparison: ">=", passed: v.map { $0 >= t - 1e-12 } ?? true)
        }
        // No base year: no cases in either year is "not applicable" (met); cases that
        // appear from zero are a rise (not met).
        var crime = le("crime_change", w.changePercent(year: year), c.crimeChangeMaxPercent)
        if crime.value == nil, (w.incidentsByYear[year] ?? 0) > 0 { crime.passed = false }
        var results = [
            crime,
            // The directive asks for clearance *above* 75% / 90% ("trên 75%"), as the scorecard.
            gt("clearance", w.clearance(year: year), c.clearanceMin),
            gt("serious_clearance", w.seriousClearance(year: year), c.seriousClearanceMin),
            // Complex-cell density per km² against its class's quantile (n/a without trends).
            CriterionResult(key: "not_complex", value: complex.densityPerKm2, threshold: complex.threshold, comparison: "<=",
                            passed: !complex.isComplex, count: complex.cells),
            le("rate", rate, rateThreshold),
        ]
        if let minimum = coverageThreshold {
            // A ward no camera reaches is not covered, whatever the list's median.
            var coverage = ge("coverage", w.coveredShare, minimum)
            if (w.coveredShare ?? 0) <= 0 { coverage.passed = false }
            results.insert(coverage, at: 4)
        }
        return results
    }

    /// Linear-interpolated quantile (type 7, as numpy's default).
    static func quantile(_ xs: [Double], _ q: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        let h = Double(s.count - 1) * min(max(q, 0), 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}
