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

    /// No check: for dates known to exist (see ``unchecked(year:month:day:)``).
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `yyyy-mm-dd` (also `yyyy/mm/dd`) and Vietnamese `dd/mm/yyyy` (also
    /// `dd-mm-yyyy`, `dd.mm.yyyy`), each optionally followed by a time (`T...` or ` ...`),
    /// which is ignored. `nil` when the text is not such a date or the day does not exist.
    public init?(parsing text: String) {
        // Three runs of ASCII digits separated by '-', '/' or '.', after optional blanks and
        // before an optional time ('T' or ' '). Works on UTF-8 bytes: called once per row.
        var numbers = [0, 0, 0], digits = [0, 0, 0]
        var part = 0
        var started = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                started = true
                guard digits[part] < 4 else { return nil }
                numbers[part] = numbers[part] * 10 + Int(b - UInt8(ascii: "0"))
                digits[part] += 1
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                guard started, digits[part] > 0, part < 2 else { return nil }
                part += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "T"):
                if !started { continue }
                guard part == 2, digits[2] > 0, let d = Self.make(numbers, digits) else { return nil }
                self = d
                return
            default:
                return nil
            }
        }
        guard part == 2, digits[2] > 0, let d = Self.make(numbers, digits) else { return nil }
        self = d
    }

    private static func make(_ n: [Int], _ digits: [Int]) -> CalendarDate? {
        if digits[0] == 4, digits[1] <= 2, digits[2] <= 2 {
            return try? CalendarDate(year: n[0], month: n[1], day: n[2])
        }
        if digits[2] == 4, digits[0] <= 2, digits[1] <= 2 {
            return try? CalendarDate(year: n[2], month: n[1], day: n[0])
        }
        return nil
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
