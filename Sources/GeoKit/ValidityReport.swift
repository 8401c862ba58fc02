/// The result of a validity check: `nil` reason means valid.
public struct ValidityReport: Sendable, Equatable {
    /// GEOS's explanation (e.g. "Self-intersection[105.9 10.3]"); `nil` when valid.
    public var reason: String?
    public var isValid: Bool { reason == nil }
}
