import Foundation

/// The dates an incident may plausibly carry. A row dated outside it (a typo such as
/// `2099-06-01` or `1900-01-01`) is rejected with ``RejectReason/dateOutsideWindow``:
/// accepted, it would become "the latest year" or the earliest one and silently shift every
/// year-on-year figure.
public struct DateWindow: Sendable, Hashable, CustomStringConvertible {
    public let earliest: CalendarDate
    public let latest: CalendarDate

    /// - Throws: ``GeoError/invalidInput(_:)`` when `earliest` is after `latest`.
    public init(earliest: CalendarDate, latest: CalendarDate) throws(GeoError) {
        guard earliest <= latest else {
            throw .invalidInput("date window \(earliest)..\(latest) is empty: the first date is after the last")
        }
        self.earliest = earliest
        self.latest = latest
    }

    /// The default: 2000-01-01 to today (UTC).
    public static var standard: DateWindow {
        // Both dates are valid calendar days, so neither init can fail.
        let start = CalendarDate.unchecked(year: 2000, month: 1, day: 1)
        return DateWindow(unchecked: start, CalendarDate.today)
    }

    private init(unchecked earliest: CalendarDate, _ latest: CalendarDate) {
        self.earliest = earliest
        self.latest = Swift.max(earliest, latest)
    }

    /// Parses `FIRST..LAST` (each `yyyy-mm-dd` or `dd/mm/yyyy`; either side may be empty
    /// for "the default", e.g. `2015-01-01..`).
    /// - Throws: ``GeoError/invalidInput(_:)`` for text that is not such a range.
    public init(parsing text: String) throws(GeoError) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else {
            throw .invalidInput("date window '\(text)' is not FIRST..LAST (e.g. 2015-01-01..2024-12-31)")
        }
        let standard = DateWindow.standard
        func side(_ s: String, _ fallback: CalendarDate) throws(GeoError) -> CalendarDate {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return fallback }
            guard let d = CalendarDate(parsing: t) else {
                throw .invalidInput("date window '\(text)': '\(t)' is not a date (yyyy-mm-dd or dd/mm/yyyy)")
            }
            return d
        }
        try self.init(earliest: try side(parts[0], standard.earliest), latest: try side(parts[1], standard.latest))
    }

    public func contains(_ date: CalendarDate) -> Bool { earliest <= date && date <= latest }

    /// `2000-01-01..2026-11-27`.
    public var description: String { "\(earliest)..\(latest)" }
}

extension CalendarDate {
    /// A date known to be valid (constants and the system clock).
    static func unchecked(year: Int, month: Int, day: Int) -> CalendarDate {
        CalendarDate(uncheckedYear: year, month: month, day: day)
    }

    /// Today's date in UTC.
    public static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return .unchecked(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)
    }
}
