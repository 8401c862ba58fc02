/// How to read an incident file. `nil` fields are detected from common names.
public struct IncidentOptions: Sendable {
    /// Layer (or sheet) name; `nil` = the first.
    public var layer: String?
    /// `--x-field`; default the first of lon, lng, long, longitude, x, kinh_do, kinhdo
    /// (case-insensitive). Only for tables; point layers use their geometry.
    public var xField: String?
    /// `--y-field`; default the first of lat, latitude, y, vi_do, vido.
    public var yField: String?
    /// `--crs`: the CRS of the coordinates when the file has none (default WGS 84).
    public var sourceCRS: CRS?
    public var idField: String?
    public var dateField: String?
    public var categoryField: String?
    public var severityField: String?
    public var solvedField: String?
    /// A numeric field weighting each incident (default: every incident weighs 1).
    public var weightField: String?
    /// Rows dated outside this window are rejected (default 2000-01-01 to today).
    public var dateWindow: DateWindow = .standard
    /// `--encoding`: the character set of a CSV file that is not UTF-8 (e.g. `windows-1258`,
    /// `latin1`); `nil` = UTF-8, and a file with invalid UTF-8 is refused.
    public var encoding: String?

    public init(layer: String? = nil, xField: String? = nil, yField: String? = nil, sourceCRS: CRS? = nil,
                idField: String? = nil, dateField: String? = nil, categoryField: String? = nil,
                severityField: String? = nil, solvedField: String? = nil, weightField: String? = nil) {
        self.layer = layer
        self.xField = xField
        self.yField = yField
        self.sourceCRS = sourceCRS
        self.idField = idField
        self.dateField = dateField
        self.categoryField = categoryField
        self.severityField = severityField
        self.solvedField = solvedField
        self.weightField = weightField
    }
}
