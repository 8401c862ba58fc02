import Foundation

/// "Địa bàn trọng điểm phức tạp về ANTT" (directive item 5: the key areas complex in security
/// and social order), read as places where crime clusters *and stays*: cells whose emerging
/// hot-spot category (Gi* per year, Mann-Kendall trend) is persistent or intensifying, not
/// any 95% cell of one pooled year. A ward is judged against wards of its own class (phường
/// against phường, xã against xã): it is complex when it holds such cells and their density
/// (cells per km²) is above the `quantile` of its class. Urban phường are all denser than
/// rural xã, so a province-wide test would call every phường complex and leave the model-ward
/// list empty by construction.
public struct ComplexAreaRule: Sendable, Equatable {
    /// Emerging hot-spot categories that make a cell complex.
    public var categories: [String] = ["persistent_hot_spot", "intensifying_hot_spot"]
    /// A ward is complex when its complex-cell density is above this quantile of its class.
    public var quantile: Double = 0.75

    public init() {}
}

/// One ward judged by ``ComplexAreaRule``.
public struct ComplexAreaJudgement: Sendable, Equatable {
    /// Complex cells centred in the ward; `nil` without trends (fewer than three years).
    public var cells: Int?
    /// `cells / areaKm2`.
    public var densityPerKm2: Double?
    /// The class's quantile of densities.
    public var threshold: Double
    public var isComplex: Bool
}

public enum ComplexAreas {
    /// A warning when the criterion cannot be judged: without emerging hot-spot trends (fewer
    /// than three years, or trends turned off) every ward counts as not complex.
    /// A list of a single ward has no peers to be judged against: that ward is complex when it
    /// holds any complex cell (threshold 0), with a warning naming the list.
    public static func warnings(_ records: [WardRecord], criteria: ModelWardCriteria) -> [String] {
        guard !records.isEmpty else { return [] }
        if records.allSatisfy({ $0.trendCells == nil }) {
            return ["model-ward criterion not_complex counts as met for every ward: it needs emerging hot-spot trends "
                + "(at least 3 years of dated incidents, trends on)"]
        }
        return criteria.lists.compactMap { list in
            let members = records.filter { list.types.contains($0.type) }
            guard members.count == 1 else { return nil }
            return "model-ward list '\(list.key)' holds a single ward (\(members[0].name)): not_complex cannot compare it with "
                + "its peers, so any \(criteria.complexArea.categories.joined(separator: " or ")) cell makes it complex"
        }
    }

    /// Judges `members` (one class: the wards of one model list) by `rule`.
    public static func judge(_ members: [WardRecord], rule: ComplexAreaRule) -> [ComplexAreaJudgement] {
        let cells: [Int?] = members.map { w in w.trendCells.map { t in rule.categories.reduce(0) { $0 + (t[$1] ?? 0) } } }
        let density: [Double?] = zip(members, cells).map { w, c in c.map { w.areaKm2 > 0 ? Double($0) / w.areaKm2 : 0 } }
        // A single ward is its own quantile and could never lie above it: judge it absolutely.
        let threshold = members.count < 2 ? 0 : ModelWardRanking.quantile(density.compactMap { $0 }, rule.quantile)
        return zip(cells, density).map { c, d in
            ComplexAreaJudgement(cells: c, densityPerKm2: d, threshold: threshold,
                                 isComplex: (c ?? 0) > 0 && (d ?? 0) > threshold + 1e-12)
        }
    }
}
