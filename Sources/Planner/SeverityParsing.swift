import Foundation
import GeoKit
import HotSpots

/// Reads the four Penal Code severity classes (art. 9) from an incident table: the codes
/// (`less_serious`, `serious`, `very_serious`, `especially_serious`), the Vietnamese names
/// with or without diacritics (ít nghiêm trọng, nghiêm trọng, rất nghiêm trọng, đặc biệt
/// nghiêm trọng), or 1–4. An empty value counts as less serious; any other value is an error
/// naming the row, so a misspelt class is never silently down-weighted.
public enum SeverityParsing {
    public static func parse(_ text: String) -> SeverityClass? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .lessSerious }
        if let c = SeverityClass(rawValue: t.lowercased()) { return c }
        let folded = t.lowercased().folding(options: [.diacriticInsensitive], locale: Locale(identifier: "vi"))
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "_", with: " ")
            .replacingOccurrences(of: "-", with: " ")
        switch folded {
        case "1", "it nghiem trong", "less serious": return .lessSerious
        case "2", "nghiem trong": return .serious
        case "3", "rat nghiem trong", "very serious": return .verySerious
        case "4", "dac biet nghiem trong", "especially serious": return .especiallySerious
        default: return nil
        }
    }

    /// The class of every incident in `inc`.
    /// - Throws: ``GeoError/badValue(file:row:field:value:expected:)`` for the first value that
    ///   is not a class.
    public static func classes(of inc: IncidentSet) throws -> [SeverityClass] {
        var cache: [String: SeverityClass] = [:]
        var out: [SeverityClass] = []
        out.reserveCapacity(inc.count)
        for i in 0 ..< inc.count {
            let s = inc.severities[i]
            if let c = cache[s] { out.append(c); continue }
            guard let c = parse(s) else {
                throw GeoError.badValue(file: inc.file, row: inc.rows[i], field: "severity", value: s,
                                        expected: "a severity class (less_serious, serious, very_serious, especially_serious, the Vietnamese names, or 1-4)")
            }
            cache[s] = c
            out.append(c)
        }
        return out
    }
}
