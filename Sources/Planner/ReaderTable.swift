import GeoKit

/// A table as a planner reads it, in one language: headers with units, each cell as shown
/// on the page and as written in a spreadsheet (numbers stay numbers). Built from a machine
/// ``ReportTable``; the HTML page and the XLSX files both use it, so they always agree.
public struct ReaderTable: Sendable {
    public var headers: [String]
    /// Cell types of the spreadsheet form.
    public var types: [FieldType]
    /// Text shown on the page.
    public var display: [[String]]
    /// Values written to a spreadsheet.
    public var values: [[FieldValue]]
    /// Rows shown in bold (totals).
    public var emphasised: Set<Int>

    /// `table` with each column's header and format from ``ReportColumns`` (or `columns`).
    /// Rows whose `totalField` equals `totalValue` are marked as totals and their value in
    /// that column is replaced by the word for total.
    public init(_ table: ReportTable, _ lang: ReportLanguage, columns: [String: ReportColumn] = [:],
                totalField: String? = nil, totalValue: String = "ALL") {
        let cols = table.fields.map { columns[$0.name] ?? ReportColumns.column($0) }
        headers = cols.map { $0.header(lang) }
        types = cols.map(\.spreadsheetType)
        display = []
        values = []
        emphasised = []
        let totalIndex = totalField.flatMap { f in table.fields.firstIndex { $0.name == f } }
        for (r, row) in table.rows.enumerated() {
            var shown = zip(cols, row).map { c, v in c.display(v, lang) }
            var cells = zip(cols, row).map { c, v in c.spreadsheetValue(v, lang) }
            if let t = totalIndex, row[t] == .string(totalValue) {
                emphasised.insert(r)
                shown[t] = lang.text(.total)
                cells[t] = .string(lang.text(.total))
            }
            display.append(shown)
            values.append(cells)
        }
    }

    /// The spreadsheet form as an attribute table (field names are the headers).
    public func spreadsheet(name: String) throws -> OutputLayer {
        var seen: [String: Int] = [:]
        let names = headers.map { h -> String in
            let n = seen[h, default: 0]
            seen[h] = n + 1
            return n == 0 ? h : "\(h) (\(n + 1))"
        }
        let fields = zip(names, types).map { FieldDefinition($0, $1) }
        let features = values.enumerated().map { i, row in
            Feature<LonLat>(index: i, geometry: nil, attributes: Dictionary(uniqueKeysWithValues: zip(names, row)))
        }
        return try OutputLayer(name: name, fields: fields, geometryType: .none, features: features)
    }

    /// The scorecard for readers: target names, statuses in words, and value and threshold
    /// both in percent (changes are percent already, rates are shares).
    public static func scorecard(_ table: ReportTable, _ lang: ReportLanguage) -> ReaderTable {
        var t = table
        let target = t.fields.firstIndex { $0.name == "target" }
        let keep = ["scope", "target", "value", "threshold", "comparison", "status"]
        for r in t.rows.indices {
            let isChange = target.map { t.rows[r][$0].stringValue?.hasSuffix("_change") ?? false } ?? false
            for name in ["value", "threshold"] {
                guard let c = t.fields.firstIndex(where: { $0.name == name }), let v = t.rows[r][c].number else { continue }
                t.rows[r][c] = .real(isChange ? v : v * 100)
            }
        }
        let cols = keep.compactMap { k in t.fields.firstIndex { $0.name == k } }
        let reduced = ReportTable(fields: cols.map { t.fields[$0] }, rows: t.rows.map { row in cols.map { row[$0] } })
        return ReaderTable(reduced, lang, columns: [
            "value": ReportColumn("Giá trị (%)", "Value (%)", .percentPoints),
            "threshold": ReportColumn("Ngưỡng (%)", "Threshold (%)", .percentPoints),
        ])
    }
}

extension ReportTable {
    /// The table with every real rounded to `decimals` places, for CSV files: shares and
    /// weights to 0.0001 instead of 17 significant digits (`0.4719` not
    /// `0.4719387755102041`). Integers and text are unchanged.
    public func rounded(decimals: Int = 4) -> ReportTable {
        var k = 1.0
        for _ in 0 ..< decimals { k *= 10 }
        var t = self
        for r in t.rows.indices {
            for c in t.rows[r].indices {
                if case let .real(v) = t.rows[r][c], v.isFinite { t.rows[r][c] = .real((v * k).rounded() / k) }
            }
        }
        return t
    }
}
