/// Accepted incidents as struct-of-arrays: element `i` of every array describes incident `i`.
/// Points are metres in the boundaries' working CRS.
public struct IncidentSet: Sendable {
    public var file: String
    public var points: PlanarPointSet
    public var ids: [String]
    /// `nil` when the file has no date column.
    public var dates: [CalendarDate?]
    /// "" when the file has no category column.
    public var categories: [String]
    /// "" when the file has no severity column.
    public var severities: [String]
    /// `nil` when absent or not recognisable as yes/no.
    public var solved: [Bool?]
    /// From the weight field, else 1.
    public var weights: [Double]
    /// Index into ``BoundarySet/wards`` of the ward holding each point.
    public var wardIndices: [Int]
    /// The source row of each accepted incident (same numbering as ``Rejection/row``).
    public var rows: [Int]
    /// Every rejected row with its reason, in row order.
    public var rejections: [Rejection]
    /// The CRS the coordinates were read in.
    public var sourceCRS: CRS
    /// What may make a result wrong without being an error (rows dated outside the window,
    /// repeated ids), one line each; they belong in the console and in `summary.json`.
    public var warnings: [String] = []

    /// A set built in memory (tests, synthetic data). Every array must have `points.count`
    /// elements.
    /// - Throws: ``GeoError/invalidInput(_:)`` when the arrays differ in length.
    public init(file: String, points: PlanarPointSet, ids: [String], dates: [CalendarDate?], categories: [String],
                severities: [String], solved: [Bool?], weights: [Double], wardIndices: [Int], rows: [Int],
                rejections: [Rejection] = [], sourceCRS: CRS = .wgs84) throws(GeoError) {
        let n = points.count
        guard [ids.count, dates.count, categories.count, severities.count, solved.count, weights.count,
               wardIndices.count, rows.count].allSatisfy({ $0 == n }) else {
            throw .invalidInput("incident arrays must all have \(n) elements")
        }
        self.file = file
        self.points = points
        self.ids = ids
        self.dates = dates
        self.categories = categories
        self.severities = severities
        self.solved = solved
        self.weights = weights
        self.wardIndices = wardIndices
        self.rows = rows
        self.rejections = rejections
        self.sourceCRS = sourceCRS
    }

    public var count: Int { points.count }
    /// Number of rows read (accepted + rejected).
    public var rowCount: Int { points.count + rejections.count }
    /// Years of the dates (`nil` for undated rows).
    public var years: [Int?] { dates.map { $0?.year } }
}
