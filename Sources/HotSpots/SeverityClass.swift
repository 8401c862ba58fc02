/// The four offence classes of the Vietnamese Penal Code (art. 9).
public enum SeverityClass: String, Sendable, CaseIterable, Hashable {
    /// ít nghiêm trọng
    case lessSerious = "less_serious"
    /// nghiêm trọng
    case serious
    /// rất nghiêm trọng
    case verySerious = "very_serious"
    /// đặc biệt nghiêm trọng
    case especiallySerious = "especially_serious"

    /// Whether the directive's 90 % clearance target applies (very serious and especially
    /// serious cases, Chỉ thị 15/CT-UBND item 3).
    public var isGrave: Bool { self == .verySerious || self == .especiallySerious }
}
