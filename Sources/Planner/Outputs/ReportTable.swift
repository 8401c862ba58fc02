import Foundation
import GeoKit

/// A plain attribute table (no geometry) for CSV and Markdown reports: typed columns so
/// that the CSV written through GDAL keeps integers and reals apart.
public struct ReportTable: Sendable, Equatable {
    public var fields: [FieldDefinition]
    public var rows: [[FieldValue]]

    public init(fields: [FieldDefinition], rows: [[FieldValue]] = []) {
        self.fields = fields
        self.rows = rows
    }

    /// A GitHub-flavoured Markdown table; reals are printed with `decimals` places.
    public func markdown(decimals: Int = 3) -> String {
        var s = "| " + fields.map(\.name).joined(separator: " | ") + " |\n"
        s += "|" + fields.map { $0.type == .string ? " --- |" : " ---: |" }.joined() + "\n"
        for row in rows {
            s += "| " + row.map { ReportTable.text($0, decimals: decimals) }.joined(separator: " | ") + " |\n"
        }
        return s
    }

    /// A fixed-width console table.
    public func console(decimals: Int = 3) -> String {
        let cells = [fields.map(\.name)] + rows.map { $0.map { ReportTable.text($0, decimals: decimals) } }
        let widths = fields.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        return cells.enumerated().map { (i, row) in
            let line = row.enumerated().map { (c, v) in
                let pad = String(repeating: " ", count: widths[c] - v.count)
                return fields[c].type == .string ? v + pad : pad + v
            }.joined(separator: "  ")
            return i == 0 ? line + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") : line
        }.joined(separator: "\n") + "\n"
    }

    /// Features with no geometry, for ``VectorWriter``'s CSV output.
    public var features: [Feature<LonLat>] {
        rows.enumerated().map { (i, row) in
            Feature(index: i, geometry: nil, attributes: Dictionary(uniqueKeysWithValues: zip(fields.map(\.name), row)))
        }
    }

    static func text(_ v: FieldValue, decimals: Int) -> String {
        switch v {
        case .null: ""
        case .integer(let i): String(i)
        case .real(let d): d.isFinite ? String(format: "%.\(decimals)f", d) : ""
        case .string(let s): s
        case .bool(let b): b ? "yes" : "no"
        }
    }
}
