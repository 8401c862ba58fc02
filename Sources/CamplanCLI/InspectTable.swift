import Foundation
import GeoKit

/// The human-readable table of `camplan inspect`.
enum InspectTable {
    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return right ? fill + s : s + fill
    }

    static func render(_ s: InputSummary) -> String {
        var out = ""
        out += "Wards: \(s.wardsFile): \(s.wardCount) wards in \(s.groups.count) groups (by \(s.groupField ?? "nothing"))\n"
        out += "CRS: \(s.sourceCRS) -> working CRS \(s.workCRS)\n\n"
        let years = s.incidentsByYear.keys.sorted()
        let nameWidth = max(20, (s.groups.map(\.name.count).max() ?? 0) + 2)
        var header = pad(s.groupField ?? "group", nameWidth) + pad("wards", 6, right: true) + pad("phường", 8, right: true)
            + pad("xã", 5, right: true) + pad("other", 6, right: true) + pad("km²", 10, right: true)
        if s.incidentsFile != nil {
            header += pad("incidents", 11, right: true)
            for y in years { header += pad(y, 8, right: true) }
        }
        out += header + "\n" + String(repeating: "-", count: header.count) + "\n"
        func line(_ name: String, _ wards: Int, _ byType: [String: Int], _ area: Double, _ incidents: Int, _ byYear: [String: Int]) -> String {
            let other = wards - (byType[WardType.phuong.rawValue] ?? 0) - (byType[WardType.xa.rawValue] ?? 0)
            var l = pad(name, nameWidth) + pad(String(wards), 6, right: true)
                + pad(String(byType[WardType.phuong.rawValue] ?? 0), 8, right: true)
                + pad(String(byType[WardType.xa.rawValue] ?? 0), 5, right: true) + pad(String(other), 6, right: true)
                + pad(String(format: "%.1f", area), 10, right: true)
            if s.incidentsFile != nil {
                l += pad(String(incidents), 11, right: true)
                for y in years { l += pad(String(byYear[y] ?? 0), 8, right: true) }
            }
            return l + "\n"
        }
        for g in s.groups {
            out += line(g.name, g.wards, g.wardsByType, g.areaSquareKilometers, g.incidents, g.incidentsByYear)
        }
        out += String(repeating: "-", count: header.count) + "\n"
        out += line("total", s.wardCount, s.wardsByType, s.areaSquareKilometers, s.incidentCount, s.incidentsByYear)
        if let file = s.incidentsFile {
            out += "\nIncidents: \(file) (\(s.incidentsCRS ?? "?")): \(s.incidentRows) rows, \(s.incidentCount) accepted, \(s.rejectedCount) rejected\n"
            out += "  by category: " + tally(s.incidentsByCategory) + "\n"
            out += "  by severity: " + tally(s.incidentsBySeverity) + "\n"
            if s.rejectedCount > 0 {
                out += "  rejected: " + tally(s.rejectedByReason) + "\n"
            }
            out += "\n" + crossTable(s, title: "by severity", keys: s.incidentsBySeverity.keys.sorted(by: severityOrder),
                                    nameWidth: nameWidth) { $0.incidentsBySeverity }
            out += "\n" + crossTable(s, title: "by category", keys: s.incidentsByCategory.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                                    nameWidth: nameWidth) { $0.incidentsByCategory }
        }
        if let file = s.installedFile, let n = s.installedCount {
            out += "\nInstalled cameras: \(file): \(n) kept\n"
        }
        if s.repairs.isEmpty {
            out += "\nBoundaries: all valid\n"
        } else {
            out += "\nBoundaries repaired (\(s.repairs.count)):\n"
            for r in s.repairs { out += "  feature \(r.feature) (ward \(r.wardID)): \(r.reason)\n" }
        }
        if !s.warnings.isEmpty {
            out += "\nWarnings (\(s.warnings.count)):\n"
            for w in s.warnings { out += "  \(w)\n" }
        }
        return out
    }

    /// Incidents per group (rows) and `keys` (columns), with the group's total.
    static func crossTable(_ s: InputSummary, title: String, keys: [String], nameWidth: Int,
                           _ values: (InputSummary.Group) -> [String: Int]) -> String {
        let widths = keys.map { max($0.count, 5) + 2 }
        var header = pad("incidents \(title)", nameWidth)
        for (k, w) in zip(keys, widths) { header += pad(k, w, right: true) }
        var out = header + "\n" + String(repeating: "-", count: header.count) + "\n"
        for g in s.groups {
            let v = values(g)
            var l = pad(g.name, nameWidth)
            for (k, w) in zip(keys, widths) { l += pad(String(v[k] ?? 0), w, right: true) }
            out += l + "\n"
        }
        return out
    }

    /// Penal Code order for the known classes, then the rest alphabetically.
    static func severityOrder(_ a: String, _ b: String) -> Bool {
        let order = ["less_serious", "serious", "very_serious", "especially_serious"]
        switch (order.firstIndex(of: a), order.firstIndex(of: b)) {
        case let (i?, j?): return i < j
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a < b
        }
    }

    static func tally(_ d: [String: Int]) -> String {
        d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
