/// Why an incident row was not used.
public enum RejectReason: String, Sendable, Hashable, Codable, CaseIterable {
    case emptyCoordinates = "empty coordinates"
    case nonNumeric = "non-numeric coordinates"
    case swappedLatLon = "apparently swapped lat/lon"
    case outOfRange = "coordinates out of range"
    case untransformable = "cannot be transformed"
    case outsideWards = "outside every ward"
    case badDate = "bad date"
}
