/// One rejected incident row, as written to the rejects file.
public struct Rejection: Sendable, Hashable, Codable {
    /// The row a user sees: spreadsheet row for CSV/XLSX (header = 1), 1-based feature
    /// number for other formats.
    public var row: Int
    public var id: String
    public var reason: RejectReason
    /// The offending value or a short explanation.
    public var detail: String
    /// The x (longitude) cell as written in the file ("" when empty).
    public var rawX: String
    /// The y (latitude) cell as written in the file.
    public var rawY: String

    public init(row: Int, id: String, reason: RejectReason, detail: String, rawX: String, rawY: String) {
        self.row = row
        self.id = id
        self.reason = reason
        self.detail = detail
        self.rawX = rawX
        self.rawY = rawY
    }
}
