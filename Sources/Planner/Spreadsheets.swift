import GeoKit

/// Excel workbooks for readers, written through GDAL's XLSX driver: the headers of
/// ``ReaderTable`` (Vietnamese by default, with units), numbers as numeric cells (shares in
/// percent), names with their diacritics. Opening them needs no import step, unlike a CSV,
/// which Excel on a Vietnamese Windows reads in the legacy code page.
public enum Spreadsheets {
    /// Writes one sheet per `(name, table)` to `path`.
    /// - Throws: ``GeoError/writeFailed(file:reason:)``; nothing is left at `path`.
    public static func write(_ sheets: [(String, ReaderTable)], to path: String) throws {
        try VectorWriter.writeXLSX(try sheets.map { try $0.1.spreadsheet(name: $0.0) }, to: path)
    }

    /// `comparison.xlsx`: scenario × group with a total row per scenario.
    public static func comparison(_ t: ReportTable, lang: ReportLanguage) -> [(String, ReaderTable)] {
        [(lang == .vi ? "So sánh" : "Comparison", ReaderTable(t, lang, totalField: "group"))]
    }

    /// `scorecard.xlsx`: the directive's targets per group and for the province.
    public static func scorecard(_ t: ReportTable, lang: ReportLanguage) -> [(String, ReaderTable)] {
        [(lang == .vi ? "Chỉ tiêu" : "Targets", ReaderTable.scorecard(t, lang))]
    }
}
