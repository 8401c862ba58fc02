/// The language of the pages and spreadsheets a planner reads (`--lang`, scenario `lang:`).
/// Vietnamese by default: `.` groups thousands and `,` marks decimals (`7.148,5`), percent
/// as `36,9 %`, money in triệu đồng; English uses `7,148.5`, `36.9%` and million VND.
/// Machine outputs (CSV, GeoJSON, JSON) keep field names and plain numbers in every language.
public enum ReportLanguage: String, Sendable, CaseIterable, Equatable {
    case vi
    case en

    var thousandsSeparator: Character { self == .vi ? "." : "," }
    var decimalSeparator: Character { self == .vi ? "," : "." }

    /// `value` rounded to `decimals` places with the language's separators; empty for a
    /// non-finite value. Deterministic (no system locale).
    public func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "" }
        let places = max(0, decimals)
        var scaled = (abs(value) * pow10(places)).rounded()
        let negative = value < 0 && scaled > 0
        var fraction = ""
        if places > 0 {
            var digits: [Character] = []
            for _ in 0 ..< places {
                let d = Int(scaled.truncatingRemainder(dividingBy: 10))
                digits.append(Character(String(d)))
                scaled = (scaled / 10).rounded(.down)
            }
            fraction = String(decimalSeparator) + String(digits.reversed())
        }
        let whole = String(format: "%.0f", scaled)
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(thousandsSeparator) }
            grouped.append(ch)
        }
        return (negative ? "-" : "") + grouped + fraction
    }

    /// An integer with thousands grouped (`7.148`, `7,148`).
    public func integer(_ value: Int) -> String { number(Double(value)) }

    /// A share 0…1 as percent: vi `36,9 %`, en `36.9%`.
    public func percent(share: Double, decimals: Int = 1) -> String {
        percent(points: share * 100, decimals: decimals)
    }

    /// A value already in percent (a change of -5.66 %): vi `-5,7 %`, en `-5.7%`.
    public func percent(points: Double, decimals: Int = 1) -> String {
        guard points.isFinite else { return "" }
        return number(points, decimals: decimals) + (self == .vi ? " %" : "%")
    }

    /// Money in million VND: vi `7.148,0 triệu đồng`, en `7,148.0 million VND`.
    public func millionVND(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "" }
        return number(value, decimals: decimals) + " " + text(.millionVND)
    }

    /// A number with a unit after a space (`39,2 m`).
    public func measure(_ value: Double, decimals: Int, unit: String) -> String {
        guard value.isFinite else { return "" }
        return number(value, decimals: decimals) + " " + unit
    }

    /// The eight-point compass word for a heading in degrees clockwise from north.
    public func compass(headingDegrees: Double) -> String {
        let words: [String] = self == .vi
            ? ["Bắc", "Đông Bắc", "Đông", "Đông Nam", "Nam", "Tây Nam", "Tây", "Tây Bắc"]
            : ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
        let normalised = (headingDegrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return words[Int((normalised / 45).rounded()) % 8]
    }

    /// A fixed phrase in this language.
    public func text(_ phrase: ReportPhrase) -> String {
        let (vi, en) = phrase.texts
        return self == .vi ? vi : en
    }

    private func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0 ..< n { r *= 10 }
        return r
    }
}
