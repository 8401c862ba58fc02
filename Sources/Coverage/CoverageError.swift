/// Everything that can go wrong in the coverage layer (catalog, candidate sites, demand,
/// footprints, matrix building), with the type, field and value a user needs to fix it.
public enum CoverageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A camera type id that the catalog does not hold; `known` lists the ids it has.
    case unknownCameraType(id: String, known: [String])
    /// An ad hoc camera radius (metres) that is not > 0.
    case invalidRadius(Double)
    /// A camera type (or ad hoc camera) with a negative or non-finite cost.
    case negativeCost(typeId: String, value: Double)
    /// A horizontal field of view outside (0, 360] degrees.
    case fovOutOfRange(typeId: String, value: Double)
    /// A catalog field with an unusable value (sensor width, mount height, range cap).
    case invalidField(typeId: String, field: String, value: Double, expected: String)
    /// Two catalog entries share an id.
    case duplicateTypeId(String)
    /// The catalog holds no camera type.
    case emptyCatalog
    /// The catalog JSON could not be decoded; `source` is the file or "embedded default".
    case catalogDecoding(source: String, reason: String)
    /// The camera cannot reach the DORI level at ground level: its slant range is not more
    /// than the height difference between the camera and the target.
    case levelUnreachable(typeId: String, level: String, slantRangeMeters: Double, mountHeightMeters: Double)
    /// Site generation produced no candidate inside the study area.
    case noCandidateInsideArea
    /// A spacing, tolerance or cell size (metres) that is not > 0.
    case invalidSpacing(field: String, value: Double)
    /// The number of headings for fixed cameras is not ≥ 1.
    case invalidHeadingCount(Int)
    /// Ids and points of a candidate layer differ in count.
    case siteIdCountMismatch(points: Int, ids: Int)
    /// Demand weights and points differ in count.
    case weightCountMismatch(points: Int, weights: Int)
    /// A demand weight that is negative or not finite (index is 0-based).
    case invalidWeight(index: Int, value: Double)
    /// No camera type was given to the coverage builder.
    case noCameraTypes

    public var description: String {
        switch self {
        case let .unknownCameraType(id, known):
            "unknown camera type '\(id)'; the catalog has: \(known.joined(separator: ", "))"
        case let .invalidRadius(r):
            "camera radius must be > 0 metres, got \(r)"
        case let .negativeCost(typeId, value):
            "camera type '\(typeId)': field 'cost' must be a finite number >= 0, got \(value)"
        case let .fovOutOfRange(typeId, value):
            "camera type '\(typeId)': field 'hfov_deg' must be in (0, 360] degrees, got \(value)"
        case let .invalidField(typeId, field, value, expected):
            "camera type '\(typeId)': field '\(field)' is \(value), expected \(expected)"
        case let .duplicateTypeId(id):
            "camera catalog: id '\(id)' appears more than once"
        case .emptyCatalog:
            "camera catalog holds no camera type"
        case let .catalogDecoding(source, reason):
            "camera catalog \(source): \(reason)"
        case let .levelUnreachable(typeId, level, slant, height):
            "camera type '\(typeId)' cannot reach \(level) at ground level: slant range \(slant) m "
                + "is not more than the height above the target (mount height \(height) m)"
        case .noCandidateInsideArea:
            "no candidate site lies inside the study area"
        case let .invalidSpacing(field, value):
            "\(field) must be > 0 metres, got \(value)"
        case let .invalidHeadingCount(k):
            "the number of headings must be >= 1, got \(k)"
        case let .siteIdCountMismatch(points, ids):
            "candidate sites: \(points) points but \(ids) ids"
        case let .weightCountMismatch(points, weights):
            "demand: \(points) points but \(weights) weights"
        case let .invalidWeight(index, value):
            "demand weight at index \(index) must be a finite number >= 0, got \(value)"
        case .noCameraTypes:
            "no camera type was given"
        }
    }
}
