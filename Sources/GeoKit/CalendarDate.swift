/// A calendar day (proleptic Gregorian), as incidents are dated.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// - Throws: ``GeoError/invalidInput(_:)`` for a day that does not exist.
    public init(year: Int, month: Int, day: Int) throws(GeoError) {
        guard (1...12).contains(month), (1900...2200).contains(year),
              (1...CalendarDate.days(inMonth: month, year: year)).contains(day) else {
            throw .invalidInput("\(year)-\(month)-\(day) is not a calendar date")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `yyyy-mm-dd` (also `yyyy/mm/dd`) and Vietnamese `dd/mm/yyyy` (also
    /// `dd-mm-yyyy`, `dd.mm.yyyy`), each optionally followed by a time (`T...` or ` ...`),
    /// which is ignored. `nil` when the text is not such a date or the day does not exist.
    public init?(parsing text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if let cut = s.firstIndex(where: { $0 == "T" || $0 == " " }) { s = s[..<cut] }
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let date: CalendarDate?
        if parts[0].count == 4 {
            date = try? CalendarDate(year: a, month: b, day: c)
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            date = try? CalendarDate(year: c, month: b, day: a)
        } else {
            date = nil
        }
        guard let date else { return nil }
        self = date
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (l: CalendarDate, r: CalendarDate) -> Bool {
        (l.year, l.month, l.day) < (r.year, r.month, r.day)
    }

    /// ISO 8601 `yyyy-mm-dd`.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
