import GeoKit

/// Table forms of the ranking and the scorecard, for CSV, Markdown and the console.
public enum PlannerTables {
    /// `model-wards.csv`: one row per ranked ward, and for every criterion its value,
    /// threshold and pass/fail (`n/a` values are empty and count as met).
    public static func modelWards(_ ranked: [RankedWard]) -> ReportTable {
        var fields: [FieldDefinition] = [
            .init("list", .string), .init("rank", .integer), .init("ward_id", .string), .init("ward_name", .string),
            .init("ward_type", .string), .init("group", .string), .init("score", .real), .init("eligible", .bool),
        ]
        for k in ModelWardRanking.criterionKeys {
            fields += [.init("\(k)_value", .real), .init("\(k)_threshold", .real), .init("\(k)_pass", .bool)]
            // The complex cells behind not_complex's density (a ward with none is never complex).
            if k == "not_complex" { fields.append(.init("not_complex_cells", .integer)) }
        }
        var t = ReportTable(fields: fields)
        for r in ranked {
            var row: [FieldValue] = [.string(r.listKey), .integer(Int64(r.rank)), .string(r.wardID), .string(r.wardName),
                                     .string(r.type), .string(r.group), .real(r.score), .bool(r.eligible)]
            for k in ModelWardRanking.criterionKeys {
                let c = r.criteria.first(where: { $0.key == k })
                if let c {
                    row += [c.value.map { .real($0) } ?? .null, .real(c.threshold), .bool(c.passed)]
                } else {
                    row += [.null, .null, .null]
                }
                if k == "not_complex" { row.append(c?.count.map { .integer(Int64($0)) } ?? .null) }
            }
            t.rows.append(row)
        }
        return t
    }

    /// `scorecard.csv`: scope, target, requirement, value, threshold, comparison, status.
    public static func scorecard(_ lines: [ScorecardLine]) -> ReportTable {
        var fields: [FieldDefinition] = [
            .init("scope", .string), .init("target", .string), .init("requirement", .string), .init("value", .real),
            .init("threshold", .real), .init("comparison", .string), .init("status", .string),
        ]
        let hasPlan = lines.contains { $0.plan != nil }
        if hasPlan { fields += [.init("plan", .string), .init("plan_coverage", .real)] }
        var t = ReportTable(fields: fields)
        for l in lines {
            var row: [FieldValue] = [.string(l.scope), .string(l.target), .string(l.requirement), l.value.map { .real($0) } ?? .null,
                                     .real(l.threshold), .string(l.comparison), .string(l.status)]
            if hasPlan { row += [l.plan.map { .string($0) } ?? .null, l.planCoverage.map { .real($0) } ?? .null] }
            t.rows.append(row)
        }
        return t
    }
}
