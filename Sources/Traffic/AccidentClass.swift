import Foundation

/// The classes of a road traffic accident as Vietnamese police statistics record them, from
/// the lightest to the gravest: va chạm giao thông (a collision without serious harm), then
/// tai nạn giao thông ít nghiêm trọng, nghiêm trọng, rất nghiêm trọng and đặc biệt nghiêm
/// trọng (by deaths, injuries and damage; DOMAIN.md, "Traffic cameras").
///
/// The shipped `traffic_accidents.csv` uses three English codes; they are read as
/// `minor` = va chạm giao thông, `serious` = ít nghiêm trọng (people hurt, nobody killed) and
/// `fatal` = nghiêm trọng (the lightest class with a death). This mapping is a choice made
/// here: the Vietnamese class *nghiêm trọng* already involves a death, so the English
/// "serious" (injury) sits one class below it. The English incident codes `less_serious`,
/// `very_serious` and `especially_serious` read as their Vietnamese classes.
public enum AccidentClass: String, Sendable, CaseIterable, Hashable, Comparable {
    /// va chạm giao thông
    case collision = "va_cham"
    /// tai nạn giao thông ít nghiêm trọng
    case lessSerious = "it_nghiem_trong"
    /// tai nạn giao thông nghiêm trọng
    case serious = "nghiem_trong"
    /// tai nạn giao thông rất nghiêm trọng
    case verySerious = "rat_nghiem_trong"
    /// tai nạn giao thông đặc biệt nghiêm trọng
    case especiallySerious = "dac_biet_nghiem_trong"

    /// Position from the lightest (0) to the gravest (4).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: AccidentClass, b: AccidentClass) -> Bool { a.rank < b.rank }

    /// The Vietnamese name (NFC).
    public var vietnameseName: String {
        switch self {
        case .collision: "va chạm giao thông"
        case .lessSerious: "ít nghiêm trọng"
        case .serious: "nghiêm trọng"
        case .verySerious: "rất nghiêm trọng"
        case .especiallySerious: "đặc biệt nghiêm trọng"
        }
    }

    /// Whether an accident of this class counts as fatal when no deaths column is given
    /// (nghiêm trọng and graver).
    public var impliesDeath: Bool { self >= .serious }

    /// What ``parse(_:)`` accepts, for error messages.
    public static let expectedText = "an accident class (va chạm giao thông, ít nghiêm trọng, nghiêm trọng, rất nghiêm trọng, "
        + "đặc biệt nghiêm trọng, with or without diacritics or the prefix 'tai nạn giao thông'; collision, less_serious, "
        + "very_serious, especially_serious; the shipped file's minor, serious, fatal; or 0-4)"

    /// Reads a class: the codes (the raw values, ASCII forms of the Vietnamese names), the
    /// Vietnamese names with or without diacritics (and with or
    /// without the prefix "tai nạn giao thông"), the shipped file's `minor`/`serious`/`fatal`,
    /// or 0–4. Returns `nil` for an empty or unknown value.
    public static func parse(_ text: String) -> AccidentClass? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty else { return nil }
        if let c = AccidentClass(rawValue: t) { return c }
        var folded = t.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "vi"))
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "_", with: " ")
            .replacingOccurrences(of: "-", with: " ")
        folded = folded.split(separator: " ").joined(separator: " ")
        for prefix in ["tai nan giao thong ", "tngt "] where folded.hasPrefix(prefix) {
            folded = String(folded.dropFirst(prefix.count))
        }
        switch folded {
        case "0", "va cham giao thong", "va cham", "collision", "minor": return .collision
        case "1", "it nghiem trong", "less serious", "serious": return .lessSerious
        case "2", "nghiem trong", "fatal": return .serious
        case "3", "rat nghiem trong", "very serious": return .verySerious
        case "4", "dac biet nghiem trong", "especially serious": return .especiallySerious
        default: return nil
        }
    }

    /// The class that deaths and injuries alone imply: 3 or more deaths đặc biệt nghiêm trọng,
    /// 2 rất nghiêm trọng, 1 nghiêm trọng, injuries only ít nghiêm trọng, neither va chạm.
    public static func from(deaths: Int, injuries: Int) -> AccidentClass {
        switch deaths {
        case 3...: .especiallySerious
        case 2: .verySerious
        case 1: .serious
        default: injuries > 0 ? .lessSerious : .collision
        }
    }
}

/// Demand weight per accident class (configurable in a scenario as `accident_weights:`).
/// Defaults double per class, 1 for va chạm up to 16 for đặc biệt nghiêm trọng, as the
/// incident weights double per Penal Code class.
public struct AccidentWeights: Sendable, Hashable {
    public private(set) var byClass: [AccidentClass: Double]

    public static let standard = AccidentWeights(uncheckedByClass: [
        .collision: 1, .lessSerious: 2, .serious: 4, .verySerious: 8, .especiallySerious: 16,
    ])

    private init(uncheckedByClass: [AccidentClass: Double]) { byClass = uncheckedByClass }

    /// Starts from ``standard`` and overrides the classes in `overrides` (keys as
    /// ``AccidentClass/parse(_:)`` reads them).
    /// - Throws: ``TrafficError/invalidSetting(_:)`` for an unknown class or a weight that is
    ///   not finite and ≥ 0.
    public init(overrides: [String: Double]) throws {
        var w = Self.standard.byClass
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let c = AccidentClass.parse(key) else {
                throw TrafficError.invalidSetting("accident_weights: '\(key)' is not \(AccidentClass.expectedText)")
            }
            guard value.isFinite, value >= 0 else {
                throw TrafficError.invalidSetting("accident_weights: weight of '\(key)' must be a number >= 0, got \(value)")
            }
            w[c] = value
        }
        byClass = w
    }

    public subscript(_ c: AccidentClass) -> Double { byClass[c] ?? 1 }
}
