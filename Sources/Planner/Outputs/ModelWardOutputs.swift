import GeoKit

/// `model-wards` layer and console table.
public enum ModelWardOutputs {
    /// Ward polygons with list, rank, score, eligibility and, per criterion, value,
    /// threshold and pass (flat, typed properties).
    public static func layer(_ ranks: [RankedWard], wards: [Ward], toLonLat: CoordinateTransform) throws -> OutputLayer {
        let table = PlannerTables.modelWards(ranks)
        let byID = Dictionary(wards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var features: [Feature<LonLat>] = []
        for (n, row) in table.rows.enumerated() {
            let r = ranks[n]
            guard let w = byID[r.wardID] else { continue }
            let g: Geometry<LonLat> = try toLonLat.transform(Geometry<PlanarPoint>.multiPolygon(w.geometry))
            let attrs = Dictionary(uniqueKeysWithValues: zip(table.fields.map(\.name), row))
            features.append(Feature(index: n, geometry: g, attributes: attrs))
        }
        return try OutputLayer(name: "model_wards", fields: table.fields, geometryType: .multiPolygon, features: features)
    }

    /// The top `top` of each list: rank, ward, group, score, eligible, criteria met.
    public static func consoleTable(_ ranks: [RankedWard], top: Int) -> ReportTable {
        var t = ReportTable(fields: [.init("list", .string), .init("rank", .integer), .init("ward", .string), .init("group", .string),
                                     .init("score", .real), .init("eligible", .bool), .init("criteria_failed", .string)])
        for r in ranks where r.rank <= top {
            let failed = r.criteria.filter { !$0.passed }.map(\.key).joined(separator: " ")
            t.rows.append([.string(r.listKey), .integer(Int64(r.rank)), .string(r.wardName), .string(r.group), .real(r.score),
                           .bool(r.eligible), .string(failed.isEmpty ? "-" : failed)])
        }
        return t
    }
}
