/// Why an incident row was not used.
public enum RejectReason: String, Sendable, Hashable, Codable, CaseIterable {
    case emptyCoordinates = "empty coordinates"
    case nonNumeric = "non-numeric coordinates"
    case swappedLatLon = "apparently swapped lat/lon"
    case outOfRange = "coordinates out of range"
    case untransformable = "cannot be transformed"
    case outsideWards = "outside every ward"
    case badDate = "bad date"
    /// A valid date outside the plausible window (``DateWindow``).
    case dateOutsideWindow = "date outside the plausible window"
    /// The `--weight-field` value is empty or not a number.
    case badWeight = "bad weight"
    /// The same incident id as an earlier accepted row: counting it twice would double it.
    case duplicateID = "duplicate id"
}
