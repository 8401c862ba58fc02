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

    public var count: Int { points.count }
    /// Number of rows read (accepted + rejected).
    public var rowCount: Int { points.count + rejections.count }
    /// Years of the dates (`nil` for undated rows).
    public var years: [Int?] { dates.map { $0?.year } }
}
