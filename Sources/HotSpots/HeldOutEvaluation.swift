/// Held-out test of a hot-spot ranking: fit on the years before `year`, then count how much
/// of `year`'s crime falls in the top 1, 5 and 10 % of the area.
///
/// - PAI = (n / N) / (a / A) (Chainey, Tompson & Uhlig 2008): share of crime captured over
///   share of area.
/// - PEI* = n / n*, where n* is the most crime any selection of the same number of cells
///   could capture (the cells with the most test-year crime) (Hunt 2016): 0...1.
///
/// Cells are taken in descending score order (ties by cell index) until their area reaches
/// the share of the total area (at least one cell).
public struct HeldOutEvaluation: Sendable, Equatable {
    /// One method at one area share.
    public struct Row: Sendable, Equatable {
        /// `gi_star`, `kde` or `last_year_counts` (the naive baseline).
        public let method: String
        /// Target share of the area (0.01, 0.05, 0.10).
        public let areaShare: Double
        public let cells: Int
        /// Actual share of the area selected.
        public let selectedAreaShare: Double
        /// n: test-year incidents in the selected cells.
        public let capturedIncidents: Double
        /// N: test-year incidents in all cells.
        public let totalIncidents: Double
        public let pai: Double
        public let peiStar: Double
    }

    public let year: Int
    public let rows: [Row]

    public init(year: Int, rows: [Row]) {
        self.year = year
        self.rows = rows
    }

    /// PAI and PEI* of a ranking. O(n log n).
    /// - Throws: ``HotSpotError/mismatchedLengths(field:expected:found:)``;
    ///   ``HotSpotError/evaluationYearUnusable(year:reason:)`` when the test year has no
    ///   incidents (`year` is only used in that message).
    public static func rows(method: String, scores: [Double], testCounts: [Double], areasSquareMeters: [Double],
                            areaShares: [Double] = [0.01, 0.05, 0.10], year: Int = 0) throws -> [Row] {
        let n = scores.count
        guard testCounts.count == n else { throw HotSpotError.mismatchedLengths(field: "test counts", expected: n, found: testCounts.count) }
        guard areasSquareMeters.count == n else { throw HotSpotError.mismatchedLengths(field: "cell areas", expected: n, found: areasSquareMeters.count) }
        let total = testCounts.reduce(0, +)
        guard total > 0 else { throw HotSpotError.evaluationYearUnusable(year: year, reason: "no incidents in the test year") }
        let totalArea = areasSquareMeters.reduce(0, +)
        let order = (0..<n).sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        let best = testCounts.sorted(by: >)
        return areaShares.map { share in
            var k = 0, area = 0.0, captured = 0.0
            while k < n, k == 0 || area < share * totalArea * (1 - 1e-9) {
                area += areasSquareMeters[order[k]]
                captured += testCounts[order[k]]
                k += 1
            }
            let nStar = best.prefix(k).reduce(0, +)
            let a = area / totalArea
            return Row(method: method, areaShare: share, cells: k, selectedAreaShare: a, capturedIncidents: captured,
                       totalIncidents: total, pai: (captured / total) / a, peiStar: nStar > 0 ? captured / nStar : 0)
        }
    }
}
